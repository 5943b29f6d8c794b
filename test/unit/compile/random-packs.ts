// Random rule packs and feature tables for property tests of the compilers: every operator, number
// and category metrics, segment overrides, switched-off parts, category shares and caps, assign and
// cap gates passing or failing on missing values, demote and exclude filters, a gate-only stage,
// awkward doubles (subnormals, -0, values one bit off a threshold) and values exactly on thresholds.
import fc from 'fast-check';
import type { FeatureTable } from '#shared/engine/features';
import type { RulePackInput } from '#shared/pack/schema';

export const numberMetrics = ['health_score', 'nps', 'employees', 'seats_licensed'] as const;
const tiers = ['Starter', 'Pro', 'Enterprise plan'];
const segments = ['SMB', 'Mid-Market', 'Enterprise', null, 'Unknown'];

/**
 * The generators. With `subnormals`, values and weights include doubles so close to 0 that
 * dividing by them overflows and multiplying them underflows — the engine, SQLite, JavaScript and
 * DuckDB follow IEEE 754 (±Infinity, 0), PostgreSQL raises an error instead.
 */
export function randomArbitraries(options: { subnormals: boolean }) {
  /** Thresholds and values come from one pool, so values often sit exactly on a threshold. */
  const tiny = [1e-300, 5e-324];
  const pool = [
    0,
    1,
    2,
    3,
    5,
    8,
    -1,
    2.5,
    0.1,
    0.30000000000000004,
    0.009579580149408073,
    123456.789,
    ...(options.subnormals ? tiny : []),
  ];
  // Without subnormals: values so close to 0 that a division underflows (PostgreSQL raises an error) become 0.
  const settle = (x: number) => (options.subnormals || Math.abs(x) >= 1e-200 ? x : 0);
  const poolValue = fc.oneof(
    fc.constantFrom(...pool),
    fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }).map(settle),
  );
  const weightArb = fc.oneof(
    fc.integer({ min: -3, max: 9 }),
    // A pack's weights are 0 or at least a millionth in size (shared/pack/schema.ts).
    fc.double({ min: -5, max: 10, noNaN: true, noDefaultInfinity: true }).map((w) => (Math.abs(w) < 1e-6 ? 0 : w)),
    fc.constantFrom(0.1, 0.2, 0.7, 1 / 3),
  );

  const numberThreshold = (op: string): fc.Arbitrary<unknown> =>
    op === 'between'
      ? fc.tuple(poolValue, poolValue).map(([a, b]) => [Math.min(a, b), Math.max(a, b)])
      : op === 'in'
        ? fc.uniqueArray(poolValue, { minLength: 1, maxLength: 3, comparator: 'SameValueZero' })
        : poolValue;

  const numberCondition = fc.constantFrom('>', '>=', '<', '<=', '==', '!=', 'between', 'in').chain((operator) =>
    fc.record({
      metric: fc.constantFrom(...numberMetrics),
      operator: fc.constant(operator),
      value: numberThreshold(operator),
    }),
  );
  const categoryCondition = fc.oneof(
    fc.record({ metric: fc.constant('tier'), operator: fc.constantFrom('==', '!='), value: fc.constantFrom(...tiers) }),
    fc.record({
      metric: fc.constant('tier'),
      operator: fc.constant('in'),
      value: fc.uniqueArray(fc.constantFrom(...tiers), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({
      metric: fc.constant('segment'),
      operator: fc.constantFrom('==', '!='),
      value: fc.constantFrom('SMB', 'Enterprise'),
    }),
  );
  const clause = fc.oneof({ weight: 4, arbitrary: numberCondition }, { weight: 1, arbitrary: categoryCondition });

  const signalArb = (i: number) =>
    clause.chain((c) =>
      fc.record({
        id: fc.constant(`s${i}`),
        label: fc.constant(`Signal ${i}`),
        category: fc.constantFrom('usage', 'growth', 'timing'),
        metric: fc.constant(c.metric),
        operator: fc.constant(c.operator),
        threshold: fc.constant(c.value),
        weight: weightArb,
        urgency: fc.constant('medium'),
        approach: fc.constant('seat_expansion'),
        enabled: fc.boolean(),
        segmentOverrides:
          c.metric === 'tier' || c.metric === 'segment'
            ? fc.constant(undefined)
            : fc.option(
                fc.record(
                  {
                    SMB: fc.record({ threshold: numberThreshold(c.operator), weight: weightArb }),
                    Enterprise: fc.record({ weight: weightArb }),
                  },
                  { requiredKeys: [] },
                ),
                { nil: undefined },
              ),
      }),
    );

  const packArb = fc
    .integer({ min: 1, max: 7 })
    .chain((count) =>
      fc.record({
        signals: fc.tuple(...Array.from({ length: count }, (_, i) => signalArb(i))),
        emerging: fc.integer({ min: 0, max: 6 }),
        gap: fc.integer({ min: 0, max: 6 }),
        scoring: fc.constantFrom('plain', 'shares', 'caps', 'both'),
        cap: fc.constantFrom(1, 2.5, 4),
        gates: fc.array(
          fc.record({
            condition: clause,
            action: fc.constantFrom('assign', 'cap'),
            stage: fc.constantFrom('gate_only', 'low', 'mid'),
            whenMissing: fc.constantFrom('pass', 'fail'),
            enabled: fc.boolean(),
          }),
          { maxLength: 2 },
        ),
        filters: fc.array(
          fc.record({
            conditions: fc.array(clause, { minLength: 1, maxLength: 3 }),
            match: fc.constantFrom('all', 'any'),
            action: fc.constantFrom('demote', 'exclude'),
            appliesFrom: fc.constantFrom('low', 'mid', 'top'),
            enabled: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
      }),
    )
    .map((p): RulePackInput => {
      const used = [...new Set(p.signals.map((s) => s.category))];
      const shares = Object.fromEntries(used.map((c, i) => [c, i === 0 ? 1 - (used.length - 1) * 0.25 : 0.25]));
      const caps = Object.fromEntries(used.map((c) => [c, p.cap]));
      return {
        schemaVersion: 1,
        name: 'random',
        signals: p.signals as never,
        scoring: {
          ...(p.scoring === 'shares' || p.scoring === 'both' ? { categoryWeights: shares } : {}),
          ...(p.scoring === 'caps' || p.scoring === 'both' ? { categoryCaps: caps } : {}),
        },
        ladder: {
          stages: [
            { id: 'gate_only', label: 'Gate only', gateOnly: true },
            { id: 'low', label: 'Low' },
            { id: 'mid', label: 'Mid', minScore: p.emerging, minSignals: 1 },
            { id: 'top', label: 'Top', minScore: p.emerging + p.gap, minSignals: 2 },
          ],
          gates: p.gates.map((g, i) => ({
            id: `g${i}`,
            label: `G${i}`,
            enabled: g.enabled,
            condition: g.condition as never,
            whenMissing: g.whenMissing,
            onFail: { action: g.action, stage: g.stage },
          })),
        },
        filters: p.filters.map((f, i) => ({
          id: `f${i}`,
          label: `F${i}`,
          kind: 'custom',
          action: f.action,
          enabled: f.enabled,
          match: f.match,
          appliesFrom: f.appliesFrom,
          conditions: f.conditions as never,
        })),
      };
    });

  const featuresArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.record({
      segment: fc.array(fc.constantFrom(...segments), { minLength: n, maxLength: n }),
      tier: fc.array(fc.constantFrom(...tiers, null), { minLength: n, maxLength: n }),
      columns: fc.record(
        Object.fromEntries(
          numberMetrics.map((m) => [
            m,
            fc.array(fc.oneof(poolValue, fc.constant(NaN)), { minLength: n, maxLength: n }),
          ]),
        ) as Record<(typeof numberMetrics)[number], fc.Arbitrary<number[]>>,
      ),
      // ARR, which the default whitespace reads with employees and seats_licensed: ordinary amounts,
      // so a product with the tiny values above never underflows (PostgreSQL would raise an error).
      arr: fc.array(fc.oneof(fc.constantFrom(0, 1, 250, 1200.5, 99000), fc.constant(NaN)), {
        minLength: n,
        maxLength: n,
      }),
    }),
  );
  return { packArb, featuresArb };
}

export const { packArb, featuresArb } = randomArbitraries({ subnormals: true });

const segmentCodes: Record<string, number> = { SMB: 0, 'Mid-Market': 1, Enterprise: 2 };

export function toTable(f: {
  segment: (string | null)[];
  tier: (string | null)[];
  columns: Record<string, number[]>;
  arr?: number[];
}): FeatureTable {
  const encode = (values: (string | null)[]) => {
    const dictionary = [...new Set(values.filter((v): v is string => v !== null))];
    return { dictionary, codes: Int32Array.from(values, (v) => (v === null ? -1 : dictionary.indexOf(v))) };
  };
  return {
    accounts: f.segment.length,
    accountIds: f.segment.map((_, i) => `A${i}`),
    arr: f.arr ? Float64Array.from(f.arr) : new Float64Array(f.segment.length),
    segment: Uint8Array.from(f.segment, (s) => (s !== null && Object.hasOwn(segmentCodes, s) ? segmentCodes[s]! : 3)),
    columns: new Map([
      ...Object.entries(f.columns).map(([k, v]) => [k, Float64Array.from(v)] as const),
      ...(f.arr ? [['arr', Float64Array.from(f.arr)] as const] : []),
    ]),
    categories: new Map([
      ['tier', encode(f.tier)],
      ['segment', encode(f.segment)],
    ]),
  };
}
