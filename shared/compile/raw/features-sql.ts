// The whole features relation in SQL over the raw `accounts` and `periods` relations: the frame,
// merged period rows, the grid and row statistics, window values, derived metrics per account (one
// step per level of dependency), and finally `ladder_features` — account_id, segment and one column
// per feature, exactly what `ladder export features` writes — which the scoring steps then read.
import { isCategoryMetric } from '../../engine/features';
import { asDouble, type RawDialect } from './calendar';
import { boolAsNumber, exprSql, storedAsBool, type ExprScope, type TypedSql } from './expr';
import { frameSteps, usesPeriods, type AsOf, type Cte } from './frame-sql';
import { gridStats, gridSteps, gridWindows } from './grid-sql';
import type { RawPlan } from './plan';
import { mergeSteps, rowStatsSteps } from './rows-sql';
import { windowSpans } from './spans';
import { ctxStep, windowSteps } from './windows-sql';

export interface FeatureStepsOptions {
  accounts: string;
  periods: string;
  asOf: AsOf;
}

/** Values per account, as the account-level steps read them. */
function accountScope(plan: RawPlan, r: RawDialect): ExprScope {
  const derivedIndex = new Map(plan.derived.map((id, i) => [id, i] as const));
  return {
    ident(name): TypedSql {
      const d = derivedIndex.get(name);
      if (d !== undefined) {
        const bool = plan.valid.metrics.derived.get(name)!.type === 'bool';
        return bool ? { sql: storedAsBool(r, `d${d}`), bool: true } : { sql: `d${d}`, bool: false };
      }
      const value = plan.accountValues.get(name);
      if (value) return { sql: `a${value.index}`, bool: false };
      const input = plan.inputs.get(name);
      if (input) return { sql: `latest_i${input.index}`, bool: false };
      return { sql: `CAST(NULL AS ${r.d.double})`, bool: false };
    },
    window(call) {
      const w = plan.windowOf.get(call);
      if (!w) throw new Error(`${call.name}() was not planned.`);
      return `w${w.index}`;
    },
  };
}

function derivedSteps(plan: RawPlan, r: RawDialect, from: string): { steps: Cte[]; last: string } {
  const level = new Map<string, number>();
  for (const id of plan.derived) {
    const refs = [...plan.valid.metrics.derived.get(id)!.refs].filter((ref) => level.has(ref));
    level.set(id, 1 + Math.max(0, ...refs.map((ref) => level.get(ref)!)));
  }
  const scope = accountScope(plan, r);
  const steps: Cte[] = [];
  let last = from;
  const depth = Math.max(0, ...level.values());
  for (let l = 1; l <= depth; l++) {
    const columns = plan.derived
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => level.get(id) === l)
      .map(({ id, i }) => {
        const typed = exprSql(plan.valid.metrics.derived.get(id)!.tree, r, scope);
        return `${typed.bool ? boolAsNumber(r, typed.sql) : typed.sql} AS d${i}`;
      });
    const name = `derived_${l}`;
    steps.push({
      name,
      note: `Derived metrics${depth > 1 ? ` (level ${l}: they read only the ones before)` : ''}: ${plan.derived.filter((id) => level.get(id) === l).join(', ')}.`,
      body: `  SELECT\n    ${['*', ...columns].join(',\n    ')}\n  FROM ${last}`,
    });
    last = name;
  }
  return { steps, last };
}

function featureColumn(plan: RawPlan, r: RawDialect, key: string, metric: string): string {
  if (isCategoryMetric(metric)) return metric === 'segment' ? 'segment' : `cat_${metric}`;
  const w = plan.featureWindows.get(key);
  if (w) return `w${w.index}`;
  const typed = accountScope(plan, r).ident(metric);
  return typed.bool ? boolAsNumber(r, typed.sql) : asDouble(r, typed.sql);
}

export const featuresCte = 'ladder_features';

export function featureSteps(plan: RawPlan, r: RawDialect, options: FeatureStepsOptions): Cte[] {
  const steps = frameSteps({ r, plan, ...options });
  let last = 'base';
  if (usesPeriods(plan)) {
    const stats = gridStats(r);
    const hasGrid = gridWindows(plan).length > 0;
    const hasRows = plan.inputs.size > 0 || plan.windows.some((w) => windowSpans[w.name] !== 'grid');
    steps.push(ctxStep(plan, r), ...mergeSteps(plan, r));
    // The window steps name the grid statistics they read, so they are built before the grid itself.
    const windows = windowSteps(plan, r, stats, hasRows, hasGrid);
    steps.push(...gridSteps(plan, r, stats), ...(hasRows ? rowStatsSteps(plan, r) : []), ...windows);
    last = 'windows';
  }
  const derived = derivedSteps(plan, r, last);
  steps.push(...derived.steps);
  const q = r.d.ident;
  const columns = [
    `account_id AS ${q('account_id')}`,
    `segment AS ${q('segment')}`,
    ...plan.features
      .filter((f) => f.key !== 'segment')
      .map((f) => `${featureColumn(plan, r, f.key, f.metric)} AS ${q(f.key)}`),
  ];
  steps.push({
    name: featuresCte,
    note: 'The features relation: account_id, segment, one column per feature (what `ladder export features` writes).',
    body: `  SELECT\n    ${columns.join(',\n    ')}\n  FROM ${derived.last}`,
  });
  return steps;
}
