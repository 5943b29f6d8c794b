// The signal → play → owner funnel over a date range: scored as of the range's start, for each signal the
// accounts where it fired (counted), of those the accounts given a play (at the top stage, the play of their
// strongest signal's approach), then those with an expansion opened in the range, then won in it — per
// signal, per play and per owner. Point in time: the outcomes come after the date the model saw.
import type { Engine } from '../engine/engine';
import { hasBit } from '../engine/classes';
import { isSet } from '../missing';

/** An expansion outcome, by the index of its account in the engine's feature table. */
export interface OutcomeEvent {
  account: number;
  opened: string | null;
  closed: string | null;
  won: boolean;
  amount: number | null;
}

export interface FunnelStep {
  accounts: number;
  arr: number;
}

export interface FunnelRow {
  id: string;
  label: string;
  /** Signal rows: fired; play and owner rows: accounts with any counted signal. */
  fired: FunnelStep;
  played: FunnelStep;
  opened: FunnelStep;
  won: FunnelStep & { amount: number };
}

export interface PlayFunnel {
  pack: string;
  from: string;
  to: string;
  owner: string | null;
  accounts: number;
  total: FunnelRow;
  signals: FunnelRow[];
  plays: FunnelRow[];
  owners: FunnelRow[];
}

/** The play index of each class (−1: none): the top stage and a play for the strongest counted signal's approach. */
export function classPlays(engine: Engine): Int32Array {
  const { table, outcomes, model, pack } = engine;
  const plays = new Int32Array(table.size).fill(-1);
  const byApproach = new Map(pack.plays.map((p, i) => [p.approach, i] as const));
  for (let c = 0; c < table.size; c++) {
    if (outcomes.stage[c] !== model.top) continue;
    const segment = table.context[c]! & 3;
    let best = -1;
    let bestWeight = -Infinity;
    pack.signals.forEach((s, k) => {
      if (!s.enabled || !hasBit(table.mask[c]!, k)) return;
      const w = model.weight[k * 4 + segment]!;
      if (w > bestWeight) {
        bestWeight = w;
        best = k;
      }
    });
    if (best >= 0) plays[c] = byApproach.get(pack.signals[best]!.approach) ?? -1;
  }
  return plays;
}

const inRange = (date: string | null, from: string, to: string) => date !== null && date > from && date <= to;

interface Tally {
  fired: number[];
  played: number[];
  opened: number[];
  won: number[];
  wonAmount: number;
}

export function playFunnel(
  engine: Engine,
  events: readonly OutcomeEvent[],
  range: { from: string; to: string },
  owner: string | null = null,
): PlayFunnel {
  const { features, pack, table } = engine;
  const n = features.accounts;
  const opened = new Uint8Array(n);
  const won = new Uint8Array(n);
  const wonAmount = new Float64Array(n);
  for (const e of events) {
    if (inRange(e.opened ?? e.closed, range.from, range.to)) opened[e.account] = 1;
    if (e.won && inRange(e.closed, range.from, range.to)) {
      won[e.account] = 1;
      opened[e.account] = 1;
      wonAmount[e.account]! += e.amount ?? 0;
    }
  }
  const plays = classPlays(engine);
  const owners = features.categories.get('owner_csm');
  const ownerCode = owner === null ? null : (owners?.dictionary.indexOf(owner) ?? -1);
  const ownerNames = owners?.dictionary ?? [];
  const tally = (): Tally => ({ fired: [0, 0], played: [0, 0], opened: [0, 0], won: [0, 0], wonAmount: 0 });
  const total = tally();
  const bySignal = pack.signals.map(tally);
  const byPlay = pack.plays.map(tally);
  const byOwner = Array.from({ length: ownerNames.length + 1 }, tally);
  const add = (t: Tally, step: 'fired' | 'played' | 'opened' | 'won', arr: number) => {
    t[step][0]! += 1;
    t[step][1]! += arr;
  };
  let accounts = 0;
  for (let i = 0; i < n; i++) {
    const code = owners ? owners.codes[i]! : -1;
    if (ownerCode !== null && code !== ownerCode) continue;
    accounts++;
    const c = table.of[i]!;
    const mask = table.mask[c]!;
    const a = features.arr[i]!;
    const arr = isSet(a) ? a : 0;
    const play = plays[c]!;
    const steps = (t: Tally) => {
      add(t, 'fired', arr);
      if (play < 0) return;
      add(t, 'played', arr);
      if (opened[i]) add(t, 'opened', arr);
      if (won[i]) {
        add(t, 'won', arr);
        t.wonAmount += wonAmount[i]!;
      }
    };
    let any = false;
    pack.signals.forEach((s, k) => {
      if (s.enabled && hasBit(mask, k)) {
        any = true;
        steps(bySignal[k]!);
      }
    });
    if (!any) continue;
    steps(total);
    if (play >= 0) steps(byPlay[play]!);
    steps(byOwner[code < 0 ? ownerNames.length : code]!);
  }
  const row = (id: string, label: string, t: Tally): FunnelRow => ({
    id,
    label,
    fired: { accounts: t.fired[0]!, arr: t.fired[1]! },
    played: { accounts: t.played[0]!, arr: t.played[1]! },
    opened: { accounts: t.opened[0]!, arr: t.opened[1]! },
    won: { accounts: t.won[0]!, arr: t.won[1]!, amount: t.wonAmount },
  });
  return {
    pack: pack.name,
    from: range.from,
    to: range.to,
    owner,
    accounts,
    total: row('all', 'Any signal', total),
    signals: pack.signals.map((s, k) => row(s.id, s.label, bySignal[k]!)),
    plays: pack.plays.map((p, k) => row(p.approach, p.label, byPlay[k]!)).filter((r) => r.fired.accounts > 0),
    owners: [...ownerNames, null]
      .map((name, k) => row(name ?? '', name ?? 'Unassigned', byOwner[k]!))
      .filter((r) => r.fired.accounts > 0)
      .sort((a, b) => b.played.accounts - a.played.accounts || a.label.localeCompare(b.label)),
  };
}
