// Opportunity alerts: the accounts that rose into a stage (Ready by default) between two as-of dates, each
// with why now (every counted signal's value against its threshold, then and now), the money, the owner, the
// urgency, the play and the timing. Pure: the backend scores the two dates and reads the account records.
import type { Engine } from '../engine/engine';
import { explainAccount, featureValue, type FeatureValue } from '../engine/explain';
import { segmentNames, signalFeature } from '../engine/features';
import { daysBetween } from './format';
import { hasBit } from '../engine/classes';
import { isSet } from '../missing';
import type { RulePack, Threshold, Operator } from '../pack/schema';
import { playFor, type AlertPlay } from './plays';

export type Urgency = 'low' | 'medium' | 'high';
const urgencyRank: Record<Urgency, number> = { low: 0, medium: 1, high: 2 };

/** What the alert needs from the account record besides the engine (read for the alerted accounts only). */
export interface AccountFacts {
  name: string;
  domain: string | null;
  ownerCsm: string | null;
  ownerAm: string | null;
  renewalDate: string | null;
  arr: number | null;
}

export interface AlertSignal {
  id: string;
  label: string;
  category: string;
  weight: number;
  metric: string;
  operator: Operator;
  threshold: Threshold;
  value: FeatureValue;
  /** The value and result at the earlier date: what changed. */
  previousValue: FeatureValue;
  firedBefore: boolean;
}

export interface Alert {
  accountId: string;
  name: string;
  domain: string | null;
  ownerCsm: string | null;
  ownerAm: string | null;
  segment: string;
  arr: number | null;
  /** Potential ARR not yet bought (null when the pack's potential inputs are missing for the account). */
  whitespace: number | null;
  score: number;
  previousScore: number;
  stage: { id: string; label: string };
  previousStage: { id: string; label: string };
  urgency: Urgency;
  signals: AlertSignal[];
  play: AlertPlay | null;
  renewalDate: string | null;
  /** Days from the as-of date to the renewal (negative: the renewal date has passed). */
  daysToRenewal: number | null;
}

export interface AlertReport {
  pack: string;
  stage: { id: string; label: string };
  since: string;
  asOf: string;
  owner: string | null;
  alerts: Alert[];
}

/** The index of a stage id in the ladder, or the top stage; a clear sentence for an unknown id. */
export function stageIndex(pack: RulePack, stage: string | undefined, top: number): number {
  if (stage === undefined) return top;
  const index = pack.ladder.stages.findIndex((s) => s.id === stage);
  if (index < 0)
    throw new RangeError(
      `The pack has no stage "${stage.slice(0, 64)}"; its stages are ${pack.ladder.stages.map((s) => s.id).join(', ')}.`,
    );
  return index;
}

/** For each account of `current`, its index in `previous` (the same order when both came from one workspace). */
function alignAccounts(previous: Engine, current: Engine): (i: number) => number {
  const a = previous.features.accountIds;
  const b = current.features.accountIds;
  if (a.length === b.length && a.every((id, i) => id === b[i])) return (i) => i;
  const at = new Map(a.map((id, i) => [id, i]));
  return (i) => at.get(b[i]!) ?? -1;
}

/**
 * The accounts at or above the target stage at `current` that were below it at `previous` (an account
 * missing at the earlier date counts as below), as [current index, previous index or −1] pairs.
 */
export function stageEntries(
  previous: Engine,
  current: Engine,
  target: number,
  inScope: (i: number) => boolean = () => true,
): [number, number][] {
  const prevOf = alignAccounts(previous, current);
  const entries: [number, number][] = [];
  const cur = current.outcomes.stage;
  const prev = previous.outcomes.stage;
  for (let i = 0; i < current.features.accounts; i++) {
    if (cur[current.table.of[i]!]! < target || !inScope(i)) continue;
    const j = prevOf(i);
    if (j >= 0 && prev[previous.table.of[j]!]! >= target) continue;
    entries.push([i, j]);
  }
  return entries;
}

function signalsOf(current: Engine, previous: Engine, i: number, j: number): AlertSignal[] {
  const explained = explainAccount(current, i);
  const prevMask = j >= 0 ? previous.table.mask[previous.table.of[j]!]! : 0;
  const pack = current.pack;
  return explained.signals
    .map((s, k) => ({ s, k }))
    .filter(({ s }) => s.counted)
    .map(({ s, k }) => {
      const signal = pack.signals[k]!;
      const feature = signalFeature(signal);
      const prevIndex = previous.pack.signals.findIndex((p) => p.id === s.id);
      return {
        id: s.id,
        label: s.label,
        category: s.category,
        weight: s.weight,
        metric: s.metric,
        operator: s.operator,
        threshold: s.threshold,
        value: s.value,
        previousValue: j >= 0 ? featureValue(previous.features, feature.key, signal.metric, j) : null,
        firedBefore: j >= 0 && prevIndex >= 0 && hasBit(prevMask, prevIndex),
      };
    })
    .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
}

export interface AlertInputs {
  previous: Engine;
  current: Engine;
  since: string;
  asOf: string;
  stage?: string;
  /** Only this CSM's accounts (owner_csm). */
  owner?: string | null;
  facts: (accountIds: string[]) => Map<string, AccountFacts>;
  whitespace: (i: number) => number | null;
}

export function opportunityAlerts(inputs: AlertInputs): AlertReport {
  const { previous, current } = inputs;
  const { model, pack } = current;
  const target = stageIndex(pack, inputs.stage, model.top);
  const owners = current.features.categories.get('owner_csm');
  const ownerCode = inputs.owner == null ? null : (owners?.dictionary.indexOf(inputs.owner) ?? -1);
  const inScope = ownerCode === null ? undefined : (i: number) => owners?.codes[i] === ownerCode;
  const entries = stageEntries(previous, current, target, inScope);
  const facts = inputs.facts(entries.map(([i]) => current.features.accountIds[i]!));
  const stageRef = (e: Engine, index: number) => ({
    id: e.model.stages[index]!.id,
    label: e.model.stages[index]!.label,
  });
  const alerts = entries.map(([i, j]): Alert => {
    const id = current.features.accountIds[i]!;
    const fact = facts.get(id);
    const signals = signalsOf(current, previous, i, j);
    const c = current.table.of[i]!;
    const urgency = signals.reduce<Urgency>((u, s) => {
      const level = pack.signals.find((p) => p.id === s.id)!.urgency;
      return urgencyRank[level] > urgencyRank[u] ? level : u;
    }, 'low');
    const renewalDate = fact?.renewalDate ?? null;
    const arr = current.features.arr[i]!;
    return {
      accountId: id,
      name: fact?.name ?? id,
      domain: fact?.domain ?? null,
      ownerCsm: fact?.ownerCsm ?? null,
      ownerAm: fact?.ownerAm ?? null,
      segment: explainSegment(current, i),
      arr: isSet(arr) ? arr : (fact?.arr ?? null),
      whitespace: inputs.whitespace(i),
      score: current.outcomes.score[c]!,
      previousScore: j >= 0 ? previous.outcomes.score[previous.table.of[j]!]! : 0,
      stage: stageRef(current, current.outcomes.stage[c]!),
      previousStage:
        j >= 0 ? stageRef(previous, previous.outcomes.stage[previous.table.of[j]!]!) : { id: '', label: 'Not scored' },
      urgency,
      signals,
      play: playFor(pack, signals),
      renewalDate,
      daysToRenewal:
        renewalDate && /^\d{4}-\d{2}-\d{2}/.test(renewalDate)
          ? daysBetween(inputs.asOf, renewalDate.slice(0, 10))
          : null,
    };
  });
  // Most urgent first, then the strongest score, then the most money.
  alerts.sort(
    (a, b) =>
      urgencyRank[b.urgency] - urgencyRank[a.urgency] ||
      b.score - a.score ||
      (b.arr ?? 0) - (a.arr ?? 0) ||
      a.accountId.localeCompare(b.accountId),
  );
  return {
    pack: pack.name,
    stage: stageRef(current, target),
    since: inputs.since,
    asOf: inputs.asOf,
    owner: inputs.owner ?? null,
    alerts,
  };
}

const explainSegment = (engine: Engine, i: number) => segmentNames[engine.features.segment[i]! & 3]!;
