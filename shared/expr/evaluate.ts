// Column-wise interpreter: evaluates a checked tree over Float64Array columns, one element per
// account (or per period row inside window functions). Missing values are NaN and follow SQL's
// rules, so exported SQL gives the same answers: arithmetic and comparisons with a missing value
// are missing, and/or use three-valued logic, x / 0 is missing, min/max/coalesce skip missing.
import type { Node } from './ast';
import { isSet } from '../missing';

export interface ColumnEnv {
  length: number;
  /** The column for an identifier (already resolved and checked). */
  ident(name: string): Float64Array;
  /** The per-account result of a window function call. */
  window(call: Extract<Node, { kind: 'call' }>): Float64Array;
}

const map1 = (a: Float64Array, f: (x: number) => number) => {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!);
  return out;
};

function constant(length: number, value: number): Float64Array {
  return new Float64Array(length).fill(value);
}

function arithmetic(op: '+' | '-' | '*' | '/', a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  switch (op) {
    case '+':
      for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
      break;
    case '-':
      for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
      break;
    case '*':
      for (let i = 0; i < a.length; i++) out[i] = a[i]! * b[i]!;
      break;
    case '/':
      for (let i = 0; i < a.length; i++) out[i] = b[i] === 0 ? NaN : a[i]! / b[i]!;
      break;
  }
  return out;
}

function compare(op: '<' | '<=' | '>' | '>=' | '==' | '!=', a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!isSet(x) || !isSet(y)) {
      out[i] = NaN;
      continue;
    }
    switch (op) {
      case '<':
        out[i] = x < y ? 1 : 0;
        break;
      case '<=':
        out[i] = x <= y ? 1 : 0;
        break;
      case '>':
        out[i] = x > y ? 1 : 0;
        break;
      case '>=':
        out[i] = x >= y ? 1 : 0;
        break;
      case '==':
        out[i] = x === y ? 1 : 0;
        break;
      case '!=':
        out[i] = x !== y ? 1 : 0;
        break;
    }
  }
  return out;
}

function logical(op: 'and' | 'or', a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  const dominant = op === 'and' ? 0 : 1; // false decides "and", true decides "or"
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === dominant || y === dominant) out[i] = dominant;
    else if (!isSet(x) || !isSet(y)) out[i] = NaN;
    else out[i] = 1 - dominant;
  }
  return out;
}

function variadic(name: 'min' | 'max' | 'coalesce', args: Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let result = NaN;
    for (const column of args) {
      const v = column[i]!;
      if (!isSet(v)) continue;
      if (name === 'coalesce') {
        result = v;
        break;
      }
      if (!isSet(result) || (name === 'min' ? v < result : v > result)) result = v;
    }
    out[i] = result;
  }
  return out;
}

export function evaluate(node: Node, env: ColumnEnv): Float64Array {
  switch (node.kind) {
    case 'number':
      return constant(env.length, node.value);
    case 'bool':
      return constant(env.length, node.value ? 1 : 0);
    case 'null':
      return constant(env.length, NaN);
    case 'ident':
      return env.ident(node.name);
    case 'unary': {
      const v = evaluate(node.operand, env);
      return node.op === '-' ? map1(v, (x) => -x) : map1(v, (x) => (!isSet(x) ? NaN : 1 - x));
    }
    case 'binary': {
      const a = evaluate(node.left, env);
      const b = evaluate(node.right, env);
      switch (node.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return arithmetic(node.op, a, b);
        case 'and':
        case 'or':
          return logical(node.op, a, b);
        default:
          return compare(node.op, a, b);
      }
    }
    case 'call': {
      switch (node.name) {
        case 'abs':
          return map1(evaluate(node.args[0]!, env), Math.abs);
        case 'min':
        case 'max':
        case 'coalesce':
          return variadic(
            node.name,
            node.args.map((a) => evaluate(a, env)),
            env.length,
          );
        case 'if': {
          const [c, a, b] = node.args.map((arg) => evaluate(arg, env)) as [Float64Array, Float64Array, Float64Array];
          const out = new Float64Array(env.length);
          for (let i = 0; i < env.length; i++) out[i] = c[i] === 1 ? a[i]! : b[i]!;
          return out;
        }
        default:
          return env.window(node);
      }
    }
  }
}
