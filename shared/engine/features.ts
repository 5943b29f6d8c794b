// The engine's input: one row per account, one float64 column per feature (NaN = missing), plus
// dictionary-encoded categories. Features are computed once per as-of date by the backend (window
// functions over periods) and shipped to wherever the engine runs.
import type { ValidPack } from '../pack/validate';
import type { Signal } from '../pack/schema';
import { baseMetric } from '../pack/catalog';

export interface CategoryColumn {
  codes: Int32Array; // -1 = missing
  dictionary: string[];
}

export interface FeatureTable {
  accounts: number;
  accountIds: string[];
  arr: Float64Array;
  /** 0 SMB, 1 Mid-Market, 2 Enterprise, 3 unknown. */
  segment: Uint8Array;
  columns: Map<string, Float64Array>;
  categories: Map<string, CategoryColumn>;
}

export const segmentCodes = { SMB: 0, 'Mid-Market': 1, Enterprise: 2 } as const;
export const unknownSegment = 3;
export const segmentNames = ['SMB', 'Mid-Market', 'Enterprise', 'Unknown'] as const;

export function segmentCode(segment: string | null | undefined): number {
  return segment && Object.hasOwn(segmentCodes, segment)
    ? segmentCodes[segment as keyof typeof segmentCodes]
    : unknownSegment;
}

export type FeatureSpec =
  | { key: string; metric: string; kind: 'value' }
  | { key: string; metric: string; kind: 'rolling_min' | 'rolling_max'; periods: number };

/** The feature column a signal reads: the metric itself, or its rolling min/max when sustained. */
export function signalFeature(signal: Pick<Signal, 'metric' | 'operator' | 'sustainedPeriods'>): FeatureSpec {
  const n = signal.sustainedPeriods;
  if (!n) return { key: signal.metric, metric: signal.metric, kind: 'value' };
  // "x > t for the last n periods" is exactly "min of the last n values of x > t" (max for <).
  const kind = signal.operator === '<' || signal.operator === '<=' ? 'rolling_max' : 'rolling_min';
  return {
    key: `${signal.metric}__${kind === 'rolling_min' ? 'min' : 'max'}${n}`,
    metric: signal.metric,
    kind,
    periods: n,
  };
}

function collectFeatures(valid: ValidPack, withWhitespace: boolean): FeatureSpec[] {
  const specs = new Map<string, FeatureSpec>();
  const add = (spec: FeatureSpec) => {
    if (!specs.has(spec.key)) specs.set(spec.key, spec);
  };
  for (const s of valid.pack.signals) add(signalFeature(s));
  for (const g of valid.pack.ladder.gates) add({ key: g.condition.metric, metric: g.condition.metric, kind: 'value' });
  for (const f of valid.pack.filters)
    for (const c of f.conditions) add({ key: c.metric, metric: c.metric, kind: 'value' });
  if (withWhitespace) for (const id of valid.potential.inputs) add({ key: id, metric: id, kind: 'value' });
  return [...specs.values()];
}

/** Every feature a pack reads, each once, in a stable order (signals, gates, filters, then whitespace inputs). */
export const requiredFeatures = (valid: ValidPack): FeatureSpec[] => collectFeatures(valid, true);

/** The features scores and stages depend on (without them the engine cannot run; without the
 * whitespace inputs it can, and the whitespace is unknown). */
export const scoringFeatures = (valid: ValidPack): FeatureSpec[] => collectFeatures(valid, false);

export function isCategoryMetric(id: string): boolean {
  return baseMetric(id)?.kind === 'category';
}

/**
 * Identifies a feature's values: its key plus the definitions of every derived metric it depends
 * on. Redefining a derived metric under the same id changes the signature, so cached columns and
 * the renderer's copies are refreshed.
 */
export function featureSignature(valid: ValidPack, spec: FeatureSpec): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const def = valid.pack.metrics.find((m) => m.id === id);
    const checked = valid.metrics.derived.get(id);
    if (!def || !checked) return;
    parts.push(`${id}=${def.expr}`);
    [...checked.refs].sort().forEach(visit);
  };
  visit(spec.metric);
  return `${spec.key}${parts.length ? `{${parts.join(';')}}` : ''}`;
}

/** Numeric feature specs of a pack (categories come from the account columns directly). */
export const numericSpecs = (valid: ValidPack): FeatureSpec[] =>
  requiredFeatures(valid).filter((s) => baseMetric(s.metric)?.kind !== 'category');
