// Window functions over each account's calendar periods, evaluated as of a date
// (docs/ARCHITECTURE.md §3). "The last N periods" are the N calendar periods ending with the one that
// contains the as-of date, whether or not the account has rows for them: a period without a row
// takes the account's gap value (0 for counts, missing for snapshots). A window reaching back
// before the history of its inputs is missing; missing values inside a window are skipped.
import type { Node } from './ast';
import { lookupFunction } from './functions';
import { periodOfDay } from '../periods/calendar';
import { isSet } from '../missing';

export interface PeriodLayout {
  /** Number of accounts. */
  accounts: number;
  /** Rows of account a are offsets[a] .. offsets[a+1]-1, oldest first, at most one per period. */
  offsets: Int32Array;
  /**
   * When set, account a reads only its rows before ends[a] (the rest are after the as-of date): one
   * layout serves many as-of dates (calibration). The gap values still follow offsets[accounts].
   */
  ends?: Int32Array;
  /** Calendar period number of each row (see shared/periods/calendar.ts), in its account's grain. */
  periods: Int32Array;
  /** Grain code of each account (grainCode: 0 week, 1 month). */
  grain: Uint8Array;
  /** The period containing the as-of date, per grain. */
  current: { week: number; month: number };
  /** The as-of date, as days since 1970-01-01. */
  asOfDay: number;
}

/** The first period, per grain, a window may read: periods before it are outside the known history. */
export interface HistoryStart {
  week: number;
  month: number;
}

/** No history at all: every window is missing. */
export const noHistory: HistoryStart = { week: 2 ** 31 - 1, month: 2 ** 31 - 1 };

type Call = Extract<Node, { kind: 'call' }>;

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

function constantArg(call: Call, index: number, fallback = 0): number {
  const node = call.args[index];
  return node && node.kind === 'number' ? node.value : fallback;
}

/**
 * Reads one account's values period by period. `series` holds one value per row, then one gap
 * value per account (the series expression evaluated on a period without a row).
 */
interface AccountSeries {
  /** Value of period p (p within the account's history). */
  at(p: number): number;
  /** Values of periods from..to (inclusive), oldest first, into `out` (cleared first); missing ones skipped. */
  present(from: number, to: number, out: number[]): number[];
  /** How many periods in a row, from `to` back to `floor` at most, have a value passing `test`. */
  runBack(to: number, floor: number, test: (v: number) => boolean): number;
  /** How many periods from..to have the value 1 (a condition that holds). */
  countTrue(from: number, to: number): number;
}

function accountSeries(series: Float64Array, layout: PeriodLayout): { select(a: number): AccountSeries } {
  const rows = layout.offsets[layout.accounts]!;
  const periods = layout.periods;
  let start = 0;
  let end = 0;
  let gap = NaN;
  /** The first row of the account at or after period p. */
  const rowFrom = (p: number) => {
    let r = end;
    // Windows sit at the end of the series: walk back from the latest row.
    while (r > start && periods[r - 1]! >= p) r--;
    return r;
  };
  const view: AccountSeries = {
    at(p) {
      const r = rowFrom(p);
      return r < end && periods[r] === p ? series[r]! : gap;
    },
    present(from, to, out) {
      out.length = 0;
      let r = rowFrom(from);
      for (let p = from; p <= to; p++) {
        let v = gap;
        if (r < end && periods[r] === p) v = series[r++]!;
        if (isSet(v)) out.push(v);
      }
      return out;
    },
    runBack(to, floor, test) {
      let r = end - 1;
      let run = 0;
      for (let p = to; p >= floor; p--) {
        while (r >= start && periods[r]! > p) r--;
        if (!test(r >= start && periods[r] === p ? series[r]! : gap)) break;
        run++;
      }
      return run;
    },
    countTrue(from, to) {
      let r = rowFrom(from);
      let count = 0;
      for (let p = from; p <= to; p++) {
        let v = gap;
        if (r < end && periods[r] === p) v = series[r++]!;
        if (v === 1) count++;
      }
      return count;
    },
  };
  return {
    select(a) {
      start = layout.offsets[a]!;
      end = layout.ends ? layout.ends[a]! : layout.offsets[a + 1]!;
      gap = series[rows + a]!;
      return view;
    },
  };
}

/** Per-account value of a window function whose series (first argument) is already evaluated per row. */
export function reduceWindow(
  call: Call,
  series: Float64Array,
  layout: PeriodLayout,
  history: HistoryStart,
): Float64Array {
  const spec = lookupFunction(call.name);
  if (!spec || spec.kind !== 'window') throw new Error(`${call.name} is not a window function`);
  const out = new Float64Array(layout.accounts).fill(NaN);
  const p1 = constantArg(call, 1);
  const p2 = constantArg(call, 2);
  const back = { week: periodOfDay('week', layout.asOfDay - p1), month: periodOfDay('month', layout.asOfDay - p1) };
  const reader = accountSeries(series, layout);
  const values: number[] = [];
  for (let a = 0; a < layout.accounts; a++) {
    const month = layout.grain[a] === 1;
    const first = month ? history.month : history.week;
    const cur = month ? layout.current.month : layout.current.week;
    if (cur < first) continue;
    const s = reader.select(a);
    switch (call.name) {
      case 'value_at':
      case 'delta':
      case 'pct_change':
      case 'annualized_growth': {
        const then = month ? back.month : back.week;
        const past = then < first ? NaN : s.at(then);
        const latest = s.at(cur);
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
        const to = cur - p2;
        const from = to - p1 + 1;
        if (from < first) break;
        s.present(from, to, values);
        if (values.length === 0) break;
        if (call.name === 'rolling_sum') out[a] = values.reduce((sum, v) => sum + v, 0);
        else if (call.name === 'rolling_mean') out[a] = values.reduce((sum, v) => sum + v, 0) / values.length;
        else out[a] = call.name === 'rolling_min' ? Math.min(...values) : Math.max(...values);
        break;
      }
      case 'consecutive': {
        out[a] = s.runBack(cur, first, (v) => v === 1);
        break;
      }
      case 'count_if': {
        const from = cur - p1 + 1;
        if (from < first) break;
        out[a] = s.countTrue(from, cur);
        break;
      }
      case 'spike_ratio': {
        const from = cur - p1 + 1;
        if (from < first) break;
        s.present(from, cur, values);
        const peak = values.length ? Math.max(...values) : NaN;
        const typical = median(values);
        out[a] = typical === 0 || !isSet(typical) ? NaN : peak / typical;
        break;
      }
      case 'weeks_above_baseline': {
        // Baseline: the median of the n periods before the latest n; count the latest periods in a
        // row above it (at most n). Sustained growth scores n; a one-off spike scores little.
        const from = cur - 2 * p1 + 1;
        if (from < first) break;
        const baseline = median(s.present(from, cur - p1, values));
        if (!isSet(baseline)) break;
        out[a] = s.runBack(cur, cur - p1 + 1, (v) => v > baseline);
        break;
      }
    }
  }
  return out;
}
