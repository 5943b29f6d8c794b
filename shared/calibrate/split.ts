// How labelled accounts are split into a training and a held-out part.
// - One as-of date: a seeded 30 % of accounts is held out. Membership hashes the account id with
//   the seed, so it does not depend on row order and the same seed gives the same split.
// - Several dates: by time. The last 30 % of the dates (at least one) are held out; training uses
//   the earlier dates whose horizon ends by the first held-out date, so no training label looks
//   into the evaluation period. Dates in between are left out (a gap), and listed. When no earlier
//   date is that far back, every earlier date trains and the result says the periods overlap.
import { addDays } from '../dates';

export const heldOutShare = 0.3;

/** FNV-1a over the id's UTF-16 code units, mixed with the seed and finished like MurmurHash3. */
export function hashUnit(id: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** 1 for held-out accounts, 0 for training ones. */
export function holdOut(ids: readonly string[], seed: number, share = heldOutShare): Uint8Array {
  return Uint8Array.from(ids, (id) => (hashUnit(id, seed) < share ? 1 : 0));
}

export type Split =
  | { kind: 'holdout'; share: number; seed: number }
  | {
      kind: 'time';
      train: string[];
      test: string[];
      gap: string[];
      /** Training labels reach into the evaluation period. */ overlap: boolean;
    };

export function timeSplit(dates: readonly string[], horizonDays: number): Split & { kind: 'time' } {
  const sorted = [...dates].sort();
  const testCount = Math.max(1, Math.round(sorted.length * heldOutShare));
  const test = sorted.slice(sorted.length - testCount);
  const firstTest = test[0]!;
  const before = sorted.slice(0, sorted.length - testCount);
  const clean = before.filter((d) => addDays(d, horizonDays) <= firstTest);
  // Too close together for a clean gap: train on every earlier date, and say so.
  const overlap = clean.length === 0;
  const train = overlap ? before : clean;
  const gap = before.filter((d) => !train.includes(d));
  return { kind: 'time', train, test, gap, overlap };
}

export function splitFor(dates: readonly string[], horizonDays: number, seed: number): Split {
  return dates.length <= 1 ? { kind: 'holdout', share: heldOutShare, seed } : timeSplit(dates, horizonDays);
}
