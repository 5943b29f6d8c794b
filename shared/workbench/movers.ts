// Which accounts moved between two models: a stage × stage matrix of accounts and ARR. Accounts
// are grouped by their pair of classes (one per model) so that after a weight edit the matrix is
// re-summed over a few hundred pairs, not a million accounts.
import { createClassTable } from '../engine/classes';
import type { Engine } from '../engine/engine';
import { isSet } from '../missing';

export interface MoversMatrix {
  /** Stage ids of the first model (rows) and second model (columns). */
  from: { id: string; label: string }[];
  to: { id: string; label: string }[];
  accounts: number[][];
  arr: number[][];
  moved: { accounts: number; arr: number };
}

/** Pairs (class in A, class in B) with their account counts and ARR in cents. */
export interface PairSummary {
  size: number;
  a: Uint32Array;
  b: Uint32Array;
  count: Float64Array;
  arrCents: Float64Array;
}

/** O(accounts): run once per change of either model's classes (or of the owner scope). */
export function buildPairs(a: Engine, b: Engine, scope: Uint8Array | null = null): PairSummary {
  const n = a.features.accounts;
  const pairs = createClassTable(n);
  const ofA = a.table.of;
  const ofB = b.table.of;
  const arr = a.features.arr;
  let lastA = -1;
  let lastB = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (scope && scope[i] === 0) continue;
    const ca = ofA[i]!;
    const cb = ofB[i]!;
    const p = ca === lastA && cb === lastB ? last : pairs.classOf(ca, cb);
    pairs.count[p]! += 1;
    const v = arr[i]!;
    pairs.arrCents[p]! += isSet(v) ? Math.round(v * 100) : 0;
    lastA = ca;
    lastB = cb;
    last = p;
  }
  const size = pairs.size;
  return {
    size,
    a: pairs.mask.slice(0, size),
    b: pairs.context.slice(0, size),
    count: pairs.count.slice(0, size),
    arrCents: pairs.arrCents.slice(0, size),
  };
}

export function moversMatrix(
  from: { id: string; label: string }[],
  to: { id: string; label: string }[],
  stageA: Int8Array,
  stageB: Int8Array,
  pairs: PairSummary,
): MoversMatrix {
  const accounts = from.map(() => to.map(() => 0));
  const cents = from.map(() => to.map(() => 0));
  for (let p = 0; p < pairs.size; p++) {
    if (pairs.count[p] === 0) continue;
    const sa = stageA[pairs.a[p]!]!;
    const sb = stageB[pairs.b[p]!]!;
    accounts[sa]![sb]! += pairs.count[p]!;
    cents[sa]![sb]! += pairs.arrCents[p]!;
  }
  let movedAccounts = 0;
  let movedCents = 0;
  from.forEach((f, i) =>
    to.forEach((g, j) => {
      if (f.id !== g.id) {
        movedAccounts += accounts[i]![j]!;
        movedCents += cents[i]![j]!;
      }
    }),
  );
  return {
    from,
    to,
    accounts,
    arr: cents.map((row) => row.map((c) => c / 100)),
    moved: { accounts: movedAccounts, arr: movedCents / 100 },
  };
}

export const enginesMovers = (a: Engine, b: Engine, pairs: PairSummary) =>
  moversMatrix(
    a.model.stages.map((s) => ({ id: s.id, label: s.label })),
    b.model.stages.map((s) => ({ id: s.id, label: s.label })),
    a.outcomes.stage,
    b.outcomes.stage,
    pairs,
  );
