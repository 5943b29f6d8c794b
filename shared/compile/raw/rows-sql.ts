// Period rows per account and calendar period: each row numbered by the period containing it (in
// the account's grain), rows of one period merged (counts added, snapshots keep their latest
// value), then per account the statistics read from rows directly: the value of each input in the
// current period, values N days back, and what consecutive() needs — the latest period that breaks
// the run and how many periods in a row up to the current one have a row.
import { weekOfDay, type RawDialect } from './calendar';
import type { Cte } from './frame-sql';
import { backDays } from './frame-sql';
import type { RawPlan } from './plan';
import { seriesSql } from './series';
import { windowSpans } from './spans';

export function mergeSteps(plan: RawPlan, r: RawDialect): Cte[] {
  const inputs = [...plan.inputs.values()];
  const snapshots = inputs.filter((i) => i.fill === 'missing');
  const periodNo = `CASE WHEN b.is_month = 1 THEN ${r.monthNumber('r.period_start')} ELSE ${weekOfDay(r, r.dayNumber('r.period_start'))} END`;
  const steps: Cte[] = [
    {
      name: 'numbered',
      note: "Each row's calendar period, in its account's grain.",
      body: `  SELECT\n    ${['r.account_id', 'r.period_start', `${periodNo} AS period_no`, ...inputs.map((i) => `r.i${i.index}`)].join(',\n    ')}\n  FROM period_rows r JOIN base b ON b.account_id = r.account_id`,
    },
  ];
  let source = 'numbered';
  if (snapshots.length > 0) {
    steps.push({
      name: 'numbered_latest',
      note: 'For snapshots, the latest row of the period that has a value.',
      body: `  SELECT\n    ${['n.*', ...snapshots.map((i) => `MAX(CASE WHEN n.i${i.index} IS NOT NULL THEN n.period_start END) OVER (PARTITION BY n.account_id, n.period_no) AS at_i${i.index}`)].join(',\n    ')}\n  FROM numbered n`,
    });
    source = 'numbered_latest';
  }
  const merged = inputs.map((i) =>
    i.fill === 'zero'
      ? `SUM(COALESCE(i${i.index}, 0)) AS i${i.index}`
      : `MAX(CASE WHEN period_start = at_i${i.index} THEN i${i.index} END) AS i${i.index}`,
  );
  steps.push({
    name: 'merged',
    note: 'One row per account and period: counts added up, snapshots at their latest value.',
    body: `  SELECT\n    ${['account_id', 'period_no', ...merged].join(',\n    ')}\n  FROM ${source}\n  GROUP BY account_id, period_no`,
  });
  return steps;
}

const pointWindows = (plan: RawPlan) => plan.windows.filter((w) => windowSpans[w.name] === 'point');
const runWindows = (plan: RawPlan) => plan.windows.filter((w) => windowSpans[w.name] === 'run');

/** Columns of row_stats the window step reads, by purpose. */
export const rowStatNames = {
  latest: (input: number) => `latest_raw_i${input}`,
  has: (days: number | 'cur') => `has_${days === 'cur' ? 'cur' : `b${days}`}`,
  at: (series: number, days: number | 'cur') => `at${series}_${days === 'cur' ? 'cur' : `b${days}`}`,
  breaks: (series: number) => `lnt${series}`,
  leadRun: 'lead_run',
};

export function rowStatsSteps(plan: RawPlan, r: RawDialect): Cte[] {
  const points = pointWindows(plan);
  const runs = runWindows(plan);
  const series = [...new Set([...points, ...runs].map((w) => w.series))].sort((a, b) => a - b);
  const seriesColumns = series.map((s) => `${seriesSql(plan, r, plan.series[s]!.node, 'row')} AS s${s}`);
  const carried = [
    'm.period_no',
    'b.cur',
    ...backDays(plan).map((n) => `b.back${n}`),
    ...runs.map((w) => `b.first_s${w.series}`),
    ...[...plan.inputs.values()].map((i) => `m.i${i.index}`),
  ];
  const rank = runs.length > 0 ? ['ROW_NUMBER() OVER (PARTITION BY m.account_id ORDER BY m.period_no DESC) AS rn'] : [];
  const n = rowStatNames;
  const stats = [
    ...[...plan.inputs.values()].map(
      (i) => `MAX(CASE WHEN period_no = cur THEN i${i.index} END) AS ${n.latest(i.index)}`,
    ),
  ];
  const add = (sql: string) => {
    if (!stats.includes(sql)) stats.push(sql);
  };
  for (const w of points) {
    add(`MAX(CASE WHEN period_no = cur THEN 1 ELSE 0 END) AS ${n.has('cur')}`);
    add(`MAX(CASE WHEN period_no = cur THEN s${w.series} END) AS ${n.at(w.series, 'cur')}`);
    add(`MAX(CASE WHEN period_no = back${w.p1} THEN 1 ELSE 0 END) AS ${n.has(w.p1)}`);
    add(`MAX(CASE WHEN period_no = back${w.p1} THEN s${w.series} END) AS ${n.at(w.series, w.p1)}`);
  }
  for (const w of runs) {
    const s = `s${w.series}`;
    add(
      `MAX(CASE WHEN period_no >= first_s${w.series} AND (${s} IS NULL OR ${s} <> 1) THEN period_no END) AS ${n.breaks(w.series)}`,
    );
    // Rows in a row up to the current period: their period number plus their rank from the latest is constant.
    add(`COUNT(CASE WHEN period_no = cur - rn + 1 THEN 1 END) AS ${n.leadRun}`);
  }
  return [
    {
      name: 'row_series',
      note: 'Merged rows with the series read from rows (points back in time, consecutive periods).',
      body: `  SELECT\n    ${['m.account_id', ...carried, ...seriesColumns, ...rank].join(',\n    ')}\n  FROM merged m JOIN ctx b ON b.account_id = m.account_id`,
    },
    {
      name: 'row_stats',
      note: 'Per account: each input in the current period, values N days back, and where runs of periods break.',
      body: `  SELECT\n    ${['account_id', ...stats].join(',\n    ')}\n  FROM row_series\n  GROUP BY account_id`,
    },
  ];
}
