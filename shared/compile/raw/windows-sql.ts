// Each window function's value per account, from the grid and row statistics, with the engine's
// rules (shared/expr/window.ts): a window reaching back before its series' history is missing,
// missing values inside a window are skipped, an empty window is missing.
import { asDouble, num, type RawDialect } from './calendar';
import { firstOfInput, type Cte } from './frame-sql';
import type { GridStats } from './grid-sql';
import type { RawPlan, WindowPlan } from './plan';
import { rowStatNames as n } from './rows-sql';
import { seriesSql } from './series';
import { gridRange, medianOf } from './spans';

/** NULL-propagating larger of period numbers (a missing history start means no history). */
function laterOf(parts: string[]): string {
  return parts.reduce(
    (acc, p) => `CASE WHEN ${acc} IS NULL OR ${p} IS NULL THEN NULL WHEN ${acc} > ${p} THEN ${acc} ELSE ${p} END`,
  );
}

/** `ctx`: base plus each series' gap value and history start. */
export function ctxStep(plan: RawPlan, r: RawDialect): Cte {
  const columns = plan.series.flatMap((s) => {
    const firsts = [...new Set(s.inputs.map((id) => `b.${firstOfInput(plan, id)}`))];
    return [
      `${seriesSql(plan, r, s.node, 'gap')} AS gap_s${s.index}`,
      `${firsts.length ? laterOf(firsts) : 'b.first_any'} AS first_s${s.index}`,
    ];
  });
  return {
    name: 'ctx',
    note: "Each series' value in a period without a row (its gap value) and the first period of its history.",
    body: `  SELECT\n    ${['b.*', ...columns].join(',\n    ')}\n  FROM base b`,
  };
}

const before = (at: string, first: string) => `(${first} IS NULL OR ${at} < ${first})`;

/** Window steps: `window_parts` (medians, the value then and now), then `windows`. */
export function windowSteps(plan: RawPlan, r: RawDialect, stats: GridStats, hasRows: boolean, hasGrid: boolean): Cte[] {
  const parts: string[] = [];
  const finals: string[] = [];
  const zero = num(r, 0);
  const rs = (column: string) => `rs.${column}`;
  const g = (column: string) => `g.${column}`;
  for (const w of plan.windows) {
    const first = `first_s${w.series}`;
    const gap = `gap_s${w.series}`;
    const out = (sql: string) => finals.push(`${sql} AS w${w.index}`);
    switch (w.name) {
      case 'value_at':
      case 'delta':
      case 'pct_change':
      case 'annualized_growth': {
        parts.push(
          `CASE WHEN ${before(`x.back${w.p1}`, `x.${first}`)} THEN NULL WHEN COALESCE(${rs(n.has(w.p1))}, 0) = 1 THEN ${rs(n.at(w.series, w.p1))} ELSE x.${gap} END AS past${w.index}`,
          `CASE WHEN COALESCE(${rs(n.has('cur'))}, 0) = 1 THEN ${rs(n.at(w.series, 'cur'))} ELSE x.${gap} END AS now${w.index}`,
        );
        const [past, now] = [`past${w.index}`, `now${w.index}`];
        const value =
          w.name === 'value_at'
            ? past
            : w.name === 'delta'
              ? `${now} - ${past}`
              : w.name === 'pct_change'
                ? `(${now} - ${past}) / NULLIF(${past}, ${zero})`
                : `CASE WHEN ${past} > ${zero} AND ${now} >= ${zero} THEN ${r.pow(`${now} / ${past}`, num(r, 365 / w.p1))} - ${num(r, 1)} END`;
        out(`CASE WHEN ${before('cur', first)} THEN NULL ELSE ${value} END`);
        break;
      }
      case 'consecutive': {
        parts.push(`${rs(n.breaks(w.series))} AS breaks${w.index}`, `COALESCE(${rs(n.leadRun)}, 0) AS lead${w.index}`);
        const floor = `${first} - 1`;
        const gapBreak = `CASE WHEN ${gap} = ${num(r, 1)} THEN ${floor} ELSE cur - lead${w.index} END`;
        const latestBreak = r.greatest(`COALESCE(breaks${w.index}, ${floor})`, gapBreak, floor);
        out(`CASE WHEN ${before('cur', first)} THEN NULL ELSE ${asDouble(r, `cur - ${latestBreak}`)} END`);
        break;
      }
      default:
        finals.push(`${gridWindow(w, r, stats, parts)} AS w${w.index}`);
    }
  }
  const inputs = [...plan.inputs.values()].map((i) => {
    const raw = rs(n.latest(i.index));
    const value = i.fill === 'zero' ? `COALESCE(${raw}, ${zero})` : raw;
    return `CASE WHEN ${before('x.cur', `x.${firstOfInput(plan, i.id)}`)} THEN NULL ELSE ${value} END AS latest_i${i.index}`;
  });
  const carried = [...stats.columns.keys()].map((c) => g(c));
  const joins = [
    ...(hasRows ? ['LEFT JOIN row_stats rs ON rs.account_id = x.account_id'] : []),
    ...(hasGrid ? ['LEFT JOIN grid_stats g ON g.account_id = x.account_id'] : []),
  ];
  return [
    {
      name: 'window_parts',
      note: 'Per account: the inputs in the current period, each window’s values then and now, medians, and grid statistics.',
      body: `  SELECT\n    ${['x.*', ...inputs, ...carried, ...parts].join(',\n    ')}\n  FROM ctx x${joins.map((j) => `\n  ${j}`).join('')}`,
    },
    {
      name: 'windows',
      note: 'Each window function’s value.',
      body: `  SELECT\n    ${['*', ...finals].join(',\n    ')}\n  FROM window_parts`,
    },
  ];
}

function gridWindow(w: WindowPlan, r: RawDialect, stats: GridStats, parts: string[]): string {
  const { from, to } = gridRange(w);
  const s = w.series;
  const first = `first_s${s}`;
  const reachesBack = before(`cur - ${to}`, first);
  const zero = num(r, 0);
  const median = (): string => {
    const m = medianOf(w)!;
    const { lo, hi, n: count } = stats.median(m);
    const name = `med${m.key}`;
    const sql = `CASE WHEN g.${count} IS NULL OR g.${count} = 0 THEN NULL WHEN ${r.mod(`g.${count}`, 2)} = 1 THEN g.${lo} ELSE (g.${lo} + g.${hi}) / ${num(r, 2)} END AS ${name}`;
    if (!parts.includes(sql)) parts.push(sql);
    return name;
  };
  switch (w.name) {
    case 'rolling_sum':
    case 'rolling_mean': {
      // Oldest first, from 0, skipping missing values (adding 0 leaves a double sum unchanged).
      const terms = Array.from({ length: to - from + 1 }, (_, i) => `COALESCE(${stats.value(s, to - i)}, ${zero})`);
      const sum = terms.reduce((acc, t) => `(${acc} + ${t})`, zero);
      const count = stats.count(s, from, to);
      const value = w.name === 'rolling_sum' ? sum : `${sum} / ${asDouble(r, `NULLIF(${count}, 0)`)}`;
      return `CASE WHEN ${reachesBack} OR ${count} = 0 THEN NULL ELSE ${value} END`;
    }
    case 'rolling_min':
    case 'rolling_max': {
      const value = w.name === 'rolling_min' ? stats.min(s, from, to) : stats.max(s, from, to);
      return `CASE WHEN ${reachesBack} THEN NULL ELSE ${value} END`;
    }
    case 'count_if':
      return `CASE WHEN ${reachesBack} THEN NULL ELSE ${asDouble(r, stats.countTrue(s, from, to))} END`;
    case 'spike_ratio': {
      const med = median();
      return `CASE WHEN ${reachesBack} THEN NULL ELSE ${stats.max(s, from, to)} / NULLIF(${med}, ${zero}) END`;
    }
    case 'weeks_above_baseline': {
      const med = median();
      const steps = Array.from(
        { length: w.p1 },
        (_, k) => ` WHEN ${stats.value(s, k)} IS NULL OR NOT (${stats.value(s, k)} > ${med}) THEN ${num(r, k)}`,
      ).join('');
      return `CASE WHEN ${reachesBack} OR ${med} IS NULL THEN NULL${steps} ELSE ${num(r, w.p1)} END`;
    }
    default:
      throw new Error(`${w.name} is not a grid window.`);
  }
}
