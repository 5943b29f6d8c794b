// How far back each window function reads, in calendar periods before the current one (offset 0):
// `grid` functions read a bounded range, laid out as one cell per account and period; `point`
// functions read the current period and one N days back; `consecutive` reads back to the start of
// its history, however long, so it is computed from the period rows themselves.
import type { WindowPlan } from './plan';

export type WindowSpan = 'grid' | 'point' | 'run';

export const windowSpans: Record<string, WindowSpan> = {
  value_at: 'point',
  delta: 'point',
  pct_change: 'point',
  annualized_growth: 'point',
  rolling_mean: 'grid',
  rolling_sum: 'grid',
  rolling_min: 'grid',
  rolling_max: 'grid',
  consecutive: 'run',
  count_if: 'grid',
  spike_ratio: 'grid',
  weeks_above_baseline: 'grid',
};

/** The offsets [from, to] (0 = the current period) a grid window reads; `to` is the oldest. */
export function gridRange(w: WindowPlan): { from: number; to: number } {
  switch (w.name) {
    case 'rolling_mean':
    case 'rolling_sum':
    case 'rolling_min':
    case 'rolling_max':
      return { from: w.p2, to: w.p2 + w.p1 - 1 };
    case 'weeks_above_baseline':
      return { from: 0, to: 2 * w.p1 - 1 };
    default:
      return { from: 0, to: w.p1 - 1 };
  }
}

/** A median some window needs: over series `series`, offsets from..to. */
export interface MedianPlan {
  key: string;
  series: number;
  from: number;
  to: number;
}

export function medianOf(w: WindowPlan): MedianPlan | null {
  const range =
    w.name === 'spike_ratio'
      ? { from: 0, to: w.p1 - 1 }
      : w.name === 'weeks_above_baseline'
        ? { from: w.p1, to: 2 * w.p1 - 1 }
        : null;
  return range && { key: `${w.series}_${range.from}_${range.to}`, series: w.series, ...range };
}
