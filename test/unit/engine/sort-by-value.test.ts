// The radix sort behind the threshold index against a comparison sort: same order (ties in input
// order), for values with -0, ±Infinity, subnormals, huge and tiny magnitudes and many ties.
import fc from 'fast-check';
import { sortByValue } from '#shared/engine/sort-by-value';

const valueArb = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.75, 0.8, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.double({ noNaN: true }),
  fc.integer({ min: -3, max: 3 }),
);

describe('sortByValue', () => {
  it('orders accounts by value, -0 before 0, ties in input order', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 300 }), fc.boolean(), (values, subset) => {
        // An offset view, like a column sliced from a larger buffer.
        const buffer = new Float64Array(values.length + 3);
        buffer.set(values, 3);
        const column = buffer.subarray(3);
        const accounts = Int32Array.from(values.flatMap((_, i) => (subset && i % 3 === 1 ? [] : [i]))).reverse();
        // -0 before 0 (they compare equal, so either order suits a binary search; the sort's key puts
        // -0 first), otherwise by value, ties in input order (the sort is stable).
        const key = (v: number) => (Object.is(v, -0) ? [0, 0] : v === 0 ? [0, 1] : [v, 0]);
        const position = new Map(Array.from(accounts, (a, p) => [a, p]));
        const expected = Array.from(accounts).sort((a, b) => {
          const [x, x2] = key(column[a]!);
          const [y, y2] = key(column[b]!);
          return x! < y! ? -1 : x! > y! ? 1 : x2! - y2! || position.get(a)! - position.get(b)!;
        });
        sortByValue(accounts, column);
        expect(Array.from(accounts)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
