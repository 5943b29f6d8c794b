// Keys that come in strictly ascending order, each batch's after every key written before, cannot
// repeat one another: an import into a table that holds rows then needs no hashes, sets or look-ups
// to find repeats for such a batch, and no before-image look-up either when its keys lie past the
// least-to-greatest range of the keys the table held at the start (a million new accounts in id
// order into the demo's 2,000). The first batch out of order ends it for the rest of the import,
// which then finds repeats as before. Keys compare as SQLite's BINARY collation does: by UTF-8
// bytes, that is by code points (JavaScript's own order differs between a surrogate and U+E000–U+FFFF).
import type { Db } from '../../store/sqlite';

export interface KeyRange {
  least: string;
  greatest: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The range of a one-column key the table holds, or null when it is empty or holds a key that is
 * not text. Both ends come from the key's index; SQLite orders numbers before text and blobs after
 * it, so when both ends are text every key is.
 */
export function heldKeyRange(db: Db, table: string, key: string): KeyRange | null {
  const row = db.prepare(`SELECT min(${q(key)}) AS least, max(${q(key)}) AS greatest FROM ${q(table)}`).get() as {
    least: unknown;
    greatest: unknown;
  };
  if (typeof row.least !== 'string' || typeof row.greatest !== 'string') return null;
  return { least: row.least, greatest: row.greatest };
}

/** a < b in SQLite's BINARY order for text. */
export function binaryLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below the surrogates UTF-16 units order as code points; at or above them, compare the code
    // points (within a pair whose first halves are equal, codePointAt gives the second halves).
    if (x < 0xd800 && y < 0xd800) return x < y;
    return a.codePointAt(i)! < b.codePointAt(i)!;
  }
  return a.length < b.length;
}

/** What a batch's keys are: ascending past every key before and the held range, ascending, or neither. */
export type KeyRun = 'past-held' | 'ascending' | null;

/** `held`: the keys the table held at the start (null: treat every ascending batch as maybe held). */
export function createAscendingKeys(held: KeyRange | null) {
  let last: string | null = null;
  let ended = false;
  return {
    /** The keys `array[at]`, `array[at + stride]`, … of the batch's arrays, in the order written. */
    see(arrays: readonly (readonly unknown[])[], stride: number): KeyRun {
      if (ended) return null;
      let before = last;
      let first: string | null = null;
      for (const array of arrays)
        for (let at = 0; at < array.length; at += stride) {
          const key = array[at];
          if (typeof key !== 'string' || (before !== null && !binaryLess(before, key))) {
            ended = true;
            return null;
          }
          first ??= key;
          before = key;
        }
      if (first === null) return 'ascending';
      last = before;
      const clear = held !== null && (binaryLess(held.greatest, first) || binaryLess(before!, held.least));
      return clear ? 'past-held' : 'ascending';
    },
  };
}
