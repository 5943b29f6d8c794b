// Random expression trees and random strings: parse, check and evaluate either succeed or fail with
// the typed ExprError worded for a person, and nothing ever reaches Object.prototype. A few
// thousand cases from fixed seeds in `npm test`, 100,000 from a fresh seed in `npm run fuzz`.
import fc from 'fast-check';
import { ExprError } from '#shared/expr/ast';
import { parse } from '#shared/expr/parser';
import { checkExpression } from '#shared/expr/check';
import { evaluate, type ColumnEnv } from '#shared/expr/evaluate';
import { reduceWindow } from '#shared/expr/window';
import { functions } from '#shared/expr/functions';
import { fuzzCases, fuzzSeed } from '../../helpers/fuzz-budget';
import { wordedLikeInternals } from '../../helpers/fuzz-oracle';

const idents = [
  'seats_used',
  'active_users',
  'arr',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'custom.x',
  'valueOf',
];
const known = new Set(['seats_used', 'active_users', 'arr']);
const fnNames = [...Object.keys(functions), '__proto__', 'constructor', 'eval', 'Function', 'require'];

const exprArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...idents),
    fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.double({ noNaN: true }).map(String),
      fc.constantFrom('0', '1e309', 'true', 'null', 'NaN', 'Infinity'),
    ),
    fc
      .tuple(
        tie('expr'),
        fc.constantFrom('+', '-', '*', '/', '<', '>=', '==', '!=', 'and', 'or', '&&', '||'),
        tie('expr'),
      )
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('-', 'not ', '!'), tie('expr')).map(([op, a]) => `${op}${a}`),
    fc
      .tuple(fc.constantFrom(...fnNames), fc.array(tie('expr'), { maxLength: 4 }))
      .map(([f, args]) => `${f}(${args.join(', ')})`),
  ),
})).expr;

const rawArb = fc.string({
  unit: fc.constantFrom(...'()+-*/<>=!&|,. abcdefgnot_proto0123456789eE'.split('')),
  maxLength: 60,
});

function run(source: string): void {
  try {
    const tree = parse(source);
    checkExpression(tree, (name) =>
      known.has(name) ? { type: 'number', level: name === 'arr' ? 'account' : 'period' } : undefined,
    );
    const rows = 6;
    // Two accounts: four weekly rows, and two rows a week apart after a gap (weeks 0–3 as of day 21).
    const layout = {
      accounts: 2,
      offsets: Int32Array.of(0, 4, 6),
      periods: Int32Array.of(0, 1, 2, 3, 1, 3),
      grain: Uint8Array.of(0, 0),
      current: { week: 3, month: 0 },
      asOfDay: 21,
    };
    const series: ColumnEnv = {
      length: rows + 2,
      ident: () => Float64Array.of(1, 0, NaN, 3, -2, 5, 0, NaN),
      window: () => {
        throw new Error('nested');
      },
    };
    const env: ColumnEnv = {
      length: 2,
      ident: () => Float64Array.of(2, NaN),
      window: (call) => reduceWindow(call, evaluate(call.args[0]!, series), layout, { week: 0, month: 0 }),
    };
    evaluate(tree, env);
  } catch (error) {
    if (!(error instanceof ExprError)) throw error;
    if (wordedLikeInternals(error.message) || error.message.trim() === '')
      throw new Error(`"${source}" is refused in internal wording: ${error.message}`);
  }
}

function prototypeSnapshot(): string {
  return (
    JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) +
    JSON.stringify(Object.getOwnPropertyNames(Array.prototype).sort())
  );
}

describe('expression fuzzing', () => {
  it('random trees and strings never throw outside the typed error path nor touch Object.prototype', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(exprArb, (source) => run(source)),
      { numRuns: fuzzCases(7000, 0.7), seed: fuzzSeed(11) },
    );
    fc.assert(
      fc.property(rawArb, (source) => run(source)),
      { numRuns: fuzzCases(3000, 0.3), seed: fuzzSeed(12) },
    );
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
