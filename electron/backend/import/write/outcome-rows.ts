// Outcome rows as written: `won` and `is_expansion` are derived for every row (outcome-state.ts,
// outcome-words.ts) and tallied for the report's type × won/lost/open table. For subscriptions,
// rows whose expansion no flag or type decides are settled after the last batch by comparing
// consecutive subscriptions of one account: the first is not an expansion, a later one is when its
// amount (or, amounts equal or missing, its seats) exceeds the previous one's.
import type { Typed } from '#shared/import/convert';
import type { OutcomeRules } from '#shared/import/mapping';
import { outcomeState, wonColumn } from '#shared/import/outcome-state';
import { createOutcomeTally } from '#shared/import/outcome-tally';
import { outcomeVocabulary } from '#shared/import/outcome-words';
import type { OutcomeSummary, OutcomeTypeRow } from '#shared/import/report';
import type { Db } from '../../store/sqlite';

export interface OutcomeDeriver {
  /** `value(field)` reads the record's canonical value (undefined when the field is not mapped). */
  derive(value: (field: string) => Typed | undefined): { won: 0 | 1 | null; isExpansion: 0 | 1 | null };
  /** After the last row: the subscription rule, then the summary for the report. */
  finish(db: Db, importId: number): OutcomeSummary;
}

const asBool = (v: Typed | undefined) => (typeof v === 'boolean' ? v : null);
const asNumber = (v: Typed | undefined) => (typeof v === 'number' ? v : null);
const asText = (v: Typed | undefined) => (v === undefined || v === null ? null : String(v));

const upgradeSql = (set: 0 | 1) => /* sql */ `
WITH s AS (
  SELECT id, amount, seats,
         lag(amount) OVER w AS prev_amount, lag(seats) OVER w AS prev_seats, row_number() OVER w AS n
    FROM outcomes
   WHERE import_id = @importId AND opened_date IS NOT NULL
  WINDOW w AS (PARTITION BY account_key ORDER BY opened_date, close_date, id)
), verdict AS (
  SELECT id, CASE
           WHEN n = 1 THEN 0
           WHEN amount IS NOT NULL AND prev_amount IS NOT NULL AND amount <> prev_amount THEN amount > prev_amount
           WHEN seats IS NOT NULL AND prev_seats IS NOT NULL THEN seats > prev_seats
           WHEN amount IS NOT NULL AND prev_amount IS NOT NULL THEN 0
         END AS up
    FROM s
)
UPDATE outcomes SET is_expansion = ${set}
  FROM verdict
 WHERE outcomes.id = verdict.id AND outcomes.import_id = @importId AND outcomes.is_expansion IS NULL
   AND verdict.up = ${set}`;

export function createOutcomeDeriver(rules: OutcomeRules): OutcomeDeriver {
  const vocab = outcomeVocabulary(rules.words, rules.types, rules.stages);
  const tally = createOutcomeTally(vocab);
  const subscriptions = rules.source === 'subscriptions';
  return {
    derive(value) {
      const stage = asText(value('stage'));
      const state = outcomeState(
        {
          won: asBool(value('won')),
          stage,
          probability: asNumber(value('probability')),
          isClosed: asBool(value('is_closed')),
          churned: asBool(value('churned')),
        },
        vocab,
        rules.source,
      );
      const type = asText(value('type'));
      const flag = asBool(value('is_expansion'));
      let expansion: boolean | null = flag;
      let by: OutcomeTypeRow['by'] = 'flag';
      if (expansion === null && type !== null) {
        const verdict = vocab.classifyType(type);
        expansion = verdict.expansion;
        by = verdict.by;
      }
      if (expansion === null && subscriptions) by = 'subscriptions';
      tally.add(type, by, expansion, state, stage);
      return { won: wonColumn(state), isExpansion: expansion === null ? null : expansion ? 1 : 0 };
    },
    finish(db, importId) {
      let upgrades = 0;
      if (subscriptions) {
        upgrades = db.prepare(upgradeSql(1)).run({ importId }).changes;
        db.prepare(upgradeSql(0)).run({ importId });
      }
      return tally.summary({ source: rules.source, sourceReason: rules.sourceReason, upgrades });
    },
  };
}
