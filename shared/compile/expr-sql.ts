// An account-level expression (no window functions) as a SQL expression over the features
// relation, with the engine's missing-value rules: NULL stands for missing, arithmetic and
// comparisons with NULL are NULL, and/or/not are SQL's three-valued logic (the engine's), x / 0 is
// NULL, min/max/coalesce skip NULLs (every engine's LEAST/GREATEST is made to, by coalescing its
// arguments first), and if() takes the else branch when its condition is missing.
import type { Node } from '../expr/ast';
import { doubleLiteral, type Dialect } from './sql-dialect';

export interface SqlExprContext {
  dialect: Dialect;
  /** SQL for an identifier (a feature column); bool-typed ones are compared with 1. */
  ident(name: string): string;
  isBool(name: string): boolean;
}

const comparisons = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '<>' } as const;

/** min/max over values skipping NULLs: LEAST(COALESCE(a, all…), COALESCE(b, all…), …). */
function skipNulls(d: Dialect, name: 'min' | 'max', args: string[]): string {
  const any = `COALESCE(${args.join(', ')})`;
  const parts = args.map((a) => `COALESCE(${a}, ${any})`);
  return name === 'min' ? d.least(...parts) : d.greatest(...parts);
}

export function exprSql(node: Node, ctx: SqlExprContext): string {
  const d = ctx.dialect;
  const sql = (n: Node) => exprSql(n, ctx);
  switch (node.kind) {
    case 'number':
      return doubleLiteral(d, node.value);
    case 'bool':
      return node.value ? 'TRUE' : 'FALSE';
    case 'null':
      return `CAST(NULL AS ${d.double})`;
    case 'ident':
      return ctx.isBool(node.name) ? `(${ctx.ident(node.name)} = ${doubleLiteral(d, 1)})` : ctx.ident(node.name);
    case 'unary':
      return node.op === '-' ? `(-${sql(node.operand)})` : `(NOT ${sql(node.operand)})`;
    case 'binary': {
      const l = sql(node.left);
      const r = sql(node.right);
      switch (node.op) {
        case '+':
        case '-':
        case '*':
          return `(${l} ${node.op} ${r})`;
        case '/':
          return `(${l} / NULLIF(${r}, ${doubleLiteral(d, 0)}))`;
        case 'and':
          return `(${l} AND ${r})`;
        case 'or':
          return `(${l} OR ${r})`;
        default:
          return `(${l} ${comparisons[node.op]} ${r})`;
      }
    }
    case 'call': {
      const args = node.args.map(sql);
      switch (node.name) {
        case 'abs':
          return `ABS(${args[0]})`;
        case 'min':
        case 'max':
          return skipNulls(d, node.name, args);
        case 'coalesce':
          return `COALESCE(${args.join(', ')})`;
        case 'if':
          return `(CASE WHEN ${args[0]} THEN ${args[1]} ELSE ${args[2]} END)`;
        default:
          throw new Error(`${node.name}() is a window function; it cannot be compiled over the features relation.`);
      }
    }
  }
}
