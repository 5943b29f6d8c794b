// A metric expression as SQL with the engine's semantics (shared/expr/evaluate.ts): numbers are
// doubles and NULL is missing; conditions are SQL booleans, whose three-valued AND/OR/NOT are the
// engine's; x / 0 is NULL; min/max/coalesce skip NULLs; if() takes the else branch when its
// condition is missing. Values stored in columns are doubles (conditions as 1/0/NULL).
import type { Node } from '../../expr/ast';
import { num, type RawDialect } from './calendar';

export interface TypedSql {
  sql: string;
  bool: boolean;
}

export interface ExprScope {
  /** An identifier's value: a double, or a SQL boolean for a condition (see storedAsBool). */
  ident(name: string): TypedSql;
  /** A window function call: SQL for its per-account double. */
  window(call: Extract<Node, { kind: 'call' }>): string;
}

const comparisons = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '<>' } as const;

/** A stored condition (1/0/NULL) as a SQL boolean. */
export const storedAsBool = (r: RawDialect, sql: string) => `(${sql} = ${num(r, 1)})`;

/** A SQL boolean as 1/0/NULL (the expression appears once, so nothing is evaluated twice). */
export const boolAsNumber = (r: RawDialect, sql: string) =>
  `CASE ${sql} WHEN TRUE THEN ${num(r, 1)} WHEN FALSE THEN ${num(r, 0)} END`;

/** min/max over values, skipping NULLs: every argument falls back to the first non-NULL one. */
function skipNulls(r: RawDialect, name: 'min' | 'max', args: string[]): string {
  const any = `COALESCE(${args.join(', ')})`;
  const parts = args.map((a) => `COALESCE(${a}, ${any})`);
  return name === 'min' ? r.least(...parts) : r.greatest(...parts);
}

export function exprSql(node: Node, r: RawDialect, scope: ExprScope): TypedSql {
  const number = (n: Node) => exprSql(n, r, scope).sql;
  switch (node.kind) {
    case 'number':
      return { sql: num(r, node.value), bool: false };
    case 'bool':
      return { sql: node.value ? 'TRUE' : 'FALSE', bool: true };
    case 'null':
      return { sql: `CAST(NULL AS ${r.d.double})`, bool: false };
    case 'ident':
      return scope.ident(node.name);
    case 'unary':
      return node.op === '-'
        ? { sql: `(-(${number(node.operand)}))`, bool: false }
        : { sql: `(NOT ${number(node.operand)})`, bool: true };
    case 'binary': {
      const l = number(node.left);
      const right = number(node.right);
      switch (node.op) {
        case '+':
        case '-':
        case '*':
          return { sql: `(${l} ${node.op} ${right})`, bool: false };
        case '/':
          return { sql: `(${l} / NULLIF(${right}, ${num(r, 0)}))`, bool: false };
        case 'and':
        case 'or':
          return { sql: `(${l} ${node.op.toUpperCase()} ${right})`, bool: true };
        default:
          return { sql: `(${l} ${comparisons[node.op]} ${right})`, bool: true };
      }
    }
    case 'call': {
      const args = node.args.map(number);
      switch (node.name) {
        case 'abs':
          return { sql: `ABS(${args[0]})`, bool: false };
        case 'min':
        case 'max':
          return { sql: skipNulls(r, node.name, args), bool: false };
        case 'coalesce':
          return { sql: `COALESCE(${args.join(', ')})`, bool: false };
        case 'if':
          return { sql: `CASE WHEN ${args[0]} THEN ${args[1]} ELSE ${args[2]} END`, bool: false };
        default:
          return { sql: scope.window(node), bool: false };
      }
    }
  }
}

/** The expression's value as a double (conditions as 1/0/NULL). */
export function exprAsNumber(node: Node, r: RawDialect, scope: ExprScope): string {
  const typed = exprSql(node, r, scope);
  return typed.bool ? boolAsNumber(r, typed.sql) : typed.sql;
}
