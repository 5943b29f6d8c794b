// A threshold: a number field plus a slider over the metric's observed range, with the metric's
// distribution drawn above it so you can see how many accounts sit on each side.
import type { Operator, Threshold } from '#shared/pack/schema';
import type { ColumnStats } from '#shared/workbench/stats';

function Sparkline({ stats, value }: { stats: ColumnStats; value: number }) {
  const max = Math.max(1, ...stats.histogram.map((b) => b.count));
  const lo = stats.histogram[0]?.from ?? 0;
  const hi = stats.histogram[stats.histogram.length - 1]?.to ?? 1;
  const x = (v: number) => ((v - lo) / (hi - lo || 1)) * 100;
  return (
    <svg className="sparkline" viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true">
      {stats.histogram.map((b, i) => (
        <rect
          key={i}
          x={x(b.from)}
          width={Math.max(0.5, x(b.to) - x(b.from) - 0.4)}
          y={24 - (b.count / max) * 24}
          height={(b.count / max) * 24}
        />
      ))}
      {value >= lo && value <= hi && <line x1={x(value)} x2={x(value)} y1={0} y2={24} />}
    </svg>
  );
}

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));

export function ThresholdControl({
  operator,
  value,
  onChange,
  stats,
  label,
}: {
  operator: Operator;
  value: Threshold;
  onChange(t: Threshold): void;
  stats: ColumnStats | null;
  label: string;
}) {
  if (operator === 'between') {
    const [lo, hi] = Array.isArray(value) && value.length === 2 ? (value as [number, number]) : [0, 0];
    return (
      <span className="threshold between">
        <input
          type="number"
          step="any"
          aria-label={`${label}: lower bound`}
          value={lo}
          onChange={(e) => Number.isFinite(toNumber(e.target.value)) && onChange([toNumber(e.target.value), hi])}
        />
        <span>to</span>
        <input
          type="number"
          step="any"
          aria-label={`${label}: upper bound`}
          value={hi}
          onChange={(e) => Number.isFinite(toNumber(e.target.value)) && onChange([lo, toNumber(e.target.value)])}
        />
      </span>
    );
  }
  if (operator === 'in' || typeof value === 'string') {
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    return (
      <input
        className="threshold list"
        aria-label={`${label}: values, separated by commas`}
        defaultValue={text}
        onBlur={(e) => {
          const parts = e.target.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          const values = parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p));
          onChange(operator === 'in' ? values : (values[0] ?? ''));
        }}
      />
    );
  }
  const t = typeof value === 'number' ? value : 0;
  const lo = stats ? Math.min(stats.quantiles[0]!, t) : Math.min(0, t);
  const hi = stats ? Math.max(stats.quantiles[6]!, t, lo + (stats.integers ? 1 : 1e-6)) : Math.max(10, t);
  const step = stats?.integers ? 1 : Number(((hi - lo) / 200).toPrecision(2)) || 0.01;
  return (
    <span className="threshold">
      <input
        type="number"
        step="any"
        aria-label={`${label}: threshold`}
        value={t}
        onChange={(e) => Number.isFinite(toNumber(e.target.value)) && onChange(toNumber(e.target.value))}
      />
      <span
        className="slider-with-sparkline"
        title="Drag to move the threshold over the range observed in this workspace (1st to 99th percentile)"
      >
        {stats && stats.count > 0 && <Sparkline stats={stats} value={t} />}
        <input
          type="range"
          aria-label={`${label}: threshold slider`}
          min={lo}
          max={hi}
          step={step}
          value={t}
          onChange={(e) => onChange(Number(e.target.value))}
        />
      </span>
    </span>
  );
}
