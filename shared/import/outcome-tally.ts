// The outcome-type table of the validation report: per type, how its rows came out (won, lost,
// open, unknown) and what the vocabulary made of it; per stage, the state it was read as. Distinct
// types and stages are capped (a hostile file may hold a million of them); the rest are summed.
import type { OutcomeState, OutcomeVocabulary } from './outcome-words';
import type { OutcomeStageRow, OutcomeSummary, OutcomeTypeRow } from './report';

const maxDistinct = 200;

export interface OutcomeTally {
  /** One row: its type text, how its expansion was decided, its state. */
  add(
    type: string | null,
    expansionBy: OutcomeTypeRow['by'],
    expansion: boolean | null,
    state: OutcomeState | null,
    stage: string | null,
  ): void;
  summary(extra: Pick<OutcomeSummary, 'source' | 'sourceReason' | 'upgrades'>): OutcomeSummary;
}

export function createOutcomeTally(vocab: OutcomeVocabulary): OutcomeTally {
  const types = new Map<string, OutcomeTypeRow>();
  const stages = new Map<string, OutcomeStageRow>();
  let typesTruncated = false;
  let stagesTruncated = false;
  const totals = { won: 0, lost: 0, open: 0, unknown: 0 };
  const typeRow = (type: string | null, by: OutcomeTypeRow['by'], expansion: boolean | null) => {
    const key = type ?? '';
    let row = types.get(key);
    if (!row) {
      if (types.size >= maxDistinct) {
        typesTruncated = true;
        return null;
      }
      const verdict = type === null ? null : vocab.classifyType(type);
      row = {
        type,
        expansion: verdict ? verdict.expansion : null,
        by: verdict ? verdict.by : 'none',
        word: verdict?.word ?? null,
        rows: 0,
        blank: 0,
        won: 0,
        lost: 0,
        open: 0,
        unknown: 0,
      };
      types.set(key, row);
    }
    if (by === 'flag' || by === 'subscriptions') row.by = by;
    if (expansion === null) row.blank++;
    return row;
  };
  return {
    add(type, expansionBy, expansion, state, stage) {
      const bucket = state ?? 'unknown';
      totals[bucket]++;
      const row = typeRow(type, expansionBy, expansion);
      if (row) {
        row.rows++;
        row[bucket]++;
      }
      if (stage !== null) {
        const s = stages.get(stage);
        if (s) s.rows++;
        else if (stages.size < maxDistinct) {
          const read = vocab.stageState(stage);
          stages.set(stage, { stage, state: read.state, by: read.by, rows: 1 });
        } else stagesTruncated = true;
      }
    },
    summary(extra) {
      const byRows = <T extends { rows: number }>(a: T, b: T) => b.rows - a.rows;
      const typeRows = [...types.values()].sort(byRows);
      return {
        ...extra,
        types: typeRows,
        typesTruncated,
        stages: [...stages.values()].sort(byRows),
        stagesTruncated,
        totals,
        unknownTypes: typeRows
          .filter((t) => t.type !== null && t.expansion === null && t.by === 'none' && t.blank > 0)
          .map((t) => ({ type: t.type!, rows: t.blank })),
      };
    },
  };
}
