// The functions an expression may call. Scalar functions work anywhere; window functions turn a
// per-period expression into one value per account, evaluated as of a date.

export type ValueType = 'number' | 'bool';

export interface ScalarFunction {
  kind: 'scalar';
  description: string;
  minArgs: number;
  maxArgs: number;
  /** Argument types; the last one repeats for variadic functions. */
  args: ValueType[];
  result: ValueType;
}

export interface WindowFunction {
  kind: 'window';
  description: string;
  /** The first argument is a per-period expression of this type. */
  series: ValueType;
  /** Constant integer parameters after the series: name, range, and whether it may be omitted. */
  params: { name: 'days' | 'periods' | 'offset'; min: number; max: number; optional?: boolean }[];
}

export type FunctionSpec = ScalarFunction | WindowFunction;

const days = { name: 'days', min: 1, max: 3660 } as const;
const periods = { name: 'periods', min: 1, max: 520 } as const;
const offset = { name: 'offset', min: 0, max: 520, optional: true } as const;

export const functions: Record<string, FunctionSpec> = {
  min: {
    kind: 'scalar',
    description: 'Smallest of the values, ignoring missing ones.',
    minArgs: 2,
    maxArgs: 16,
    args: ['number'],
    result: 'number',
  },
  max: {
    kind: 'scalar',
    description: 'Largest of the values, ignoring missing ones.',
    minArgs: 2,
    maxArgs: 16,
    args: ['number'],
    result: 'number',
  },
  abs: { kind: 'scalar', description: 'Absolute value.', minArgs: 1, maxArgs: 1, args: ['number'], result: 'number' },
  coalesce: {
    kind: 'scalar',
    description: 'The first value that is not missing.',
    minArgs: 2,
    maxArgs: 16,
    args: ['number'],
    result: 'number',
  },
  if: {
    kind: 'scalar',
    description: 'if(condition, a, b): a when the condition holds, otherwise b.',
    minArgs: 3,
    maxArgs: 3,
    args: ['bool', 'number', 'number'],
    result: 'number',
  },

  value_at: {
    kind: 'window',
    description: 'Value of the latest period starting at least N days before the as-of date.',
    series: 'number',
    params: [days],
  },
  delta: {
    kind: 'window',
    description: 'Change since N days before the as-of date (latest minus then).',
    series: 'number',
    params: [days],
  },
  pct_change: {
    kind: 'window',
    description: 'Relative change since N days before (0.25 = +25 %); missing when the old value is 0.',
    series: 'number',
    params: [days],
  },
  annualized_growth: {
    kind: 'window',
    description: 'Growth over the last N days, scaled to a year (0.2 = +20 % a year).',
    series: 'number',
    params: [days],
  },
  rolling_mean: {
    kind: 'window',
    description: 'Mean over the last N periods (optionally ending `offset` periods earlier).',
    series: 'number',
    params: [periods, offset],
  },
  rolling_sum: {
    kind: 'window',
    description: 'Sum over the last N periods (optionally ending `offset` periods earlier).',
    series: 'number',
    params: [periods, offset],
  },
  rolling_min: {
    kind: 'window',
    description: 'Smallest value over the last N periods: "stayed above" checks.',
    series: 'number',
    params: [periods, offset],
  },
  rolling_max: {
    kind: 'window',
    description: 'Largest value over the last N periods: "stayed below" checks.',
    series: 'number',
    params: [periods, offset],
  },
  consecutive: {
    kind: 'window',
    description: 'How many of the latest periods in a row meet the condition.',
    series: 'bool',
    params: [],
  },
  count_if: {
    kind: 'window',
    description: 'How many of the last N periods meet the condition.',
    series: 'bool',
    params: [periods],
  },
  spike_ratio: {
    kind: 'window',
    description: 'Peak over typical: max divided by median over the last N periods.',
    series: 'number',
    params: [periods],
  },
  weeks_above_baseline: {
    kind: 'window',
    description: "Latest periods in a row above the account's own baseline (median of the last N periods).",
    series: 'number',
    params: [periods],
  },
};

export function lookupFunction(name: string): FunctionSpec | undefined {
  return Object.hasOwn(functions, name) ? functions[name] : undefined;
}
