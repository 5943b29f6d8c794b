// Window functions over each account's period series, evaluated as of a date. Rows are grouped by
// account (offsets) and sorted by period start, and hold only periods starting on or before the
// as-of date, so "latest" is the last row of each account.
import type { Node } from './ast';
import { lookupFunction } from './functions';
import { isSet } from '../missing';

export interface PeriodLayout {
  /** Number of accounts. */
  accounts: number;
  /** Rows of account a are offsets[a] .. offsets[a+1]-1, oldest first. */
  offsets: Int32Array;
  /** Period start of each row, as days since 1970-01-01. */
  days: Int32Array;
  asOfDay: number;
}

type Call = Extract<Node, { kind: 'call' }>;

/** Index of the last row of account a starting on or before `day`, or -1. */
function lastRowAtOrBefore(layout: PeriodLayout, a: number, day: number): number {
  let lo = layout.offsets[a]!;
  let hi = layout.offsets[a + 1]! - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (layout.days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Non-missing values of rows [from, to). */
function present(series: Float64Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++) if (isSet(series[r]!)) out.push(series[r]!);
  return out;
}

function constantArg(call: Call, index: number, fallback = 0): number {
  const node = call.args[index];
  return node && node.kind === 'number' ? node.value : fallback;
}

/** Per-account value of a window function whose series (first argument) is already evaluated per row. */
export function reduceWindow(call: Call, series: Float64Array, layout: PeriodLayout): Float64Array {
  const spec = lookupFunction(call.name);
  if (!spec || spec.kind !== 'window') throw new Error(`${call.name} is not a window function`);
  const out = new Float64Array(layout.accounts).fill(NaN);
  const p1 = constantArg(call, 1);
  const p2 = constantArg(call, 2);
  for (let a = 0; a < layout.accounts; a++) {
    const start = layout.offsets[a]!;
    const end = layout.offsets[a + 1]!;
    if (end === start) continue;
    const latest = series[end - 1]!;
    switch (call.name) {
      case 'value_at':
      case 'delta':
      case 'pct_change':
      case 'annualized_growth': {
        const row = lastRowAtOrBefore(layout, a, layout.asOfDay - p1);
        const past = row === -1 ? NaN : series[row]!;
        if (call.name === 'value_at') out[a] = past;
        else if (call.name === 'delta') out[a] = latest - past;
        else if (call.name === 'pct_change') out[a] = past === 0 ? NaN : (latest - past) / past;
        else out[a] = past > 0 && latest >= 0 ? (latest / past) ** (365 / p1) - 1 : NaN;
        break;
      }
      case 'rolling_mean':
      case 'rolling_sum':
      case 'rolling_min':
      case 'rolling_max': {
        const to = end - p2;
        const from = to - p1;
        if (from < start) break;
        const values = present(series, from, to);
        if (values.length === 0) break;
        if (call.name === 'rolling_sum') out[a] = values.reduce((s, v) => s + v, 0);
        else if (call.name === 'rolling_mean') out[a] = values.reduce((s, v) => s + v, 0) / values.length;
        else out[a] = call.name === 'rolling_min' ? Math.min(...values) : Math.max(...values);
        break;
      }
      case 'consecutive': {
        let run = 0;
        for (let r = end - 1; r >= start && series[r] === 1; r--) run++;
        out[a] = run;
        break;
      }
      case 'count_if': {
        if (end - p1 < start) break;
        let count = 0;
        for (let r = end - p1; r < end; r++) if (series[r] === 1) count++;
        out[a] = count;
        break;
      }
      case 'spike_ratio': {
        if (end - p1 < start) break;
        const values = present(series, end - p1, end);
        const peak = values.length ? Math.max(...values) : NaN;
        const typical = median(values);
        out[a] = typical === 0 || !isSet(typical) ? NaN : peak / typical;
        break;
      }
      case 'weeks_above_baseline': {
        // Baseline: the median of the n periods before the latest n; count the latest periods in a
        // row above it (at most n). Sustained growth scores n; a one-off spike scores little.
        if (end - 2 * p1 < start) break;
        const baseline = median(present(series, end - 2 * p1, end - p1));
        if (!isSet(baseline)) break;
        let run = 0;
        for (let r = end - 1; r >= end - p1 && series[r]! > baseline; r--) run++;
        out[a] = run;
        break;
      }
    }
  }
  return out;
}
