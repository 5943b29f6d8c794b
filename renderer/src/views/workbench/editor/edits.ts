// Immutable edits of a draft pack: each returns a new pack that shares every untouched part.
import type { RulePackInput } from '#shared/pack/schema';

type Signal = RulePackInput['signals'][number];
type Stage = RulePackInput['ladder']['stages'][number];
type Gate = NonNullable<RulePackInput['ladder']['gates']>[number];
type Filter = NonNullable<RulePackInput['filters']>[number];
type Metric = NonNullable<RulePackInput['metrics']>[number];

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((x, i) => (i === index ? item : x));

export const updateSignal =
  (index: number, patch: Partial<Signal>) =>
  (p: RulePackInput): RulePackInput => ({
    ...p,
    signals: replaceAt(p.signals, index, { ...p.signals[index]!, ...patch }),
  });

export const removeSignal =
  (index: number) =>
  (p: RulePackInput): RulePackInput => ({ ...p, signals: p.signals.filter((_, i) => i !== index) });

function uniqueId(base: string, taken: Set<string>): string {
  const stem = base.replace(/_\d+$/, '').slice(0, 56);
  for (let n = 2; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

export const duplicateSignal =
  (index: number) =>
  (p: RulePackInput): RulePackInput => {
    const original = p.signals[index]!;
    const copy = {
      ...original,
      id: uniqueId(original.id, new Set(p.signals.map((s) => s.id))),
      label: `${original.label} (copy)`,
    };
    return { ...p, signals: [...p.signals.slice(0, index + 1), copy, ...p.signals.slice(index + 1)] };
  };

export const addSignal =
  (metric: string) =>
  (p: RulePackInput): RulePackInput => ({
    ...p,
    signals: [
      ...p.signals,
      {
        id: uniqueId('new_signal', new Set(p.signals.map((s) => s.id))),
        label: 'New signal',
        category: 'usage',
        metric,
        operator: '>',
        threshold: 0,
        weight: 1,
        urgency: 'medium',
        approach: 'seat_expansion',
      },
    ],
  });

export const updateStage =
  (index: number, patch: Partial<Stage>) =>
  (p: RulePackInput): RulePackInput => ({
    ...p,
    ladder: { ...p.ladder, stages: replaceAt(p.ladder.stages, index, { ...p.ladder.stages[index]!, ...patch }) },
  });

export const updateGate =
  (index: number, patch: Partial<Gate>) =>
  (p: RulePackInput): RulePackInput => {
    const gates = p.ladder.gates ?? [];
    return { ...p, ladder: { ...p.ladder, gates: replaceAt(gates, index, { ...gates[index]!, ...patch }) } };
  };

export const updateFilter =
  (index: number, patch: Partial<Filter>) =>
  (p: RulePackInput): RulePackInput => {
    const filters = p.filters ?? [];
    return { ...p, filters: replaceAt(filters, index, { ...filters[index]!, ...patch }) };
  };

export const updateMetric =
  (index: number, patch: Partial<Metric>) =>
  (p: RulePackInput): RulePackInput => {
    const metrics = p.metrics ?? [];
    return { ...p, metrics: replaceAt(metrics, index, { ...metrics[index]!, ...patch }) };
  };

export const addMetric =
  () =>
  (p: RulePackInput): RulePackInput => {
    const metrics = p.metrics ?? [];
    return {
      ...p,
      metrics: [
        ...metrics,
        {
          id: uniqueId('new_metric', new Set(metrics.map((m) => m.id))),
          label: 'New metric',
          expr: 'seats_used / seats_licensed',
        },
      ],
    };
  };

export const removeMetric =
  (index: number) =>
  (p: RulePackInput): RulePackInput => ({ ...p, metrics: (p.metrics ?? []).filter((_, i) => i !== index) });
