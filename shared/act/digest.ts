// The weekly pipeline digest, per owner or for everyone: the accounts new to Ready this week (the week's
// alerts), the five hottest Ready accounts, the expansion outcomes opened and won this week, and the
// expansion rate (accounts with a won expansion in the last 90 days, of the accounts in scope).
import type { Engine } from '../engine/engine';
import { hasBit } from '../engine/classes';
import { isSet } from '../missing';
import type { AccountFacts, Alert, AlertReport } from './alerts';
import type { OutcomeEvent } from './play-funnel';

export const expansionRateDays = 90;
export const hottestCount = 5;

export interface HotAccount {
  accountId: string;
  name: string;
  owner: string | null;
  score: number;
  signals: string[];
  arr: number | null;
  whitespace: number | null;
}

export interface OutcomeLine {
  accountId: string;
  name: string;
  amount: number | null;
  date: string;
}

export interface Digest {
  pack: string;
  stage: { id: string; label: string };
  weekStart: string;
  asOf: string;
  owner: string | null;
  newReady: Alert[];
  hottest: HotAccount[];
  opened: OutcomeLine[];
  won: OutcomeLine[];
  expansionRate: { won: number; accounts: number; days: number };
}

export interface DigestInputs {
  report: AlertReport;
  current: Engine;
  /** Outcomes of the week, and of the last 90 days for the rate. */
  week: readonly OutcomeEvent[];
  rateWindow: readonly OutcomeEvent[];
  facts: (accountIds: string[]) => Map<string, AccountFacts>;
  whitespace: (i: number) => number | null;
}

export function weeklyDigest(inputs: DigestInputs): Digest {
  const { report, current } = inputs;
  const { features, table, outcomes, model, pack } = current;
  const owners = features.categories.get('owner_csm');
  const ownerCode = report.owner === null ? null : (owners?.dictionary.indexOf(report.owner) ?? -1);
  const inScope = (i: number) => ownerCode === null || owners?.codes[i] === ownerCode;
  const ranked: number[] = [];
  let accounts = 0;
  for (let i = 0; i < features.accounts; i++) {
    if (!inScope(i)) continue;
    accounts++;
    if (outcomes.stage[table.of[i]!] === model.top) ranked.push(i);
  }
  const score = (i: number) => outcomes.score[table.of[i]!]!;
  const arr = (i: number) => (isSet(features.arr[i]!) ? features.arr[i]! : 0);
  ranked.sort((a, b) => score(b) - score(a) || arr(b) - arr(a) || a - b);
  const top = ranked.slice(0, hottestCount);
  const weekFrom = report.since;
  const inWeek = (d: string | null) => d !== null && d > weekFrom && d <= report.asOf;
  const week = inputs.week.filter((e) => inScope(e.account));
  const ids = [...new Set([...top, ...week.map((e) => e.account)])].map((i) => features.accountIds[i]!);
  const facts = inputs.facts(ids);
  const nameOf = (i: number) => facts.get(features.accountIds[i]!)?.name ?? features.accountIds[i]!;
  const lineOf = (e: OutcomeEvent, date: string): OutcomeLine => ({
    accountId: features.accountIds[e.account]!,
    name: nameOf(e.account),
    amount: e.amount,
    date,
  });
  const wonAccounts = new Set(inputs.rateWindow.filter((e) => e.won && inScope(e.account)).map((e) => e.account));
  return {
    pack: pack.name,
    stage: report.stage,
    weekStart: weekFrom,
    asOf: report.asOf,
    owner: report.owner,
    newReady: report.alerts,
    hottest: top.map((i) => {
      const mask = table.mask[table.of[i]!]!;
      const a = features.arr[i]!;
      return {
        accountId: features.accountIds[i]!,
        name: nameOf(i),
        owner: facts.get(features.accountIds[i]!)?.ownerCsm ?? null,
        score: score(i),
        signals: pack.signals.filter((s, k) => s.enabled && hasBit(mask, k)).map((s) => s.label),
        arr: isSet(a) ? a : null,
        whitespace: inputs.whitespace(i),
      };
    }),
    opened: byDate(week.filter((e) => inWeek(e.opened)).map((e) => lineOf(e, e.opened!))),
    won: byDate(week.filter((e) => e.won && inWeek(e.closed)).map((e) => lineOf(e, e.closed!))),
    expansionRate: { won: wonAccounts.size, accounts, days: expansionRateDays },
  };
}

const byDate = (lines: OutcomeLine[]) =>
  lines.sort(
    (a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId),
  );
