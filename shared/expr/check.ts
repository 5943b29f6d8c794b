// Type-checks a parsed expression against the metrics it may use, and records what it needs.
// Errors carry the span of the offending characters.
import { ExprError, type Node } from './ast';
import { lookupFunction, type ValueType } from './functions';

/** How an identifier can be used. `period` values exist per period (usable inside window
 * functions, and as "latest value" outside them); `account` values exist once per account. */
export interface IdentifierInfo {
  type: ValueType;
  level: 'account' | 'period';
  /** A derived metric that itself uses a window function: it has one value per account only. */
  windowed?: boolean;
}

export type Resolve = (name: string) => IdentifierInfo | undefined;

export interface CheckedExpr {
  tree: Node;
  type: ValueType;
  /** True when the value can be computed for every period (no window functions anywhere). */
  periodExpressible: boolean;
  usesWindows: boolean;
  /** Every identifier referenced. */
  refs: Set<string>;
}

interface Scope {
  /** Inside a window function's series argument. */
  inSeries: boolean;
}

export function checkExpression(tree: Node, resolve: Resolve): CheckedExpr {
  const refs = new Set<string>();
  let usesWindows = false;
  let periodExpressible = true;

  const expect = (node: Node, want: ValueType, got: ValueType, what: string) => {
    if (want !== got)
      throw new ExprError(
        `${what} needs ${want === 'bool' ? 'a condition (true/false)' : 'a number'}, not ${got === 'bool' ? 'a condition' : 'a number'}.`,
        node,
      );
  };

  const constantInt = (node: Node, name: string, min: number, max: number, fn: string): number => {
    if (node.kind !== 'number' || !Number.isInteger(node.value))
      throw new ExprError(`${fn}(): ${name} must be a whole number written in the expression.`, node);
    if (node.value < min || node.value > max)
      throw new ExprError(`${fn}(): ${name} must be between ${min} and ${max}.`, node);
    return node.value;
  };

  function visit(node: Node, scope: Scope): ValueType {
    switch (node.kind) {
      case 'number':
        return 'number';
      case 'bool':
        return 'bool';
      case 'null':
        return 'number';
      case 'ident': {
        const info = resolve(node.name);
        if (!info) throw new ExprError(`Unknown metric "${node.name}".`, node);
        if (info.windowed) {
          if (scope.inSeries)
            throw new ExprError(`"${node.name}" is computed over a window, so it has no value per period.`, node);
          periodExpressible = false;
        }
        refs.add(node.name);
        return info.type;
      }
      case 'unary': {
        const t = visit(node.operand, scope);
        if (node.op === '-') expect(node.operand, 'number', t, 'Minus');
        else expect(node.operand, 'bool', t, '"not"');
        return node.op === '-' ? 'number' : 'bool';
      }
      case 'binary': {
        const l = visit(node.left, scope);
        const r = visit(node.right, scope);
        switch (node.op) {
          case '+':
          case '-':
          case '*':
          case '/':
            expect(node.left, 'number', l, `"${node.op}"`);
            expect(node.right, 'number', r, `"${node.op}"`);
            if (node.op === '/' && node.right.kind === 'number' && node.right.value === 0)
              throw new ExprError('Division by zero.', node.right);
            return 'number';
          case 'and':
          case 'or':
            expect(node.left, 'bool', l, `"${node.op}"`);
            expect(node.right, 'bool', r, `"${node.op}"`);
            return 'bool';
          case '==':
          case '!=':
            if (l !== r) throw new ExprError(`"${node.op}" compares two values of the same kind.`, node);
            return 'bool';
          default:
            expect(node.left, 'number', l, `"${node.op}"`);
            expect(node.right, 'number', r, `"${node.op}"`);
            return 'bool';
        }
      }
      case 'call': {
        const spec = lookupFunction(node.name);
        if (!spec) throw new ExprError(`Unknown function "${node.name}".`, node);
        if (spec.kind === 'scalar') {
          if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
            const count = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
            throw new ExprError(`${node.name}() takes ${count} arguments.`, node);
          }
          node.args.forEach((arg, i) =>
            expect(
              arg,
              spec.args[Math.min(i, spec.args.length - 1)]!,
              visit(arg, scope),
              `${node.name}() argument ${i + 1}`,
            ),
          );
          return spec.result;
        }
        if (scope.inSeries) throw new ExprError(`${node.name}() cannot be used inside another window function.`, node);
        usesWindows = true;
        periodExpressible = false;
        const [series, ...rest] = node.args;
        const required = spec.params.filter((p) => !p.optional).length;
        if (!series || rest.length < required || rest.length > spec.params.length) {
          const names = ['x', ...spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name))].join(', ');
          throw new ExprError(`${node.name}(${names}) — wrong number of arguments.`, node);
        }
        expect(series, spec.series, visit(series, { inSeries: true }), `${node.name}() first argument`);
        rest.forEach((arg, i) =>
          constantInt(arg, spec.params[i]!.name, spec.params[i]!.min, spec.params[i]!.max, node.name),
        );
        return 'number';
      }
    }
  }

  const type = visit(tree, { inSeries: false });
  return { tree, type, periodExpressible, usesWindows, refs };
}
