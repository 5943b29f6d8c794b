// An account-level expression as JavaScript source for the exported module: values are numbers,
// NaN is missing, conditions are 1 / 0 / NaN — exactly the engine's representation — and the
// operators call the module's small runtime (exprRuntime), a copy of shared/expr/evaluate.ts for
// one value at a time. Identifiers become property reads; nothing is evaluated as code.
import type { Node } from '../expr/ast';

const numberLit = (v: number) => (Object.is(v, -0) ? '0' : String(v));

export function exprJs(node: Node, ident: (name: string) => string): string {
  const js = (n: Node) => exprJs(n, ident);
  switch (node.kind) {
    case 'number':
      return numberLit(node.value);
    case 'bool':
      return node.value ? '1' : '0';
    case 'null':
      return 'NaN';
    case 'ident':
      return ident(node.name);
    case 'unary':
      return node.op === '-' ? `(-(${js(node.operand)}))` : `not3(${js(node.operand)})`;
    case 'binary': {
      const l = js(node.left);
      const r = js(node.right);
      switch (node.op) {
        case '+':
        case '-':
        case '*':
          return `(${l} ${node.op} ${r})`;
        case '/':
          return `div(${l}, ${r})`;
        case 'and':
          return `and3(${l}, ${r})`;
        case 'or':
          return `or3(${l}, ${r})`;
        default:
          return `cmp(${JSON.stringify(node.op)}, ${l}, ${r})`;
      }
    }
    case 'call': {
      const args = node.args.map(js);
      switch (node.name) {
        case 'abs':
          return `Math.abs(${args[0]})`;
        case 'min':
        case 'max':
        case 'coalesce':
          return `pick(${JSON.stringify(node.name)}, [${args.join(', ')}])`;
        case 'if':
          return `(${args[0]} === 1 ? ${args[1]} : ${args[2]})`;
        default:
          throw new Error(`${node.name}() is a window function; it cannot be compiled over the features relation.`);
      }
    }
  }
}

/** The runtime the compiled expressions call (source text, included once in the module). */
export const exprRuntime = `const div = (x, y) => (y === 0 ? NaN : x / y);
function cmp(op, x, y) {
  if (x !== x || y !== y) return NaN;
  switch (op) {
    case '<': return x < y ? 1 : 0;
    case '<=': return x <= y ? 1 : 0;
    case '>': return x > y ? 1 : 0;
    case '>=': return x >= y ? 1 : 0;
    case '==': return x === y ? 1 : 0;
    default: return x !== y ? 1 : 0;
  }
}
const and3 = (x, y) => (x === 0 || y === 0 ? 0 : x !== x || y !== y ? NaN : 1);
const or3 = (x, y) => (x === 1 || y === 1 ? 1 : x !== x || y !== y ? NaN : 0);
const not3 = (x) => (x !== x ? NaN : 1 - x);
function pick(name, values) {
  let result = NaN;
  for (const v of values) {
    if (v !== v) continue;
    if (name === 'coalesce') return v;
    if (result !== result || (name === 'min' ? v < result : v > result)) result = v;
  }
  return result;
}`;
