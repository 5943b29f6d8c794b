// How an outcomes file is read: as opportunities (won from flags, stages, probability) or as
// subscriptions (a churned or cancelled one is lost; consecutive ones of an account decide
// expansions), with the user's word lists and per-type and per-stage choices.
import { normalizeHeader } from './fields';
import type { ColumnPlan, MappingSpec, OutcomeRules } from './mapping';
import { defaultOutcomeWords } from './outcome-words';
import type { OutcomeSummary } from './report';

const subscriptionWords = ['subscription', 'mrr', 'interval', 'trial', 'churn', 'billing'];

export function outcomeRulesOf(
  headers: readonly string[],
  columns: readonly ColumnPlan[],
  spec: MappingSpec,
): OutcomeRules {
  const base = {
    words: spec.outcomeWords ?? defaultOutcomeWords,
    types: spec.outcomeTypes ?? {},
    stages: spec.outcomeStages ?? {},
  };
  if (spec.outcomeSource) return { ...base, source: spec.outcomeSource, sourceReason: 'the mapping says so' };
  const churned = columns.find((c) => c.field === 'churned' && !c.skip);
  if (churned) return { ...base, source: 'subscriptions', sourceReason: `a churn flag ("${churned.source}")` };
  const hint = headers.find((h) =>
    normalizeHeader(h)
      .split(' ')
      .some((w) => subscriptionWords.includes(w)),
  );
  if (hint) return { ...base, source: 'subscriptions', sourceReason: `the header "${hint}"` };
  return { ...base, source: 'opportunities', sourceReason: 'no header speaks of subscriptions' };
}

export function outcomeRulesNote(rules: OutcomeRules): string | null {
  if (rules.source !== 'subscriptions') return null;
  return (
    `Read as subscriptions (${rules.sourceReason}): a churned or cancelled subscription is lost, and one that ` +
    `follows an earlier subscription of its account with a higher amount (or more seats) is an expansion.`
  );
}

const quoted = (list: { text: string; rows: number }[], more: number) =>
  list.map((t) => `"${t.text}" (${t.rows.toLocaleString('en-US')} row${t.rows === 1 ? '' : 's'})`).join(', ') +
  (more > 0 ? ` and ${more} more` : '');

/** What the validation report and `warnings` say about an outcomes import. */
export function outcomeWarnings(s: OutcomeSummary): string[] {
  const out: string[] = [];
  if (s.unknownTypes.length > 0) {
    const shown = s.unknownTypes.slice(0, 8).map((t) => ({ text: t.type, rows: t.rows }));
    const first = s.unknownTypes[0]!.type;
    const n = s.unknownTypes.length;
    out.push(
      `${n} outcome type${n === 1 ? ' is' : 's are'} in neither word list, so ${n === 1 ? 'its' : 'their'} ` +
        `is_expansion is left blank (unknown): ${quoted(shown, n - shown.length)}. Classify ${n === 1 ? 'it' : 'them'} ` +
        `in the import wizard, or in the mapping file: "outcomeTypes": {${JSON.stringify(first)}: false}.`,
    );
  }
  const rows = s.totals.won + s.totals.lost + s.totals.open + s.totals.unknown;
  if (rows > 0 && s.totals.won === 0) {
    const open = s.stages.filter((t) => t.state === 'open').slice(0, 6);
    out.push(
      `No row is won: won is read from a won flag, then the stage (Closed Won, Won, Booked, active…), then a ` +
        `probability of 100 with a closed flag, and nothing here says won` +
        (open.length > 0
          ? ` (stages read as open: ${quoted(
              open.map((t) => ({ text: t.stage, rows: t.rows })),
              0,
            )})`
          : '') +
        `. Map a won column, or name your won stages in the mapping file: "outcomeStages": {"Signed": "won"}.`,
    );
  }
  if (s.upgrades > 0)
    out.push(
      `${s.upgrades.toLocaleString('en-US')} subscriptions upgrade the account's previous one: marked as expansions.`,
    );
  return out;
}
