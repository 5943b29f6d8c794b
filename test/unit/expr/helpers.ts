// Evaluating expressions over small hand-made data, for tests.
import { parse } from '#shared/expr/parser';
import { checkExpression, type IdentifierInfo } from '#shared/expr/check';
import { evaluate, type ColumnEnv } from '#shared/expr/evaluate';
import { reduceWindow, type PeriodLayout } from '#shared/expr/window';
import { isoToDay } from '#shared/dates';
import { periodOfDay } from '#shared/periods/calendar';

export const N = NaN;

/** Scalar evaluation: each identifier is a column of per-account values. */
export function evalScalar(source: string, columns: Record<string, number[]>): number[] {
  const length = Object.values(columns)[0]?.length ?? 1;
  const tree = parse(source);
  checkExpression(tree, (name): IdentifierInfo | undefined =>
    name in columns ? { type: 'number', level: 'account' } : undefined,
  );
  const env: ColumnEnv = {
    length,
    ident: (name) => Float64Array.from(columns[name]!),
    window: () => {
      throw new Error('no windows here');
    },
  };
  return Array.from(evaluate(tree, env));
}

/**
 * Window evaluation over one account's weekly series ending with the week of `asOf`, a row for every
 * week (the history starts with the first value).
 */
export function evalWindow(source: string, series: Record<string, number[]>, asOf = '2026-03-30'): number {
  const rows = Object.values(series)[0]!.length;
  const current = periodOfDay('week', isoToDay(asOf));
  const layout: PeriodLayout = {
    accounts: 1,
    offsets: Int32Array.from([0, rows]),
    periods: Int32Array.from({ length: rows }, (_, r) => current - (rows - 1 - r)),
    grain: Uint8Array.of(0),
    current: { week: current, month: periodOfDay('month', isoToDay(asOf)) },
    asOfDay: isoToDay(asOf),
  };
  const history = { week: current - rows + 1, month: -Infinity };
  const tree = parse(source);
  checkExpression(tree, (name) => (name in series ? { type: 'number', level: 'period' } : undefined));
  const seriesEnv: ColumnEnv = {
    length: rows + 1,
    ident: (name) => Float64Array.from([...series[name]!, NaN]),
    window: () => {
      throw new Error('nested');
    },
  };
  const env: ColumnEnv = {
    length: 1,
    ident: (name) => Float64Array.of(series[name]![rows - 1]!),
    window: (call) => reduceWindow(call, evaluate(call.args[0]!, seriesEnv), layout, history),
  };
  return evaluate(tree, env)[0]!;
}
