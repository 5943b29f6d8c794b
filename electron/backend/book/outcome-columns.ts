// Per-account outcome facts for the book of business, aligned with the feature table's accounts: won expansion amount closing in a window, whether the account
// converted, and whether an expansion was opened in a window (for "stale Ready").
import { addDays } from '#shared/dates';
import type { Db } from '../store/sqlite';

export interface OutcomeColumns {
  wonArr: Float64Array;
  converted: Uint8Array;
}

/** Position of each account in the feature table, by account id. */
function positions(ids: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  ids.forEach((id, i) => at.set(id, i));
  return at;
}

/** ISO date `days` before `asOf`. */
export const daysBefore = (asOf: string, days: number) => addDays(asOf, -days);

/**
 * Won expansions closing in (asOf − days, asOf]. An outcome whose type is unknown (is_expansion
 * NULL) or whose result is unknown (won NULL) does not count: it is not known to be a won expansion.
 */
export function loadOutcomeColumns(db: Db, ids: readonly string[], asOf: string, days: number): OutcomeColumns {
  const wonArr = new Float64Array(ids.length);
  const converted = new Uint8Array(ids.length);
  const at = positions(ids);
  const rows = db
    .prepare(
      `SELECT a.id, sum(coalesce(o.amount, 0)) AS amount FROM outcomes o JOIN accounts a ON a.key = o.account_key
       WHERE o.won = 1 AND o.is_expansion = 1
         AND substr(o.close_date, 1, 10) > @from AND substr(o.close_date, 1, 10) <= @to
       GROUP BY a.id`,
    )
    .raw()
    .iterate({ from: daysBefore(asOf, days), to: asOf }) as IterableIterator<[string, number]>;
  for (const [key, amount] of rows) {
    const i = at.get(key);
    if (i === undefined) continue;
    wonArr[i] = amount;
    converted[i] = 1;
  }
  return { wonArr, converted };
}

/** 1 for accounts with an expansion opportunity opened in (from, to] (won, lost or open). */
export function expansionOpened(db: Db, ids: readonly string[], from: string, to: string): Uint8Array {
  const out = new Uint8Array(ids.length);
  const at = positions(ids);
  const rows = db
    .prepare(
      `SELECT DISTINCT a.id FROM outcomes o JOIN accounts a ON a.key = o.account_key
       WHERE o.is_expansion = 1
         AND substr(coalesce(o.opened_date, o.close_date), 1, 10) > ?
         AND substr(coalesce(o.opened_date, o.close_date), 1, 10) <= ?`,
    )
    .pluck()
    .all(from, to) as string[];
  for (const key of rows) {
    const i = at.get(key);
    if (i !== undefined) out[i] = 1;
  }
  return out;
}
