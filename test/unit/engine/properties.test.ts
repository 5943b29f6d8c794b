// Property tests: the engine against a naive per-account evaluator, monotonicity of thresholds,
// and incremental edits against from-scratch runs, over random accounts and random packs.
import fc from 'fast-check';
import { accountScores, createEngine } from '#shared/engine/engine';
import type { FeatureTable } from '#shared/engine/features';
import { packSegments, type RulePackInput } from '#shared/pack/schema';
import { valid } from './fixtures';

const metrics = ['health_score', 'nps', 'employees', 'seats_licensed'] as const;
const values = [0, 1, 2, 3, 5, 8, NaN, -1, 2.5];
const thresholdValues = [0, 1, 2, 3, 5, 8, -1, 2.5];
const operators = ['>', '>=', '<', '<=', '==', '!=', 'between', 'in'] as const;

const featuresArb = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.record({
    segment: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    arr: fc.array(
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
      { minLength: n, maxLength: n },
    ),
    columns: fc.record(
      Object.fromEntries(
        metrics.map((m) => [m, fc.array(fc.constantFrom(...values), { minLength: n, maxLength: n })]),
      ) as Record<(typeof metrics)[number], fc.Arbitrary<number[]>>,
    ),
  }),
);

function toTable(f: { segment: number[]; arr: number[]; columns: Record<string, number[]> }): FeatureTable {
  return {
    accounts: f.segment.length,
    accountIds: f.segment.map((_, i) => `A${i}`),
    arr: Float64Array.from(f.arr),
    segment: Uint8Array.from(f.segment),
    columns: new Map(Object.entries(f.columns).map(([k, v]) => [k, Float64Array.from(v)])),
    categories: new Map(),
  };
}

const thresholdFor = (op: (typeof operators)[number]) =>
  op === 'between'
    ? fc
        .tuple(fc.constantFrom(...thresholdValues), fc.constantFrom(...thresholdValues))
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)])
    : op === 'in'
      ? fc.uniqueArray(fc.constantFrom(...thresholdValues), { minLength: 1, maxLength: 3 })
      : fc.constantFrom(...thresholdValues);

const signalArb = (i: number) =>
  fc.constantFrom(...operators).chain((operator) =>
    fc.record({
      id: fc.constant(`s${i}`),
      label: fc.constant(`Signal ${i}`),
      category: fc.constantFrom('usage', 'growth', 'timing'),
      metric: fc.constantFrom(...metrics),
      operator: fc.constant(operator),
      threshold: thresholdFor(operator),
      weight: fc.oneof(
        fc.integer({ min: -3, max: 9 }),
        fc.double({ min: -5, max: 10, noNaN: true }).map((w) => (Math.abs(w) < 1e-6 ? 0 : w)),
      ),
      urgency: fc.constant('medium'),
      approach: fc.constant('seat_expansion'),
      enabled: fc.boolean(),
      segmentOverrides: fc.option(
        fc.record({ SMB: fc.record({ threshold: thresholdFor(operator), weight: fc.integer({ min: 0, max: 9 }) }) }),
        { nil: undefined },
      ),
    }),
  );

const clauseArb = fc.constantFrom('>', '<', '>=', '<=').chain((operator) =>
  fc.record({
    metric: fc.constantFrom(...metrics),
    operator: fc.constant(operator),
    value: fc.constantFrom(...thresholdValues),
  }),
);

const packArb = fc
  .integer({ min: 1, max: 8 })
  .chain((count) =>
    fc.record({
      signals: fc.tuple(...Array.from({ length: count }, (_, i) => signalArb(i))),
      emerging: fc.integer({ min: 0, max: 6 }),
      gap: fc.integer({ min: 0, max: 6 }),
      gate: fc.option(clauseArb, { nil: undefined }),
      filters: fc.array(
        fc.record({ clause: clauseArb, action: fc.constantFrom('demote', 'exclude'), enabled: fc.boolean() }),
        { maxLength: 3 },
      ),
    }),
  )
  .map((p): RulePackInput => ({
    schemaVersion: 1,
    name: 'random',
    signals: p.signals as never,
    ladder: {
      stages: [
        { id: 'gate_only', label: 'Gate only', gateOnly: true },
        { id: 'low', label: 'Low' },
        { id: 'mid', label: 'Mid', minScore: p.emerging, minSignals: 1 },
        { id: 'top', label: 'Top', minScore: p.emerging + p.gap, minSignals: 2 },
      ],
      gates: p.gate
        ? [{ id: 'g', label: 'Gate', condition: p.gate as never, onFail: { action: 'assign', stage: 'gate_only' } }]
        : [],
    },
    filters: p.filters.map((f, i) => ({
      id: `f${i}`,
      label: `F${i}`,
      kind: 'custom',
      action: f.action,
      enabled: f.enabled,
      appliesFrom: 'mid',
      conditions: [f.clause as never],
    })),
  }));

/** A deliberately naive reading of a condition, independent of the engine's code. */
function naiveMeets(x: number, operator: string, t: unknown): boolean {
  if (Number.isNaN(x)) return false;
  if (operator === 'between') return x >= (t as number[])[0]! && x <= (t as number[])[1]!;
  if (operator === 'in') return (t as number[]).includes(x);
  const v = t as number;
  return { '>': x > v, '>=': x >= v, '<': x < v, '<=': x <= v, '==': x === v, '!=': x !== v }[operator]!;
}

describe('engine properties', () => {
  it('score = sum of fired weights, in pack order', () => {
    fc.assert(
      fc.property(featuresArb, packArb, (f, p) => {
        const table = toTable(f);
        const engine = createEngine(table, valid(p));
        const { score } = accountScores(engine);
        for (let i = 0; i < table.accounts; i++) {
          let expected = 0;
          for (const s of p.signals as any[]) {
            const seg = packSegments[table.segment[i]!];
            const override = seg ? s.segmentOverrides?.[seg] : undefined;
            const fired =
              s.enabled &&
              naiveMeets(
                (f.columns as Record<string, number[]>)[s.metric]![i]!,
                s.operator,
                override?.threshold ?? s.threshold,
              );
            expected += fired ? (override?.weight ?? s.weight) : 0;
          }
          expect(score[i]).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('raising a ">" threshold never adds firing accounts', () => {
    fc.assert(
      fc.property(
        featuresArb,
        fc.constantFrom(...metrics),
        fc.double({ min: -2, max: 9, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (f, metric, t, raise) => {
          const table = toTable(f);
          const packAt = (threshold: number) =>
            valid({
              schemaVersion: 1,
              name: 'm',
              signals: [
                {
                  id: 's',
                  label: 's',
                  category: 'usage',
                  metric,
                  operator: '>',
                  threshold,
                  weight: 1,
                  urgency: 'low',
                  approach: 'tier_upgrade',
                },
              ],
              ladder: {
                stages: [
                  { id: 'a', label: 'A' },
                  { id: 'b', label: 'B', minScore: 1 },
                ],
              },
            });
          const low = createEngine(table, packAt(t));
          const high = createEngine(table, packAt(t + raise));
          expect(high.result.signals[0]!.fired).toBeLessThanOrEqual(low.result.signals[0]!.fired);
          const lowScores = accountScores(low).score;
          accountScores(high).score.forEach((s, i) => expect(s).toBeLessThanOrEqual(lowScores[i]!));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any sequence of incremental edits equals a from-scratch run', () => {
    const edit = fc.record({
      kind: fc.constantFrom('weight', 'threshold', 'enabled', 'stage', 'filter', 'filterCondition', 'gate', 'override'),
      index: fc.nat(),
      number: fc.constantFrom(...thresholdValues, 4, 7),
      flag: fc.boolean(),
    });
    fc.assert(
      fc.property(featuresArb, packArb, fc.array(edit, { minLength: 1, maxLength: 8 }), (f, p, edits) => {
        const table = toTable(f);
        const engine = createEngine(table, valid(p));
        let current: any = structuredClone(p);
        for (const e of edits) {
          const next = structuredClone(current);
          const s = next.signals[e.index % next.signals.length];
          switch (e.kind) {
            case 'weight':
              s.weight = e.number;
              break;
            case 'threshold':
              if (!['between', 'in'].includes(s.operator)) s.threshold = e.number;
              break;
            case 'enabled':
              s.enabled = e.flag;
              break;
            case 'stage':
              next.ladder.stages[2].minScore = Math.min(e.number, next.ladder.stages[3].minScore);
              break;
            case 'filter':
              if (next.filters.length) next.filters[e.index % next.filters.length].enabled = e.flag;
              break;
            case 'filterCondition':
              if (next.filters.length) next.filters[e.index % next.filters.length].conditions[0].value = e.number;
              break;
            case 'gate':
              if (next.ladder.gates.length) next.ladder.gates[0].condition.value = e.number;
              break;
            case 'override':
              if (!['between', 'in'].includes(s.operator))
                s.segmentOverrides = { Enterprise: { threshold: e.number, weight: 2 } };
              break;
          }
          engine.update(valid(next));
          current = next;
        }
        const fresh = createEngine(table, valid(current));
        expect(engine.result).toEqual(fresh.result);
        const a = accountScores(engine);
        const b = accountScores(fresh);
        expect(Array.from(a.score)).toEqual(Array.from(b.score));
        expect(Array.from(a.stage)).toEqual(Array.from(b.stage));
      }),
      { numRuns: 200 },
    );
  });
});
