// Live validation sums over engine classes; here it must equal a naive per-account computation —
// pairwise AUC, DeLong placements, a sorted top decile with ties shared, Ready precision — for
// random accounts, packs, labels and hold-outs, before and after weight and threshold edits.
import fc from 'fast-check';
import { createLiveValidator, type LiveMetrics } from '#shared/calibrate/live';
import { accountScores, createEngine } from '#shared/engine/engine';
import type { FeatureTable } from '#shared/engine/features';
import type { RulePackInput } from '#shared/pack/schema';
import { valid } from '../engine/fixtures';

const metrics = ['health_score', 'nps', 'employees'] as const;
const values = [0, 1, 2, 3, 5, NaN, 2.5];

const caseArb = fc.integer({ min: 2, max: 80 }).chain((n) =>
  fc.record({
    segment: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    columns: fc.record(
      Object.fromEntries(
        metrics.map((m) => [m, fc.array(fc.constantFrom(...values), { minLength: n, maxLength: n })]),
      ) as Record<(typeof metrics)[number], fc.Arbitrary<number[]>>,
    ),
    labels: fc.array(fc.constantFrom(1, 0, 0, -1), { minLength: n, maxLength: n }),
    heldOut: fc.array(fc.constantFrom(0, 1, 1), { minLength: n, maxLength: n }),
    signals: fc.array(
      fc.record({
        metric: fc.constantFrom(...metrics),
        operator: fc.constantFrom('>', '>=', '<', '<='),
        threshold: fc.constantFrom(0, 1, 2, 3),
        weight: fc.oneof(
          fc.integer({ min: 0, max: 6 }),
          fc.double({ min: -2, max: 8, noNaN: true }).map((w) => (Math.abs(w) < 1e-6 ? 0 : w)),
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    emerging: fc.integer({ min: 0, max: 5 }),
    ready: fc.integer({ min: 1, max: 8 }),
    filter: fc.boolean(),
    newWeight: fc.integer({ min: 0, max: 9 }),
    newThreshold: fc.constantFrom(0, 1, 2, 3),
  }),
);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function tableOf(c: Case): FeatureTable {
  return {
    accounts: c.segment.length,
    accountIds: c.segment.map((_, i) => `A${i}`),
    arr: Float64Array.from(c.segment, () => 100),
    segment: Uint8Array.from(c.segment),
    columns: new Map(Object.entries(c.columns).map(([k, v]) => [k, Float64Array.from(v)])),
    categories: new Map(),
  };
}

function packOf(c: Case, signals = c.signals): RulePackInput {
  return {
    schemaVersion: 1,
    name: 'random',
    signals: signals.map((s, i) => ({
      id: `s${i}`,
      label: `S${i}`,
      category: 'usage',
      metric: s.metric,
      operator: s.operator as '>',
      threshold: s.threshold,
      weight: s.weight,
      urgency: 'medium',
      approach: 'seat_expansion',
    })),
    ladder: {
      stages: [
        { id: 'low', label: 'Low' },
        { id: 'mid', label: 'Mid', minScore: c.emerging, minSignals: 1 },
        { id: 'top', label: 'Top', minScore: c.emerging + c.ready, minSignals: 1 },
      ],
    },
    filters: c.filter
      ? [
          {
            id: 'f',
            label: 'F',
            kind: 'custom',
            action: 'demote',
            appliesFrom: 'mid',
            conditions: [{ metric: 'nps', operator: '<', value: 1 }],
          },
        ]
      : [],
  } as RulePackInput;
}

/** The reference: every held-out labelled account on its own. */
function perAccount(table: FeatureTable, pack: RulePackInput, c: Case): LiveMetrics {
  const engine = createEngine(table, valid(pack));
  const { score, stage } = accountScores(engine);
  const top = engine.model.top;
  const rows = c.labels.flatMap((y, i) =>
    y >= 0 && c.heldOut[i] === 1 ? [{ y, stage: stage[i]!, score: score[i]! }] : [],
  );
  const pos = rows.filter((r) => r.y === 1);
  const neg = rows.filter((r) => r.y === 0);
  const cmp = (a: { stage: number; score: number }, b: { stage: number; score: number }) =>
    a.stage - b.stage || a.score - b.score;
  // Pairwise AUC and DeLong placements.
  const v10 = pos.map((p) => neg.reduce((s, q) => s + (cmp(p, q) > 0 ? 1 : cmp(p, q) === 0 ? 0.5 : 0), 0) / neg.length);
  const v01 = neg.map((q) => pos.reduce((s, p) => s + (cmp(p, q) > 0 ? 1 : cmp(p, q) === 0 ? 0.5 : 0), 0) / pos.length);
  const auc = pos.length && neg.length ? v10.reduce((a, b) => a + b, 0) / pos.length : NaN;
  const variance =
    (pos.length > 1 ? v10.reduce((s, v) => s + (v - auc) ** 2, 0) / (pos.length - 1) / pos.length : 0) +
    (neg.length > 1 ? v01.reduce((s, v) => s + (v - auc) ** 2, 0) / (neg.length - 1) / neg.length : 0);
  // Top share: sort best first; accounts tied with the cut are shared in proportion.
  const sorted = [...rows].sort((a, b) => -cmp(a, b));
  const share = (f: number) => {
    const k = f * sorted.length;
    if (sorted.length === 0) return { lift: NaN, capture: NaN };
    const cut = sorted[Math.min(sorted.length - 1, Math.ceil(k) - 1)]!;
    const above = sorted.filter((r) => cmp(r, cut) > 0);
    const tied = sorted.filter((r) => cmp(r, cut) === 0);
    const fraction = (k - above.length) / tied.length;
    const hits = above.filter((r) => r.y === 1).length + fraction * tied.filter((r) => r.y === 1).length;
    const base = pos.length / rows.length;
    return { lift: base > 0 ? hits / k / base : NaN, capture: pos.length ? hits / pos.length : NaN };
  };
  const ready = rows.filter((r) => r.stage === top);
  const z = 1.959963984540054;
  return {
    accounts: rows.length,
    positives: pos.length,
    auc,
    aucCi:
      pos.length && neg.length
        ? [Math.max(0, auc - z * Math.sqrt(variance)), Math.min(1, auc + z * Math.sqrt(variance))]
        : [NaN, NaN],
    liftTopDecile: share(0.1).lift,
    captureTopDecile: share(0.1).capture,
    readyPrecision: ready.length ? ready.filter((r) => r.y === 1).length / ready.length : NaN,
    readyRecall: pos.length ? ready.filter((r) => r.y === 1).length / pos.length : NaN,
    deciles: Array.from({ length: 10 }, (_, d) => ({ share: (d + 1) / 10, ...share((d + 1) / 10) })),
  };
}

function expectSame(actual: LiveMetrics, expected: LiveMetrics) {
  const close = (a: number, b: number, what: string) => {
    if (Number.isNaN(b)) expect(a, what).toBeNaN();
    else expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThan(1e-9);
  };
  expect(actual.accounts).toBe(expected.accounts);
  expect(actual.positives).toBe(expected.positives);
  close(actual.auc, expected.auc, 'auc');
  close(actual.aucCi[0], expected.aucCi[0], 'ci low');
  close(actual.aucCi[1], expected.aucCi[1], 'ci high');
  close(actual.liftTopDecile, expected.liftTopDecile, 'lift');
  close(actual.captureTopDecile, expected.captureTopDecile, 'capture');
  close(actual.readyPrecision, expected.readyPrecision, 'ready precision');
  close(actual.readyRecall, expected.readyRecall, 'ready recall');
  actual.deciles.forEach((d, k) => close(d.capture, expected.deciles[k]!.capture, `capture at ${d.share}`));
}

describe('class-level metrics equal per-account metrics', () => {
  it('for the initial pack, a weight edit and a threshold edit', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const table = tableOf(c);
        const live = createLiveValidator(
          [{ features: table, labels: Int8Array.from(c.labels), heldOut: Uint8Array.from(c.heldOut) }],
          valid(packOf(c)),
        );
        expectSame(live.metrics, perAccount(table, packOf(c), c));
        const weighted = c.signals.map((s, i) => (i === 0 ? { ...s, weight: c.newWeight } : s));
        expectSame(live.update(valid(packOf(c, weighted))), perAccount(table, packOf(c, weighted), c));
        const moved = weighted.map((s, i) => (i === 0 ? { ...s, threshold: c.newThreshold } : s));
        expectSame(live.update(valid(packOf(c, moved))), perAccount(table, packOf(c, moved), c));
      }),
      { numRuns: 300 },
    );
  });
});
