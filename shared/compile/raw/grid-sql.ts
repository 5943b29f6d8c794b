// Bounded window functions on a grid: one cell per account and calendar period back from the
// current one (offset 0 … K−1), the period's merged row joined when there is one, so every cell
// holds exactly what the engine reads — a value, or the gap value of a period without a row. Per
// account the grid gives: values by offset (sums are added in period order, as the engine does,
// because a double sum depends on its order), counts, minima, maxima, and medians from ranks.
import { num, type RawDialect } from './calendar';
import type { Cte } from './frame-sql';
import type { RawPlan } from './plan';
import { seriesSql } from './series';
import { gridRange, windowSpans, type MedianPlan } from './spans';

/** Named per-account statistics of the grid, each computed once. */
export interface GridStats {
  columns: Map<string, string>;
  medians: Map<string, MedianPlan>;
  value(series: number, k: number): string;
  count(series: number, from: number, to: number): string;
  min(series: number, from: number, to: number): string;
  max(series: number, from: number, to: number): string;
  countTrue(series: number, from: number, to: number): string;
  median(m: MedianPlan): { lo: string; hi: string; n: string };
}

export const gridWindows = (plan: RawPlan) => plan.windows.filter((w) => windowSpans[w.name] === 'grid');

export function gridStats(r: RawDialect): GridStats {
  const columns = new Map<string, string>();
  const medians = new Map<string, MedianPlan>();
  const add = (name: string, sql: string) => {
    if (!columns.has(name)) columns.set(name, sql);
    return name;
  };
  const inRange = (from: number, to: number) => `cell_k BETWEEN ${from} AND ${to}`;
  return {
    columns,
    medians,
    value: (s, k) => add(`v${s}_${k}`, `MAX(CASE WHEN cell_k = ${k} THEN s${s} END)`),
    count: (s, from, to) => add(`n${s}_${from}_${to}`, `COUNT(CASE WHEN ${inRange(from, to)} THEN s${s} END)`),
    min: (s, from, to) => add(`lo${s}_${from}_${to}`, `MIN(CASE WHEN ${inRange(from, to)} THEN s${s} END)`),
    max: (s, from, to) => add(`hi${s}_${from}_${to}`, `MAX(CASE WHEN ${inRange(from, to)} THEN s${s} END)`),
    countTrue: (s, from, to) =>
      add(`t${s}_${from}_${to}`, `COUNT(CASE WHEN ${inRange(from, to)} AND s${s} = ${num(r, 1)} THEN 1 END)`),
    median(m) {
      medians.set(m.key, m);
      const picked = (ranks: string) =>
        `MAX(CASE WHEN ${inRange(m.from, m.to)} AND s${m.series} IS NOT NULL AND ${ranks} THEN s${m.series} END)`;
      // Ranks 1…n of the present values; the median is rank ⌈n/2⌉ (odd n) or the mean of ranks n/2 and n/2 + 1.
      return {
        lo: add(`mlo${m.key}`, picked(`(2 * r${m.key} = c${m.key} OR 2 * r${m.key} = c${m.key} + 1)`)),
        hi: add(`mhi${m.key}`, picked(`(2 * r${m.key} = c${m.key} + 1 OR 2 * r${m.key} = c${m.key} + 2)`)),
        n: add(`mc${m.key}`, `MAX(c${m.key})`),
      };
    },
  };
}

function digitSteps(size: number): Cte[] {
  const levels = Math.max(1, String(size - 1).length);
  const digits = Array.from({ length: 10 }, (_, i) => (i === 0 ? 'SELECT 0 AS digit' : `SELECT ${i}`)).join(
    ' UNION ALL ',
  );
  const k = Array.from({ length: levels }, (_, i) => (i === 0 ? 'd0.digit' : `${10 ** i} * d${i}.digit`)).join(' + ');
  const from = Array.from({ length: levels }, (_, i) => `ladder_digits d${i}`).join(' CROSS JOIN ');
  return [
    { name: 'ladder_digits', note: 'Digits, to count periods back.', body: `  ${digits}` },
    {
      name: 'ladder_offsets',
      note: `Periods back from the current one: 0 … ${size - 1}.`,
      body: `  SELECT ${k} AS cell_k\n  FROM ${from}\n  WHERE ${k} < ${size}`,
    },
  ];
}

/** The grid steps; `stats` has been filled by the window step builder (windows-sql.ts) first. */
export function gridSteps(plan: RawPlan, r: RawDialect, stats: GridStats): Cte[] {
  const windows = gridWindows(plan);
  if (windows.length === 0) return [];
  const size = Math.max(...windows.map((w) => gridRange(w).to)) + 1;
  const series = [...new Set(windows.map((w) => w.series))].sort((a, b) => a - b);
  const cellColumns = series.map((s) => `${seriesSql(plan, r, plan.series[s]!.node, 'row')} AS s${s}`);
  const steps: Cte[] = [
    ...digitSteps(size),
    {
      name: 'cells',
      note: 'One cell per account and period back; a period without a row reads as its gap value (counts 0, snapshots missing).',
      body: `  SELECT\n    ${['b.account_id', 'o.cell_k', ...cellColumns].join(',\n    ')}\n  FROM base b CROSS JOIN ladder_offsets o\n  LEFT JOIN merged m ON m.account_id = b.account_id AND m.period_no = b.cur - o.cell_k`,
    },
  ];
  let source = 'cells';
  if (stats.medians.size > 0) {
    const ranks = [...stats.medians.values()].flatMap((m) => {
      const eligible = `CASE WHEN c.cell_k BETWEEN ${m.from} AND ${m.to} AND c.s${m.series} IS NOT NULL THEN 1 ELSE 0 END`;
      return [
        `ROW_NUMBER() OVER (PARTITION BY c.account_id, ${eligible} ORDER BY c.s${m.series}) AS r${m.key}`,
        `COUNT(CASE WHEN c.cell_k BETWEEN ${m.from} AND ${m.to} THEN c.s${m.series} END) OVER (PARTITION BY c.account_id) AS c${m.key}`,
      ];
    });
    steps.push({
      name: 'ranked_cells',
      note: 'Ranks of the present values in each range a median is taken over.',
      body: `  SELECT\n    ${['c.*', ...ranks].join(',\n    ')}\n  FROM cells c`,
    });
    source = 'ranked_cells';
  }
  const aggregates = [...stats.columns.entries()].map(([name, sql]) => `${sql} AS ${name}`);
  steps.push({
    name: 'grid_stats',
    note: 'Per account: values by period back, counts, minima, maxima and median ranks of each window.',
    body: `  SELECT\n    ${['account_id', ...aggregates].join(',\n    ')}\n  FROM ${source}\n  GROUP BY account_id`,
  });
  return steps;
}
