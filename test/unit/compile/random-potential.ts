// Random whitespace definitions for property tests of the expression compilers: nested arithmetic,
// min/max/coalesce/abs/if, comparisons, and/or/not, a 0/1 metric, null, division (by zero too),
// per-segment overrides and `potential_seats` inside the ARR expression — over accounts with
// missing values. Magnitudes stay where every engine computes plain IEEE doubles (no overflow, no
// underflow: PostgreSQL raises errors there, see README).
import fc from 'fast-check';
import type { FeatureTable } from '#shared/engine/features';
import type { RulePackInput } from '#shared/pack/schema';
import { segmentCode } from '#shared/engine/features';

const numbers = ['employees', 'seats_licensed', 'arr', 'nps', 'health_score'] as const;
const literals = ['0', '1', '2', '0.5', '0.35', '10', '100', '1.1', '3', 'null'];
const values = [0, 1, 2, 3, 5, 10, 12, 40, 0.5, 0.25, 99.5, 250, 1200, -4, -20];

function numberExpr(depth: number, seats: boolean): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...numbers, ...(seats ? ['potential_seats'] : [])) },
    { weight: 2, arbitrary: fc.constantFrom(...literals) },
  );
  if (depth === 0) return leaf;
  const sub = numberExpr(depth - 1, seats);
  const cond = condition(depth - 1, seats);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    {
      weight: 4,
      // Division by a written-out zero (`0`, `-0`, `--0`: folded to 0) is refused by the checker; by a zero value it
      // is missing.
      arbitrary: fc
        .tuple(sub, fc.constantFrom('+', '-', '*', '/'), sub)
        .map(([a, op, b]) => `(${a} ${op} ${op === '/' && /^-*0$/.test(b) ? 'seats_licensed' : b})`),
    },
    { weight: 1, arbitrary: sub.map((a) => `-${a}`) },
    { weight: 1, arbitrary: sub.map((a) => `abs(${a})`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('min', 'max', 'coalesce'), fc.array(sub, { minLength: 2, maxLength: 3 }))
        .map(([f, args]) => `${f}(${args.join(', ')})`),
    },
    { weight: 2, arbitrary: fc.tuple(cond, sub, sub).map(([c, a, b]) => `if(${c}, ${a}, ${b})`) },
  );
}

function condition(depth: number, seats: boolean): fc.Arbitrary<string> {
  const compare = fc
    .tuple(numberExpr(0, seats), fc.constantFrom('>', '>=', '<', '<=', '==', '!='), numberExpr(0, seats))
    .map(([a, op, b]) => `${a} ${op} ${b}`);
  const leaf = fc.oneof(compare, fc.constantFrom('economic_buyer_known', 'true', 'false'));
  if (depth === 0) return leaf;
  const sub = condition(depth - 1, seats);
  return fc.oneof(
    leaf,
    fc.tuple(sub, fc.constantFrom('and', 'or'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    sub.map((c) => `not (${c})`),
  );
}

export const potentialArb = fc.record(
  {
    seats: numberExpr(3, false),
    arr: numberExpr(3, true),
    segmentOverrides: fc.record(
      { SMB: fc.record({ seats: numberExpr(2, false) }), Enterprise: fc.record({ arr: numberExpr(2, true) }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['seats', 'arr'] },
);

/** A one-signal pack around the potential (the signal reads a metric the potential may not). */
export const potentialPack = (potential: RulePackInput['potential']): RulePackInput => ({
  schemaVersion: 1,
  name: 'random potential',
  signals: [
    {
      id: 'healthy',
      label: 'Healthy',
      category: 'sentiment',
      metric: 'health_score',
      operator: '>=',
      threshold: 50,
      weight: 1,
      urgency: 'low',
      approach: 'seat_expansion',
    },
  ],
  ladder: {
    stages: [
      { id: 'low', label: 'Low' },
      { id: 'high', label: 'High', minScore: 1, minSignals: 1 },
    ],
  },
  potential,
});

const segments = ['SMB', 'Mid-Market', 'Enterprise', null];

export const accountsArb = fc.integer({ min: 1, max: 30 }).chain((n) => {
  const column = (pool: number[]) =>
    fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
      minLength: n,
      maxLength: n,
    });
  return fc.record({
    segment: fc.array(fc.constantFrom(...segments), { minLength: n, maxLength: n }),
    columns: fc.record({
      ...Object.fromEntries(numbers.map((m) => [m, column(values)])),
      economic_buyer_known: column([0, 1]),
    }),
  });
});

export function accountsTable(f: { segment: (string | null)[]; columns: Record<string, number[]> }): FeatureTable {
  const dictionary = [...new Set(f.segment.filter((s): s is string => s !== null))];
  return {
    accounts: f.segment.length,
    accountIds: f.segment.map((_, i) => `P${i}`),
    arr: Float64Array.from(f.columns.arr!),
    segment: Uint8Array.from(f.segment, segmentCode),
    columns: new Map(Object.entries(f.columns).map(([k, v]) => [k, Float64Array.from(v)])),
    categories: new Map([
      ['segment', { dictionary, codes: Int32Array.from(f.segment, (s) => (s === null ? -1 : dictionary.indexOf(s))) }],
    ]),
  };
}
