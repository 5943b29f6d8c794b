// The ladder over time: how accounts moved between two as-of dates — a from-stage × to-stage
// matrix of accounts and ARR, moves up and down per owner — and which accounts are in a cell.
import type { CategoryColumn } from '../engine/features';
import { isSet } from '../missing';
import { blankLabel } from './fields';

export interface FlowInput {
  stages: readonly { id: string; label: string }[];
  /** Stage index per account at the earlier and the later date (same accounts, same order). */
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  arr: Float64Array;
  owners: CategoryColumn | undefined;
  scope: Uint8Array | null;
}

export interface FlowMatrix {
  stages: { id: string; label: string }[];
  accounts: number[][];
  arr: number[][];
  up: { accounts: number; arr: number };
  down: { accounts: number; arr: number };
  same: { accounts: number; arr: number };
  byOwner: { owner: string; up: number; down: number; same: number }[];
}

const cents = (v: number) => (isSet(v) ? Math.round(v * 100) : 0);

export function flowMatrix(input: FlowInput): FlowMatrix {
  const k = input.stages.length;
  const accounts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const arr = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const owners = input.owners;
  const perOwner = new Map<string, { up: number; down: number; same: number }>();
  const totals = { up: [0, 0], down: [0, 0], same: [0, 0] };
  for (let i = 0; i < input.from.length; i++) {
    if (input.scope && input.scope[i] === 0) continue;
    const a = input.from[i]!;
    const b = input.to[i]!;
    const c = cents(input.arr[i]!);
    accounts[a]![b]! += 1;
    arr[a]![b]! += c;
    const way = b > a ? 'up' : b < a ? 'down' : 'same';
    totals[way][0]! += 1;
    totals[way][1]! += c;
    const code = owners?.codes[i] ?? -1;
    const owner = code >= 0 ? owners!.dictionary[code]! : blankLabel;
    let o = perOwner.get(owner);
    if (!o) perOwner.set(owner, (o = { up: 0, down: 0, same: 0 }));
    o[way]++;
  }
  const tally = ([n, c]: number[]) => ({ accounts: n!, arr: c! / 100 });
  return {
    stages: input.stages.map((s) => ({ id: s.id, label: s.label })),
    accounts,
    arr: arr.map((row) => row.map((c) => c / 100)),
    up: tally(totals.up),
    down: tally(totals.down),
    same: tally(totals.same),
    byOwner: [...perOwner.entries()]
      .map(([owner, o]) => ({ owner, ...o }))
      .sort((x, y) => y.up + y.down - (x.up + x.down) || x.owner.localeCompare(y.owner)),
  };
}

/** Accounts that went from stage a to stage b (indices), largest ARR first. */
export function flowAccounts(input: FlowInput, a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < input.from.length; i++) {
    if (input.scope && input.scope[i] === 0) continue;
    if (input.from[i] === a && input.to[i] === b) out.push(i);
  }
  return out.sort((x, y) => (input.arr[y]! || 0) - (input.arr[x]! || 0) || x - y);
}
