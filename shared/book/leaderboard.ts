// The owner leaderboard: per CSM, Ready accounts and their ARR, the whitespace of the book, and
// stale Ready accounts — Ready now and already Ready N weeks ago, with no expansion opportunity
// opened in between (nobody acted on the signal).
import type { CategoryColumn } from '../engine/features';
import { isSet } from '../missing';
import { blankLabel } from './fields';

export interface LeaderboardInput {
  owners: CategoryColumn | undefined;
  /** Stage index per account now and N weeks earlier; the index of the top (Ready) stage. */
  stageNow: ArrayLike<number>;
  stageThen: ArrayLike<number>;
  top: number;
  arr: Float64Array;
  whitespace: Float64Array;
  /** 1 when an expansion opportunity was opened in the N weeks. */
  opened: Uint8Array;
}

export interface LeaderboardRow {
  owner: string;
  accounts: number;
  arr: number;
  ready: number;
  readyArr: number;
  whitespace: number;
  stale: number;
  /** Accounts that are Ready now but were not N weeks ago. */
  newReady: number;
}

const cents = (v: number) => (isSet(v) ? Math.round(v * 100) : 0);

export function leaderboard(input: LeaderboardInput): LeaderboardRow[] {
  const rows = new Map<
    string,
    { accounts: number; arr: number; ready: number; readyArr: number; ws: number; stale: number; newReady: number }
  >();
  const { owners, stageNow, stageThen, top } = input;
  for (let i = 0; i < stageNow.length; i++) {
    const code = owners?.codes[i] ?? -1;
    const owner = code >= 0 ? owners!.dictionary[code]! : blankLabel;
    let r = rows.get(owner);
    if (!r) rows.set(owner, (r = { accounts: 0, arr: 0, ready: 0, readyArr: 0, ws: 0, stale: 0, newReady: 0 }));
    r.accounts++;
    r.arr += cents(input.arr[i]!);
    r.ws += cents(input.whitespace[i]!);
    if (stageNow[i] !== top) continue;
    r.ready++;
    r.readyArr += cents(input.arr[i]!);
    if (stageThen[i] === top) {
      if (input.opened[i] === 0) r.stale++;
    } else r.newReady++;
  }
  return [...rows.entries()]
    .map(([owner, r]) => ({
      owner,
      accounts: r.accounts,
      arr: r.arr / 100,
      ready: r.ready,
      readyArr: r.readyArr / 100,
      whitespace: r.ws / 100,
      stale: r.stale,
      newReady: r.newReady,
    }))
    .sort((a, b) => b.readyArr - a.readyArr || a.owner.localeCompare(b.owner));
}
