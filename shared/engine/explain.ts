// Why an account sits where it does: each signal with its value, threshold and result; each gate
// and filter with what it checked and what it did. The same facts the engine used, per account.
import type { Clause, Operator, RulePack, Threshold } from '../pack/schema';
import { segmentThresholds } from './bits';
import type { Engine } from './engine';
import { isCategoryMetric, segmentNames, signalFeature, type FeatureTable } from './features';
import { isSet } from '../missing';
import { filterHit, gatePassed, hasBit } from './classes';

export type FeatureValue = number | string | null;

export interface ExplainedCondition {
  metric: string;
  value: FeatureValue;
  operator: Operator;
  threshold: Threshold;
  met: boolean;
}

export interface Explanation {
  index: number;
  accountId: string;
  segment: string;
  score: number;
  subtotals: { category: string; value: number }[];
  distinctSignals: number;
  stage: { id: string; label: string };
  stageFromScore: { id: string; label: string };
  signals: ({
    id: string;
    label: string;
    category: string;
    enabled: boolean;
    weight: number;
    fired: boolean;
    counted: boolean;
  } & Omit<ExplainedCondition, 'met'>)[];
  gates: {
    id: string;
    label: string;
    enabled: boolean;
    passed: boolean;
    effect: 'none' | 'assigned' | 'capped';
    stage: string;
    condition: ExplainedCondition;
  }[];
  filters: {
    id: string;
    label: string;
    enabled: boolean;
    hit: boolean;
    applied: boolean;
    action: 'demote' | 'exclude';
    match: 'all' | 'any';
    conditions: ExplainedCondition[];
  }[];
  play: RulePack['plays'][number] | null;
  /** The account's whitespace under the pack's potential (null values: an input is missing). */
  whitespace: {
    seats: number | null;
    arr: number | null;
    whitespace: number | null;
    /** The expressions that applied to the account's segment, and where they came from. */
    seatsExpr: string;
    arrExpr: string;
    source: 'pack' | 'default';
  };
}

export function featureValue(features: FeatureTable, key: string, metric: string, i: number): FeatureValue {
  if (isCategoryMetric(metric)) {
    const column = features.categories.get(metric);
    const code = column?.codes[i] ?? -1;
    return code < 0 ? null : column!.dictionary[code]!;
  }
  const v = features.columns.get(key)?.[i];
  return v === undefined || !isSet(v) ? null : v;
}

function meets(value: FeatureValue, operator: Operator, threshold: Threshold): boolean {
  if (value === null) return false;
  const list = Array.isArray(threshold) ? (threshold as (number | string)[]) : [threshold];
  switch (operator) {
    case '>':
      return (value as number) > (threshold as number);
    case '>=':
      return (value as number) >= (threshold as number);
    case '<':
      return (value as number) < (threshold as number);
    case '<=':
      return (value as number) <= (threshold as number);
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
    case 'between':
      return (value as number) >= (list[0] as number) && (value as number) <= (list[1] as number);
    case 'in':
      return list.includes(value);
  }
}

const explainClause = (features: FeatureTable, clause: Clause, i: number): ExplainedCondition => {
  const value = featureValue(features, clause.metric, clause.metric, i);
  return {
    metric: clause.metric,
    value,
    operator: clause.operator,
    threshold: clause.value,
    met: meets(value, clause.operator, clause.value),
  };
};

export function explainAccount(engine: Engine, i: number): Explanation {
  const { features, pack, table, outcomes, model } = engine;
  const c = table.of[i]!;
  const segment = features.segment[i]!;
  const mask = table.mask[c]!;
  const context = table.context[c]!;
  const stageRef = (index: number) => ({ id: model.stages[index]!.id, label: model.stages[index]!.label });
  const signals = pack.signals.map((s, k) => {
    const feature = signalFeature(s);
    const fired = hasBit(mask, k);
    return {
      id: s.id,
      label: s.label,
      category: s.category,
      enabled: s.enabled,
      weight: model.weight[k * 4 + segment]!,
      fired,
      counted: fired && s.enabled,
      metric: feature.key,
      value: featureValue(features, feature.key, s.metric, i),
      operator: s.operator,
      threshold: segmentThresholds(s)[segment]!,
    };
  });
  let assigned = false;
  const gates = pack.ladder.gates.map((g, k) => {
    const passed = gatePassed(context, k);
    const failedHere = hasBit(outcomes.failedGates[c]!, k);
    const effect: 'none' | 'assigned' | 'capped' = !failedHere
      ? 'none'
      : g.onFail.action === 'assign' && !assigned
        ? 'assigned'
        : 'capped';
    if (effect === 'assigned') assigned = true;
    return {
      id: g.id,
      label: g.label,
      enabled: g.enabled,
      passed,
      effect,
      stage: g.onFail.stage,
      condition: explainClause(features, g.condition, i),
    };
  });
  const filters = pack.filters.map((f, k) => ({
    id: f.id,
    label: f.label,
    enabled: f.enabled,
    hit: f.enabled && filterHit(context, k),
    applied: hasBit(outcomes.appliedFilters[c]!, k),
    action: f.action,
    match: f.match,
    conditions: f.conditions.map((clause) => explainClause(features, clause, i)),
  }));
  // The play for the strongest counted signal's approach, when the account reached the top stage.
  const strongest = signals.filter((s) => s.counted).sort((a, b) => b.weight - a.weight)[0];
  const play =
    outcomes.stage[c] === model.top && strongest
      ? (pack.plays.find((p) => p.approach === pack.signals.find((s) => s.id === strongest.id)!.approach) ?? null)
      : null;
  return {
    index: i,
    accountId: features.accountIds[i]!,
    segment: segmentNames[segment]!,
    score: outcomes.score[c]!,
    subtotals: model.categories.map((cat, k) => ({
      category: cat.id,
      value: outcomes.subtotal[c * model.categories.length + k]!,
    })),
    distinctSignals: outcomes.distinct[c]!,
    stage: stageRef(outcomes.stage[c]!),
    stageFromScore: stageRef(outcomes.baseStage[c]!),
    signals,
    gates,
    filters,
    play,
    whitespace: whitespaceOf(engine, i, segment),
  };
}

function whitespaceOf(engine: Engine, i: number, segment: number): Explanation['whitespace'] {
  const { seats, arr, whitespace } = engine.potential;
  const known = (v: number) => (isSet(v) ? v : null);
  const potential = engine.validPack.potential;
  const variant = potential.bySegment[segment & 3]!;
  return {
    seats: known(seats[i]!),
    arr: known(arr[i]!),
    whitespace: known(whitespace[i]!),
    seatsExpr: variant.seatsText,
    arrExpr: variant.arrText,
    source: potential.source,
  };
}
