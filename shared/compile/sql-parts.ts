// Small pieces of generated SQL shared by the compiler's steps.
import { isCategoryMetric } from '../engine/features';
import { packSegments, type Operator, type Threshold } from '../pack/schema';
import { commentText, doubleLiteral, type Dialect } from './sql-dialect';

/** A condition on a column; NULL (missing) makes it not true, like the engine's NaN. */
export function comparison(d: Dialect, column: string, metric: string, operator: Operator, value: Threshold): string {
  const lit = (v: number | string) =>
    typeof v === 'string' || isCategoryMetric(metric) ? d.string(String(v)) : doubleLiteral(d, v);
  switch (operator) {
    case 'between': {
      const [lo, hi] = value as [number, number];
      return `${column} >= ${lit(lo)} AND ${column} <= ${lit(hi)}`;
    }
    case 'in':
      return `${column} IN (${(value as (number | string)[]).map(lit).join(', ')})`;
    case '==':
      return `${column} = ${lit(value as number | string)}`;
    case '!=':
      return `${column} <> ${lit(value as number | string)}`;
    case '>':
    case '>=':
    case '<':
    case '<=':
      return `${column} ${operator} ${lit(value as number)}`;
  }
}

/** A value that depends on the account's segment: one branch per segment where it differs. */
export function bySegment(d: Dialect, values: readonly string[]): string {
  const base = values[3]!;
  if (values.slice(0, 3).every((v) => v === base)) return base;
  const branches = packSegments
    .map((s, i) => (values[i] === base ? '' : ` WHEN ${d.string(s)} THEN ${values[i]}`))
    .join('');
  return `CASE ${d.ident('segment')}${branches} ELSE ${base} END`;
}

export const bit = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/**
 * A `--` comment. Labels come from the pack, so anything that could end the comment line — line
 * breaks of every kind and other control characters — becomes a space, and Jinja openers are
 * broken apart: a label can never turn into SQL, a client command or a dbt template.
 */
export function comment(text: string, indent = ''): string {
  return `${indent}-- ${commentText(text)}`;
}
