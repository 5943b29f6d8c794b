// Which accounts moved between two models: a stage × stage matrix of accounts and ARR. Accounts
// are grouped by their pair of classes (one per model) so that after a weight edit the matrix is
// re-summed over a few hundred pairs, not a million accounts.
import { createClassTable, type ClassTable } from '../engine/classes';
import type { Engine } from '../engine/engine';

export interface MoversMatrix {
  /** Stage ids of the first model (rows) and second model (columns). */
  from: { id: string; label: string }[];
  to: { id: string; label: string }[];
  accounts: number[][];
  arr: number[][];
  moved: { accounts: number; arr: number };
}

export interface PairTable {
  table: ClassTable;
}

/** Pairs (class in A, class in B) with their account counts and ARR. O(accounts). */
export function buildPairs(a: Engine, b: Engine): PairTable {
  const n = a.features.accounts;
  const pairs = createClassTable(n);
  const ofA = a.table.of;
  const ofB = b.table.of;
  const arr = a.features.arr;
  let lastA = -1;
  let lastB = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const ca = ofA[i]!;
    const cb = ofB[i]!;
    const p = ca === lastA && cb === lastB ? last : pairs.classOf(ca, cb);
    pairs.of[i] = p;
    pairs.count[p]! += 1;
    const v = arr[i]!;
    pairs.arrCents[p]! += v === v ? Math.round(v * 100) : 0;
    lastA = ca;
    lastB = cb;
    last = p;
  }
  return { table: pairs };
}

export function moversMatrix(a: Engine, b: Engine, pairs: PairTable): MoversMatrix {
  const from = a.model.stages.map((s) => ({ id: s.id, label: s.label }));
  const to = b.model.stages.map((s) => ({ id: s.id, label: s.label }));
  const accounts = from.map(() => to.map(() => 0));
  const cents = from.map(() => to.map(() => 0));
  const t = pairs.table;
  for (let p = 0; p < t.size; p++) {
    if (t.count[p] === 0) continue;
    const sa = a.outcomes.stage[t.mask[p]!]!;
    const sb = b.outcomes.stage[t.context[p]!]!;
    accounts[sa]![sb]! += t.count[p]!;
    cents[sa]![sb]! += t.arrCents[p]!;
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
  return { from, to, accounts, arr: cents.map((row) => row.map((c) => c / 100)), moved: { accounts: movedAccounts, arr: movedCents / 100 } };
}

/** Indices of the accounts in one cell of the matrix (stage ids), in account order, at most `limit`. */
export function accountsInCell(a: Engine, b: Engine, fromStage: string, toStage: string): Int32Array {
  const sa = a.model.stages.findIndex((s) => s.id === fromStage);
  const sb = b.model.stages.findIndex((s) => s.id === toStage);
  const out: number[] = [];
  const n = a.features.accounts;
  for (let i = 0; i < n; i++) {
    if (a.outcomes.stage[a.table.of[i]!] === sa && b.outcomes.stage[b.table.of[i]!] === sb) out.push(i);
  }
  return Int32Array.from(out);
}
