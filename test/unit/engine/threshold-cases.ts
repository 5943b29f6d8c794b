// Random accounts, packs and sequences of threshold edits for the threshold-index properties (engine
// and live validation). Values sit exactly on the thresholds, include NaN, -0 and ±Infinity, and
// segment overrides come and go, so every boundary of the sorted-index search is exercised.
import fc from 'fast-check';
import type { FeatureTable } from '#shared/engine/features';
import type { RulePackInput } from '#shared/pack/schema';

export const metrics = ['health_score', 'nps', 'employees'] as const;
const segments = ['SMB', 'Mid-Market', 'Enterprise'] as const;
export const thresholds = [-1, -0, 0, 0.5, 1, 2, 2.5, 3, 5] as const;
const values = [...thresholds, NaN, NaN, Infinity, -Infinity, 4];
const monotone = ['>', '>=', '<', '<='] as const;

/** Accounts with the three metrics, and the rolling columns a 3-period sustained active-users signal reads. */
export const featuresArb = fc.integer({ min: 1, max: 70 }).chain((n) => {
  const column = fc.array(fc.constantFrom(...values), { minLength: n, maxLength: n });
  return fc.record({
    segment: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    arr: fc.array(
      fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
      { minLength: n, maxLength: n },
    ),
    columns: fc.record({
      health_score: column,
      nps: column,
      employees: column,
      active_users__min3: column,
      active_users__max3: column,
    }),
    labels: fc.array(fc.constantFrom(1, 0, 0, -1), { minLength: n, maxLength: n }),
    heldOut: fc.array(fc.constantFrom(0, 1, 1), { minLength: n, maxLength: n }),
  });
});

export type Accounts = typeof featuresArb extends fc.Arbitrary<infer T> ? T : never;

export function tableOf(f: Accounts): FeatureTable {
  return {
    accounts: f.segment.length,
    accountIds: f.segment.map((_, i) => `A${i}`),
    arr: Float64Array.from(f.arr),
    segment: Uint8Array.from(f.segment),
    columns: new Map(Object.entries(f.columns).map(([k, v]) => [k, Float64Array.from(v)])),
    categories: new Map(),
  };
}

const overridesArb = fc.dictionary(
  fc.constantFrom(...segments),
  fc.record(
    { threshold: fc.constantFrom(...thresholds), weight: fc.integer({ min: 0, max: 6 }) },
    { requiredKeys: [] },
  ),
  { maxKeys: 3 },
);

const signalArb = fc.record({
  metric: fc.constantFrom(...metrics),
  // Mostly monotone operators (the indexed path), sometimes `==` (rescanned), to mix both in one edit.
  operator: fc.constantFrom(...monotone, ...monotone, '=='),
  threshold: fc.constantFrom(...thresholds),
  sustained: fc.boolean(),
  weight: fc.integer({ min: 0, max: 6 }),
  overrides: fc.option(overridesArb, { nil: undefined }),
});

export const packArb = fc.record({
  signals: fc.array(signalArb, { minLength: 1, maxLength: 5 }),
  emerging: fc.integer({ min: 1, max: 5 }),
  ready: fc.integer({ min: 1, max: 6 }),
  gate: fc.boolean(),
  filter: fc.boolean(),
});

export type PackCase = typeof packArb extends fc.Arbitrary<infer T> ? T : never;

// A sustained condition takes a monotone operator only.
const sustained = (s: PackCase['signals'][number]) => s.sustained && s.operator !== '==';

export function packOf(p: PackCase): RulePackInput {
  return {
    schemaVersion: 1,
    name: 'thresholds',
    signals: p.signals.map((s, i) => ({
      id: `s${i}`,
      label: `S${i}`,
      category: 'usage',
      metric: sustained(s) ? 'active_users' : s.metric,
      operator: s.operator,
      threshold: s.threshold,
      weight: s.weight,
      urgency: 'medium',
      approach: 'seat_expansion',
      ...(sustained(s) ? { sustainedPeriods: 3 } : {}),
      ...(s.overrides ? { segmentOverrides: s.overrides } : {}),
    })),
    ladder: {
      stages: [
        { id: 'gate_only', label: 'Gate only', gateOnly: true },
        { id: 'low', label: 'Low' },
        { id: 'mid', label: 'Mid', minScore: p.emerging, minSignals: 1 },
        { id: 'top', label: 'Top', minScore: p.emerging + p.ready, minSignals: 2 },
      ],
      gates: p.gate
        ? [
            {
              id: 'g',
              label: 'G',
              condition: { metric: 'nps', operator: '>=', value: 0 },
              onFail: { action: 'assign', stage: 'gate_only' },
            },
          ]
        : [],
    },
    filters: p.filter
      ? [
          {
            id: 'f',
            label: 'F',
            kind: 'custom',
            action: 'demote',
            appliesFrom: 'mid',
            conditions: [{ metric: 'employees', operator: '<', value: 1 }],
          },
        ]
      : [],
  } as RulePackInput;
}

/** One edit: a signal's threshold, one segment's override threshold (set or cleared), or nothing. */
export const editArb = fc.record({
  signal: fc.nat(),
  kind: fc.constantFrom('threshold', 'threshold', 'override', 'clearOverride', 'same'),
  segment: fc.constantFrom(...segments),
  value: fc.constantFrom(...thresholds),
});

export type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

/** The pack after an edit, and whether it changed thresholds only (so the engine should use the index). */
export function applyEdit(p: PackCase, e: Edit): PackCase {
  const next = structuredClone(p);
  const s = next.signals[e.signal % next.signals.length]!;
  switch (e.kind) {
    case 'threshold':
      s.threshold = e.value;
      break;
    case 'override':
      s.overrides = { ...s.overrides, [e.segment]: { ...s.overrides?.[e.segment], threshold: e.value } };
      break;
    case 'clearOverride':
      if (s.overrides?.[e.segment]) delete s.overrides[e.segment]!.threshold;
      break;
    case 'same':
      break;
  }
  return next;
}
