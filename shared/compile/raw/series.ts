// A window function's series (its first argument) as SQL, in the three places it is evaluated: on a
// grid cell or a period row (inputs from the merged row `m`, account values from `b`), and on a
// period with no row — the account's gap value, where counts are 0 and snapshots missing.
import type { Node } from '../../expr/ast';
import { exprAsNumber, exprSql, storedAsBool, type ExprScope, type TypedSql } from './expr';
import { num, type RawDialect } from './calendar';
import type { RawPlan } from './plan';

export type SeriesPlace = 'row' | 'gap';

export function seriesScope(plan: RawPlan, r: RawDialect, place: SeriesPlace): ExprScope {
  const scope: ExprScope = {
    ident(name): TypedSql {
      const derived = plan.valid.metrics.derived.get(name);
      if (derived) return exprSql(derived.tree, r, scope);
      const input = plan.inputs.get(name);
      if (input) {
        if (place === 'gap')
          return { sql: input.fill === 'zero' ? num(r, 0) : `CAST(NULL AS ${r.d.double})`, bool: false };
        return {
          sql: input.fill === 'zero' ? `COALESCE(m.i${input.index}, ${num(r, 0)})` : `m.i${input.index}`,
          bool: false,
        };
      }
      const value = plan.accountValues.get(name);
      if (value) return { sql: `b.a${value.index}`, bool: false };
      return { sql: `CAST(NULL AS ${r.d.double})`, bool: false };
    },
    window() {
      throw new Error('Window functions cannot be nested.');
    },
  };
  return scope;
}

/** The series as a double (a condition as 1/0/NULL). */
export const seriesSql = (plan: RawPlan, r: RawDialect, node: Node, place: SeriesPlace) =>
  exprAsNumber(node, r, seriesScope(plan, r, place));

/** A stored condition test, for consecutive() and count_if(): the period's value is exactly 1. */
export const isTrue = (r: RawDialect, column: string) => storedAsBool(r, column);
