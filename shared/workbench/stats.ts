// The observed distribution of a feature column, for threshold sliders and their sparklines.
import { isSet } from '../missing';
export interface ColumnStats {
  count: number;
  missing: number;
  min: number;
  max: number;
  /** Quantiles at 1, 5, 25, 50, 75, 95 and 99 %. */
  quantiles: number[];
  histogram: { from: number; to: number; count: number }[];
  integers: boolean;
}

const quantileLevels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

export function columnStats(column: Float64Array, bins = 24): ColumnStats {
  const present = new Float64Array(column.length);
  let n = 0;
  let integers = true;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (!isSet(v)) continue;
    present[n++] = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  const values = present.subarray(0, n).sort();
  if (n === 0)
    return {
      count: 0,
      missing: column.length,
      min: NaN,
      max: NaN,
      quantiles: quantileLevels.map(() => NaN),
      histogram: [],
      integers,
    };
  const min = values[0]!;
  const max = values[n - 1]!;
  const q = (p: number) => values[Math.min(n - 1, Math.floor(p * (n - 1)))]!;
  // Bins span the 1–99 % range so a few outliers do not flatten the sparkline.
  const lo = q(0.01);
  const hi = Math.max(q(0.99), lo + (integers ? 1 : Number.EPSILON));
  const width = (hi - lo) / bins;
  const histogram = Array.from({ length: bins }, (_, b) => ({
    from: lo + b * width,
    to: lo + (b + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < lo || v > hi) continue;
    histogram[Math.min(bins - 1, Math.floor((v - lo) / width))]!.count++;
  }
  return { count: n, missing: column.length - n, min, max, quantiles: quantileLevels.map(q), histogram, integers };
}
