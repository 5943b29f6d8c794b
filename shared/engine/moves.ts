// Moving accounts between classes when one bit of their mask or context flips, and a log of the
// moves, so that whoever keeps per-class sums of its own (live validation's positives and negatives)
// can update them for the accounts that moved instead of recounting every account.
import type { ClassTable } from './classes';

/** The accounts an update moved, in order: account[j] went from class from[j] to class to[j]. */
export interface MoveLog {
  length: number;
  account: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

export const createMoveLog = (): MoveLog => ({
  length: 0,
  account: new Int32Array(64),
  from: new Int32Array(64),
  to: new Int32Array(64),
});

/** Makes room for `more` further moves. */
function reserve(log: MoveLog, more: number): void {
  const needed = log.length + more;
  if (needed <= log.account.length) return;
  const grow = (a: Int32Array) => {
    const b = new Int32Array(Math.max(needed, a.length * 2));
    b.set(a.subarray(0, log.length));
    return b;
  };
  log.account = grow(log.account);
  log.from = grow(log.from);
  log.to = grow(log.to);
}

/**
 * Flips bit `position` of the word (in `words`, which is `masks` or `contexts`) of each of the first
 * `length` listed accounts and moves each to its new class, logging the moves when a log is given.
 * `listedCents` holds the ARR of each listed account (in list order) or is null to read `arrCents`.
 * Flipping one bit sends every account of a class to the same new class, so the new class is looked
 * up once per class (remap), not once per account. An account may be listed at most once.
 */
export function moveAccounts(
  table: ClassTable,
  masks: Uint32Array,
  contexts: Uint32Array,
  words: Uint32Array,
  position: number,
  arrCents: Float64Array,
  accounts: Int32Array,
  listedCents: Float64Array | null,
  length: number,
  log: MoveLog | null,
): void {
  const flag = (1 << position) >>> 0;
  const of = table.of;
  const remap = new Int32Array(table.size).fill(-1);
  // Local references; refreshed when a lookup adds a class (the table's arrays may grow then).
  let count = table.count;
  let cents = table.arrCents;
  if (log) reserve(log, length);
  const logged = log?.account;
  const loggedFrom = log?.from;
  const loggedTo = log?.to;
  let at = log?.length ?? 0;
  for (let j = 0; j < length; j++) {
    const i = accounts[j]!;
    words[i] = (words[i]! ^ flag) >>> 0;
    const from = of[i]!;
    let to = remap[from]!;
    if (to < 0) {
      remap[from] = to = table.classOf(masks[i]!, contexts[i]!);
      count = table.count;
      cents = table.arrCents;
    }
    of[i] = to;
    const c = listedCents ? listedCents[j]! : arrCents[i]!;
    count[from]! -= 1;
    count[to]! += 1;
    cents[from]! -= c;
    cents[to]! += c;
    if (logged) {
      logged[at] = i;
      loggedFrom![at] = from;
      loggedTo![at] = to;
      at++;
    }
  }
  if (log) log.length = at;
}
