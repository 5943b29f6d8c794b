// "Start from my columns" (issue 9): a first model built from whatever numeric and boolean fields a
// workspace has data for — canonical or custom — for when no preset fits. Each field becomes a
// signal with its threshold at a quantile of its own distribution (counts per period are summed
// over the last four periods), every weight is 1, and the stages sit at quantiles of the resulting
// score. It scores something at once; the analyst then edits (and calibrates) it.
import type { MetricCatalogue, WorkspaceMetric } from '../domain/metric-catalogue';
import type { Operator, RulePackInput } from './schema';
import { limits, type approaches, type signalCategories } from './schema';
import { isSet } from '../missing';

/** Fields with a value for fewer accounts than this are left out. */
export const minShare = 0.1;
export const maxSignals = 16;
/** Thresholds at this quantile (the top quarter fires); "lower is readier" fields use 1 − q. */
export const thresholdQuantile = 0.75;
/** Summed window for counts. */
export const countPeriods = 4;

/** Plan limits and identifiers say nothing about readiness. */
const skipped = new Set(['api_limit', 'storage_limit_gb']);
/** Fields where a low value is the signal (the renewal is close). */
const lowerIsReadier = new Set(['days_to_renewal']);

export interface Candidate {
  metric: WorkspaceMetric;
  /** The metric id the signal reads (the field, or a derived sum over recent periods). */
  signalMetric: string;
  derived?: { id: string; label: string; expr: string };
}

/** A pack id from a metric name: `custom.Plan_Score` → `custom_plan_score`. */
function slug(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(s) ? s : `f_${s}`).slice(0, 56);
}

export function columnCandidates(catalogue: MetricCatalogue): Candidate[] {
  const usable = catalogue.metrics
    .filter((m) => (m.type === 'number' || m.type === 'bool') && m.share >= minShare && !skipped.has(m.id))
    .sort((a, b) => b.share - a.share)
    .slice(0, Math.min(maxSignals, limits.signals));
  return usable.map((metric) => {
    if (metric.level === 'period' && metric.fill === 'zero') {
      const id = `${slug(metric.id)}_${countPeriods}p`;
      return {
        metric,
        signalMetric: id,
        derived: {
          id,
          label: `${metric.label} (last ${countPeriods} periods)`,
          expr: `rolling_sum(${metric.id}, ${countPeriods})`,
        },
      };
    }
    return { metric, signalMetric: metric.id };
  });
}

/** The q-quantile of the non-missing values (linear between order statistics), or NaN. */
export function quantile(values: Float64Array, q: number): number {
  const present = Array.from(values).filter(isSet);
  if (present.length === 0) return NaN;
  present.sort((a, b) => a - b);
  const at = (present.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return present[lo]! + (present[hi]! - present[lo]!) * (at - lo);
}

type Category = (typeof signalCategories)[number];
type Approach = (typeof approaches)[number];

function placeOf(m: WorkspaceMetric): { category: Category; approach: Approach } {
  if (m.id === 'days_to_renewal') return { category: 'timing', approach: 'renewal_upsell' };
  if (m.id === 'health_score' || m.id === 'nps') return { category: 'sentiment', approach: 'growth_conversation' };
  if (m.source === 'users') return { category: 'people', approach: 'champion_expansion' };
  if (m.level === 'period' || m.id === 'seats_licensed') return { category: 'usage', approach: 'seat_expansion' };
  return { category: 'growth', approach: 'growth_conversation' };
}

export interface SignalChoice {
  operator: Operator;
  threshold: number;
}

/** Operator and threshold for a field from its values; null when it cannot tell accounts apart. */
export function chooseThreshold(candidate: Candidate, values: Float64Array): SignalChoice | null {
  const present = Array.from(values).filter(isSet);
  if (present.length === 0) return null;
  const min = Math.min(...present);
  const max = Math.max(...present);
  if (min === max) return null;
  if (candidate.metric.type === 'bool') return { operator: '==', threshold: 1 };
  if (lowerIsReadier.has(candidate.metric.id)) {
    const t = quantile(values, 1 - thresholdQuantile);
    return t === min ? { operator: '<=', threshold: t } : { operator: '<', threshold: t };
  }
  const t = quantile(values, thresholdQuantile);
  // A top quarter sitting at the maximum (many ties) would never fire with ">": take the ties in.
  return t === max ? { operator: '>=', threshold: t } : { operator: '>', threshold: t };
}

export interface ColumnModelInput {
  candidates: Candidate[];
  choices: (SignalChoice | null)[];
}

/** The pack without stages tuned (stages come from the score distribution: see withScoreStages). */
export function columnPack({ candidates, choices }: ColumnModelInput, workspaceName: string): RulePackInput {
  const used = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
  const kept = candidates.map((c, i) => ({ c, choice: choices[i] })).filter((k) => k.choice);
  const opText = (o: Operator) => ({ '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most' })[o as '>'] ?? o;
  return {
    schemaVersion: 1,
    name: `From my columns (${workspaceName})`.slice(0, 120),
    description:
      'A starting model built from the fields this workspace has data for: one signal per field, thresholds at the ' +
      'top quarter of each distribution, equal weights, stages at quantiles of the score. Edit it, then calibrate it.',
    metrics: kept.flatMap(({ c }) => (c.derived ? [c.derived] : [])),
    signals: kept.map(({ c, choice }) => {
      const place = placeOf(c.metric);
      const label = c.derived?.label ?? c.metric.label;
      const value = c.metric.type === 'bool' ? 'yes' : `${opText(choice!.operator)} ${round(choice!.threshold)}`;
      return {
        id: uniqueId(slug(c.signalMetric)),
        label: `${label}: ${value}`.slice(0, 120),
        category: place.category,
        metric: c.signalMetric,
        operator: choice!.operator,
        threshold: choice!.threshold,
        weight: 1,
        urgency: 'medium',
        approach: place.approach,
      };
    }),
    ladder: {
      stages: [
        { id: 'not_ready', label: 'Not ready' },
        { id: 'emerging', label: 'Emerging', minScore: 1, minSignals: 1 },
      ],
    },
  };
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100);

/**
 * Stages from the score distribution (every weight is 1, so a score is a count of signals):
 * Emerging from the median score, Ready from the 90th percentile, each at least one signal above
 * the stage below.
 */
export function withScoreStages(pack: RulePackInput, scores: Float64Array): RulePackInput {
  const signals = pack.signals.length;
  const emerging = Math.min(signals, Math.max(1, Math.ceil(quantile(scores, 0.5))));
  const ready = Math.min(signals, Math.max(emerging + 1, Math.ceil(quantile(scores, 0.9))));
  const stages: RulePackInput['ladder']['stages'] = [
    { id: 'not_ready', label: 'Not ready', description: 'Fewer signals than the typical account.' },
    {
      id: 'emerging',
      label: 'Emerging',
      description: `At least ${emerging} signal${emerging === 1 ? '' : 's'}: the middle of this book.`,
      minScore: emerging,
      minSignals: emerging,
    },
  ];
  if (ready > emerging)
    stages.push({
      id: 'ready',
      label: 'Ready',
      description: `At least ${ready} signals: the top tenth of this book.`,
      minScore: ready,
      minSignals: ready,
    });
  return { ...pack, ladder: { ...pack.ladder, stages } };
}
