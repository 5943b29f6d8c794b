// Every operator against hand-computed values, including SQL's rules for missing values (NaN).
import { evalScalar, N } from './helpers';

const x = [1, 2, 3, N, 0];
const y = [2, 2, 0, 1, N];

const same = (actual: number[], expected: number[]) =>
  expect(actual.map((v) => (Number.isNaN(v) ? 'null' : v))).toEqual(
    expected.map((v) => (Number.isNaN(v) ? 'null' : v)),
  );

describe('scalar operators', () => {
  it('arithmetic propagates missing values; division by zero is missing', () => {
    same(evalScalar('x + y', { x, y }), [3, 4, 3, N, N]);
    same(evalScalar('x - y', { x, y }), [-1, 0, 3, N, N]);
    same(evalScalar('x * y', { x, y }), [2, 4, 0, N, N]);
    same(evalScalar('x / y', { x, y }), [0.5, 1, N, N, N]);
    same(evalScalar('-x', { x }), [-1, -2, -3, N, -0]);
  });

  it('comparisons are 1/0, and missing when either side is missing', () => {
    same(evalScalar('x > y', { x, y }), [0, 0, 1, N, N]);
    same(evalScalar('x >= y', { x, y }), [0, 1, 1, N, N]);
    same(evalScalar('x < y', { x, y }), [1, 0, 0, N, N]);
    same(evalScalar('x <= y', { x, y }), [1, 1, 0, N, N]);
    same(evalScalar('x == y', { x, y }), [0, 1, 0, N, N]);
    same(evalScalar('x != y', { x, y }), [1, 0, 1, N, N]);
  });

  it('and/or/not use three-valued logic', () => {
    const a = [1, 1, 1, 0, 0, 0, N, N, N];
    const b = [1, 0, N, 1, 0, N, 1, 0, N];
    same(evalScalar('a == 1 and b == 1', { a, b }), [1, 0, N, 0, 0, 0, N, 0, N]);
    same(evalScalar('a == 1 or b == 1', { a, b }), [1, 1, 1, 1, 0, N, 1, N, N]);
    same(evalScalar('not (a == 1)', { a }), [0, 0, 0, 1, 1, 1, N, N, N]);
  });

  it('min/max/coalesce skip missing values; abs; if takes the else branch on missing', () => {
    same(evalScalar('min(x, y)', { x, y }), [1, 2, 0, 1, 0]);
    same(evalScalar('max(x, y, 2.5)', { x, y }), [2.5, 2.5, 3, 2.5, 2.5]);
    same(evalScalar('coalesce(x, y, 9)', { x, y }), [1, 2, 3, 1, 0]);
    same(evalScalar('min(x, null)', { x }), [1, 2, 3, N, 0]);
    same(evalScalar('abs(x - y)', { x, y }), [1, 0, 3, N, N]);
    same(evalScalar('if(x > 1, 10, 20)', { x }), [20, 10, 10, 20, 20]);
  });

  it('literals', () => {
    same(evalScalar('true', { x }), [1, 1, 1, 1, 1]);
    same(evalScalar('null', { x }), [N, N, N, N, N]);
    same(evalScalar('1.5e2 + .5', { x }), [150.5, 150.5, 150.5, 150.5, 150.5]);
  });
});
