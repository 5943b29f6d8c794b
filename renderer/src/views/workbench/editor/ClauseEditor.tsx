// A condition used by gates and filters: metric, comparison, value.
import { operators, type Clause } from '#shared/pack/schema';
import { MetricPicker, type PackMetrics } from './MetricPicker';
import { ThresholdControl } from './ThresholdControl';
import { useFeatureStats } from './useFeatureStats';
import { isCategoryMetric } from '#shared/engine/features';

export function ClauseEditor({
  clause,
  metrics,
  label,
  onChange,
}: {
  clause: Clause;
  metrics: PackMetrics;
  label: string;
  onChange(next: Clause, group?: string): void;
}) {
  const stats = useFeatureStats(isCategoryMetric(clause.metric) ? '' : clause.metric);
  return (
    <div className="clause">
      <MetricPicker
        metrics={metrics}
        value={clause.metric}
        onChange={(metric) => onChange({ ...clause, metric })}
        label={`${label}: metric`}
        includeCategories
      />
      <select
        aria-label={`${label}: comparison`}
        value={clause.operator}
        onChange={(e) =>
          onChange({
            ...clause,
            operator: e.target.value as Clause['operator'],
            value: e.target.value === 'between' ? [0, 1] : e.target.value === 'in' ? [0] : 0,
          })
        }
      >
        {operators.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      <ThresholdControl
        operator={clause.operator}
        value={clause.value}
        stats={stats}
        label={label}
        onChange={(value) => onChange({ ...clause, value }, `clause:${label}`)}
      />
    </div>
  );
}
