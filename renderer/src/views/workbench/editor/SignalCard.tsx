// One signal: on/off, weight, metric, comparison and threshold, sustained periods and per-segment
// overrides. Memoised: while a slider drags, only the card being edited re-renders.
import { memo, useState } from 'react';
import { approaches, operators, signalCategories, type RulePackInput } from '#shared/pack/schema';
import type { PackMetrics } from './MetricPicker';
import { signalFeature } from '#shared/engine/features';
import { isCategoryMetric } from '#shared/engine/features';
import { useModelStore } from '../../../store/model-store';
import { duplicateSignal, removeSignal, updateSignal } from './edits';
import { MetricPicker } from './MetricPicker';
import { ThresholdControl } from './ThresholdControl';
import { DefaultUnusedNote, SegmentOverrides, hasOverrides } from './SegmentOverrides';
import { useFeatureStats } from './useFeatureStats';
import { DiagnosticBadge } from './DiagnosticBadge';

type Signal = RulePackInput['signals'][number];

const operatorLabels: Record<string, string> = {
  '>': 'above',
  '>=': 'at least',
  '<': 'below',
  '<=': 'at most',
  '==': 'equal to',
  '!=': 'not',
  between: 'between',
  in: 'one of',
};

export const SignalCard = memo(function SignalCard({
  signal,
  index,
  metrics,
  signalCount,
  issue,
}: {
  signal: Signal;
  index: number;
  metrics: PackMetrics;
  signalCount: number;
  issue?: string;
}) {
  const edit = useModelStore((s) => s.edit);
  const [expanded, setExpanded] = useState(false);
  const key = signalFeature({
    metric: signal.metric,
    operator: signal.operator,
    sustainedPeriods: signal.sustainedPeriods,
  }).key;
  const stats = useFeatureStats(isCategoryMetric(signal.metric) ? '' : key);
  const set = (patch: Partial<Signal>, group?: string) => edit(updateSignal(index, patch), group);
  const enabled = signal.enabled !== false;
  const setOverrides = (segmentOverrides: Signal['segmentOverrides'], segment: string) =>
    set({ segmentOverrides }, `override:${signal.id}:${segment}`);
  return (
    <div className={enabled ? 'signal-card' : 'signal-card off'} data-testid={`signal-${signal.id}`}>
      <div className="signal-head">
        <label className="switch" title="Switch the signal on or off without deleting it">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
            aria-label={`${signal.label} on`}
          />
        </label>
        <input
          className="signal-label"
          aria-label="Signal name"
          value={signal.label}
          onChange={(e) => set({ label: e.target.value }, `label:${signal.id}`)}
        />
        <DiagnosticBadge part="signal" id={signal.id} />
        <button
          className="icon"
          onClick={() => setExpanded(!expanded)}
          aria-expanded={expanded}
          title="More settings: category, approach, sustained periods, segment overrides"
        >
          {expanded ? 'Less' : 'More'}
        </button>
      </div>
      <div className="signal-weight" title="Points the signal adds to the score when it fires">
        <label htmlFor={`w-${signal.id}`}>Weight</label>
        <input
          id={`w-${signal.id}`}
          type="range"
          min={-10}
          max={20}
          step={0.5}
          value={signal.weight}
          onChange={(e) => set({ weight: Number(e.target.value) }, `weight:${signal.id}`)}
          aria-label={`Weight of ${signal.label}`}
          data-testid={`weight-${signal.id}`}
        />
        <input
          type="number"
          step={0.5}
          className="weight-number"
          aria-label={`Weight of ${signal.label} (number)`}
          value={signal.weight}
          onChange={(e) => e.target.value !== '' && set({ weight: Number(e.target.value) }, `weight:${signal.id}`)}
        />
      </div>
      <div className="signal-rule">
        <MetricPicker
          metrics={metrics}
          value={signal.metric}
          onChange={(metric) => set({ metric })}
          label={`Metric of ${signal.label}`}
          includeCategories
        />
        <select
          aria-label={`Comparison of ${signal.label}`}
          value={signal.operator}
          onChange={(e) =>
            set({
              operator: e.target.value as Signal['operator'],
              threshold: e.target.value === 'between' ? [0, 1] : e.target.value === 'in' ? [0] : 0,
            })
          }
        >
          {operators.map((o) => (
            <option key={o} value={o}>
              {operatorLabels[o]}
            </option>
          ))}
        </select>
        <ThresholdControl
          operator={signal.operator}
          value={signal.threshold}
          stats={stats}
          label={signal.label}
          onChange={(threshold) => set({ threshold }, `threshold:${signal.id}`)}
        />
      </div>
      {hasOverrides(signal) && (
        <>
          <DefaultUnusedNote signal={signal} />
          <SegmentOverrides signal={signal} onChange={setOverrides} />
        </>
      )}
      {issue && (
        <p className="error small" role="alert">
          {issue}
        </p>
      )}
      {expanded && (
        <div className="signal-more">
          <label>
            Category{' '}
            <select value={signal.category} onChange={(e) => set({ category: e.target.value as Signal['category'] })}>
              {signalCategories.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Approach{' '}
            <select value={signal.approach} onChange={(e) => set({ approach: e.target.value as Signal['approach'] })}>
              {approaches.map((a) => (
                <option key={a} value={a}>
                  {a.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <label title="Only fire when the condition held for this many periods in a row (leave empty for the latest period only)">
            Sustained for{' '}
            <input
              type="number"
              min={2}
              max={104}
              value={signal.sustainedPeriods ?? ''}
              onChange={(e) => set({ sustainedPeriods: e.target.value === '' ? undefined : Number(e.target.value) })}
              aria-label={`Periods ${signal.label} must be sustained`}
            />{' '}
            periods
          </label>
          {!hasOverrides(signal) && <SegmentOverrides signal={signal} onChange={setOverrides} />}
          <div className="actions">
            <button onClick={() => edit(duplicateSignal(index))}>Duplicate</button>
            <button
              className="danger"
              onClick={() => edit(removeSignal(index))}
              disabled={signalCount <= 1}
              title={signalCount <= 1 ? 'A model needs at least one signal' : 'Delete this signal (undo with Ctrl+Z)'}
            >
              Delete
            </button>
          </div>
        </div>
      )}
    </div>
  );
});
