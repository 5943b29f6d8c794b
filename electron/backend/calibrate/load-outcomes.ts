// What the label rule needs from the workspace, aligned with the feature table's account order
// (accounts by key): each account's contract start and first churn, and every outcome.
import { isoToDay } from '#shared/dates';
import type { Lifecycle, OutcomeRecord } from '#shared/calibrate/labels';
import type { Db } from '../store/sqlite';
import { isSet } from '#shared/missing';

/** An outcome whose type or stage says the customer left marks the account as churned on its close date. */
export const churnWords = /\b(churn(ed)?|cancel(l?ed|lation)?|terminat(ed|ion))\b/i;

export interface OutcomeData {
  lifecycle: Lifecycle;
  outcomes: OutcomeRecord[];
  /** Earliest and latest close dates of the outcomes (ISO), or null without outcomes. */
  closeRange: [string, string] | null;
}

const dayOf = (value: unknown) =>
  typeof value === 'string' && value.length >= 10 ? isoToDay(value.slice(0, 10)) : NaN;
const flag = (value: unknown) => (value === 1 || value === 0 ? value : NaN);

export function loadOutcomeData(db: Db, keys: Int32Array): OutcomeData {
  const index = new Map<number, number>();
  keys.forEach((k, i) => index.set(k, i));
  const n = keys.length;
  const contractStartDay = new Float64Array(n).fill(NaN);
  const churnDay = new Float64Array(n).fill(NaN);
  const starts = db.prepare('SELECT key, contract_start FROM accounts').raw().iterate() as IterableIterator<unknown[]>;
  for (const [key, start] of starts) {
    const i = index.get(key as number);
    if (i !== undefined) contractStartDay[i] = dayOf(start);
  }
  const outcomes: OutcomeRecord[] = [];
  let first: string | null = null;
  let last: string | null = null;
  const rows = db
    .prepare('SELECT account_key, opened_date, close_date, won, is_expansion, type, stage FROM outcomes')
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  for (const [key, opened, close, won, isExpansion, type, stage] of rows) {
    const account = index.get(key as number);
    if (account === undefined) continue;
    const closeDay = dayOf(close);
    if (typeof close === 'string' && isSet(closeDay)) {
      const iso = close.slice(0, 10);
      if (first === null || iso < first) first = iso;
      if (last === null || iso > last) last = iso;
    }
    if ((churnWords.test(String(type ?? '')) || churnWords.test(String(stage ?? ''))) && isSet(closeDay)) {
      if (!(churnDay[account]! <= closeDay)) churnDay[account] = closeDay;
    }
    outcomes.push({ account, openedDay: dayOf(opened), closeDay, won: flag(won), isExpansion: flag(isExpansion) });
  }
  return {
    lifecycle: { contractStartDay, churnDay },
    outcomes,
    closeRange: first !== null && last !== null ? [first, last] : null,
  };
}
