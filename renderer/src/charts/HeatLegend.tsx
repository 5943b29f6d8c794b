// The heatmap's colour legend: the measure and its unit, a ramp drawn from the very scale that
// colours the cells (sampled into thin SVG bands, so it needs no canvas and renders anywhere),
// and round ticks formatted like the cells ($10M, 1,200, 12.5 %, +3 pts).
import { formatValue, type HeatScale } from './heat-scale';
import type { Heatmap } from '#shared/book/heatmap';

export interface HeatLegendProps {
  scale: HeatScale;
  unit: Heatmap['unit'];
  delta: boolean;
  label: string;
  width?: number;
}

/** About `count` round values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export function HeatLegend({ scale, unit, delta, label, width = 320 }: HeatLegendProps) {
  const [lo, hi] = scale.extent;
  // Room either side for the end ticks' labels ("0.0 %", "−$1.2M").
  const pad = 24;
  const inner = width - 2 * pad;
  const x = (v: number) => Math.round((hi > lo ? ((v - lo) / (hi - lo)) * inner + pad : pad) * 10) / 10;
  const bands = 48;
  const band = inner / bands;
  return (
    <svg
      className="heat-legend-ramp"
      width={width}
      height={50}
      viewBox={`0 0 ${width} 50`}
      role="img"
      aria-label={`Colour scale: ${label}, from ${formatValue(unit, lo, delta)} to ${formatValue(unit, hi, delta)}`}
    >
      <text x={pad} y={11} fontSize={11} fontWeight={600} fill="currentColor">
        {label}
      </text>
      {Array.from({ length: bands }, (_, k) => (
        <rect
          key={k}
          x={Math.round((pad + k * band) * 10) / 10}
          y={16}
          width={Math.ceil(band * 10) / 10 + 0.5}
          height={12}
          fill={scale.color(lo + ((hi - lo) * (k + 0.5)) / bands)}
        />
      ))}
      {niceTicks(lo, hi).map((v) => (
        <g key={v} transform={`translate(${x(v)},28)`}>
          <line y2={5} stroke="currentColor" />
          <text y={16} fontSize={10} textAnchor="middle" fill="currentColor">
            {formatValue(unit, v, delta)}
          </text>
        </g>
      ))}
    </svg>
  );
}
