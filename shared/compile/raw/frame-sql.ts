// The first steps of the whole-model SQL: the as-of date and its calendar periods, the period rows
// up to it, what the data knows about time (the first period of any row and of each count's first
// value; the grain of the latest row overall and per account), and one row per account with its
// grain, its current period and its account-level values — the engine's rules in
// electron/backend/features/history.ts, accounts.ts and periods.ts.
import { journeyStageRank } from '../../pack/catalog';
import { asDouble, weekOfDay, type RawDialect } from './calendar';
import type { RawPlan } from './plan';
import { windowSpans } from './spans';

export interface Cte {
  name: string;
  note: string;
  body: string;
}

export type AsOf =
  | { kind: 'date'; iso: string }
  | { kind: 'param' }
  | { kind: 'latest' }
  | { kind: 'expression'; sql: string; note: string };

export interface FrameContext {
  r: RawDialect;
  plan: RawPlan;
  accounts: string;
  periods: string;
  asOf: AsOf;
}

export const categoryColumns = ['tier', 'region', 'industry', 'owner_csm'] as const;

/** Does the model read any period at all (inputs or window functions)? */
export const usesPeriods = (plan: RawPlan) => plan.inputs.size > 0 || plan.windows.length > 0;

/** The window parameters in days (value_at and friends): each gets its period per grain in the clock. */
export function backDays(plan: RawPlan): number[] {
  const days = plan.windows.filter((w) => windowSpans[w.name] === 'point').map((w) => w.p1);
  return [...new Set(days)].sort((a, b) => a - b);
}

function asOfStep(c: FrameContext): Cte {
  const q = c.r.d.ident;
  const { asOf } = c;
  const [sql, note] =
    asOf.kind === 'date'
      ? [c.r.date(asOf.iso), `The as-of date: ${asOf.iso}.`]
      : asOf.kind === 'param'
        ? [c.r.asOfParam.sql, `The as-of date, a parameter: ${c.r.asOfParam.how}.`]
        : asOf.kind === 'expression'
          ? [asOf.sql, `The as-of date: ${asOf.note}.`]
          : [
              `(SELECT MAX(${q('period_start')}) FROM ${c.periods})`,
              'The as-of date: the latest period start in the data (as the engine does when none is given).',
            ];
  return { name: 'ladder_as_of', note, body: `  SELECT ${sql} AS as_of` };
}

function clockStep(c: FrameContext): Cte {
  const { r } = c;
  const day = r.dayNumber('as_of');
  const backs = backDays(c.plan).flatMap((n) => [
    `${weekOfDay(r, `${day} - ${n}`)} AS back${n}_week`,
    `${r.monthNumber(r.daysBefore('as_of', n))} AS back${n}_month`,
  ]);
  const columns = [
    'as_of',
    `${day} AS as_of_day`,
    `${weekOfDay(r, day)} AS cur_week`,
    `${r.monthNumber('as_of')} AS cur_month`,
    ...backs,
  ];
  return {
    name: 'ladder_clock',
    note: 'Calendar periods: weeks from Monday, months from the 1st, numbered so consecutive periods differ by 1.',
    body: `  SELECT\n    ${columns.join(',\n    ')}\n  FROM ladder_as_of`,
  };
}

function periodRowsStep(c: FrameContext): Cte {
  const q = c.r.d.ident;
  const inputs = [...c.plan.inputs.values()].map((i) => `${asDouble(c.r, `p.${q(i.column)}`)} AS i${i.index}`);
  return {
    name: 'period_rows',
    note: 'Period rows starting on or before the as-of date, with the inputs the model reads.',
    body: `  SELECT\n    ${[`p.${q('account_id')} AS account_id`, `p.${q('period_start')} AS period_start`, `p.${q('grain')} AS grain`, ...inputs].join(',\n    ')}\n  FROM ${c.periods} p CROSS JOIN ladder_clock c\n  WHERE p.${q('period_start')} <= c.as_of`,
  };
}

const countInputs = (plan: RawPlan) => [...plan.inputs.values()].filter((i) => i.fill === 'zero');

function historySteps(c: FrameContext): Cte[] {
  const firsts = countInputs(c.plan).map(
    (i) => `MIN(CASE WHEN i${i.index} IS NOT NULL THEN period_start END) AS first_start_i${i.index}`,
  );
  const month = (alias: string) => `MAX(CASE WHEN ${alias}grain = 'month' THEN 1 ELSE 0 END)`;
  return [
    {
      name: 'history',
      note: 'What the data knows about time: its first and latest period, and the first period each count has a value (a count is zero only from then on).',
      body: `  SELECT\n    ${['MIN(period_start) AS first_start', 'MAX(period_start) AS last_start', ...firsts].join(',\n    ')}\n  FROM period_rows`,
    },
    {
      name: 'default_grain',
      note: 'Accounts without period rows take the grain of the latest rows (months if any of them is monthly).',
      body: `  SELECT ${month('r.')} AS is_month\n  FROM period_rows r CROSS JOIN history h\n  WHERE r.period_start = h.last_start`,
    },
    {
      name: 'account_grain',
      note: "Each account's grain: that of its latest row.",
      body: `  SELECT r.account_id, ${month('r.')} AS is_month\n  FROM period_rows r\n  JOIN (SELECT account_id, MAX(period_start) AS last_start FROM period_rows GROUP BY account_id) l\n    ON l.account_id = r.account_id AND l.last_start = r.period_start\n  GROUP BY r.account_id`,
    },
  ];
}

function accountValue(c: FrameContext, source: { base: string } | { custom: string }): string {
  const q = c.r.d.ident;
  const col = (name: string) => `a.${q(name)}`;
  if ('custom' in source) return asDouble(c.r, col(source.custom));
  switch (source.base) {
    case 'journey_stage_rank':
      return asDouble(
        c.r,
        `CASE ${col('journey_stage')}${Object.entries(journeyStageRank)
          .map(([stage, rank]) => ` WHEN ${c.r.d.string(stage)} THEN ${rank}`)
          .join('')} END`,
      );
    case 'days_to_renewal':
      return asDouble(c.r, `${c.r.dayNumber(col('renewal_date'))} - c.as_of_day`);
    case 'contract_age_days':
      return asDouble(c.r, `c.as_of_day - ${c.r.dayNumber(col('contract_start'))}`);
    default:
      return asDouble(c.r, col(source.base));
  }
}

function baseStep(c: FrameContext): Cte {
  const { r, plan } = c;
  const q = r.d.ident;
  const periods = usesPeriods(plan);
  const isMonth = `COALESCE(ag.is_month, g.is_month, 0) = 1`;
  const byGrain = (month: string, week: string) => `CASE WHEN ${isMonth} THEN ${month} ELSE ${week} END`;
  const periodOf = (date: string) => byGrain(r.monthNumber(date), weekOfDay(r, r.dayNumber(date)));
  const columns = [
    `a.${q('account_id')} AS account_id`,
    `NULLIF(a.${q('segment')}, '') AS segment`,
    ...categoryColumns.map((cat) => `NULLIF(a.${q(cat)}, '') AS cat_${cat}`),
    ...[...plan.accountValues.values()].map((v) => `${accountValue(c, v.source)} AS a${v.index}`),
  ];
  if (periods)
    columns.push(
      `CASE WHEN ${isMonth} THEN 1 ELSE 0 END AS is_month`,
      `${byGrain('c.cur_month', 'c.cur_week')} AS cur`,
      `${periodOf('h.first_start')} AS first_any`,
      ...countInputs(plan).map((i) => `${periodOf(`h.first_start_i${i.index}`)} AS first_i${i.index}`),
      ...backDays(plan).map((n) => `${byGrain(`c.back${n}_month`, `c.back${n}_week`)} AS back${n}`),
    );
  const from = periods
    ? `${c.accounts} a CROSS JOIN ladder_clock c CROSS JOIN history h CROSS JOIN default_grain g\n  LEFT JOIN account_grain ag ON ag.account_id = a.${q('account_id')}`
    : `${c.accounts} a CROSS JOIN ladder_clock c`;
  return {
    name: 'base',
    note: 'One row per account: categories, account-level values, and (in its grain) its current period and the first period of each history.',
    body: `  SELECT\n    ${columns.join(',\n    ')}\n  FROM ${from}`,
  };
}

/** The first steps, up to one row per account (`base`). */
export function frameSteps(c: FrameContext): Cte[] {
  const steps = [asOfStep(c), clockStep(c)];
  if (usesPeriods(c.plan)) steps.push(periodRowsStep(c), ...historySteps(c));
  steps.push(baseStep(c));
  return steps;
}

/** The first period of an input's history, per account (snapshots: that of any row). */
export const firstOfInput = (plan: RawPlan, id: string): string => {
  const input = plan.inputs.get(id)!;
  return input.fill === 'zero' ? `first_i${input.index}` : 'first_any';
};
