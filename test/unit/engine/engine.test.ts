// The engine on hand-made accounts: scores, stages, gates, filters, segment overrides, category
// shares and caps, explanations, and incremental edits.
import { accountScores, createEngine } from '#shared/engine/engine';
import { explainAccount } from '#shared/engine/explain';
import { basicStages, features, signal, valid } from './fixtures';

const N = NaN;
// Metrics: health_score, nps, employees (account base metrics used as plain columns).
const table = features({
  segment: [0, 0, 1, 2, 2, 3],
  arr: [100, 200, 300, 400.5, 500.25, 600],
  columns: {
    health_score: [90, 80, 70, N, 40, 95],
    nps: [50, -10, 30, 20, 60, N],
    employees: [10, 50, 500, 5000, 8000, 20],
  },
});

const pack = {
  schemaVersion: 1,
  name: 'test',
  signals: [
    signal('healthy', 'health_score', '>=', 70, 5),
    signal('promoter', 'nps', '>', 25, 3),
    signal('big', 'employees', '>=', 1000, 4, { segmentOverrides: { SMB: { threshold: 40, weight: 1 } } }),
  ],
  ladder: { stages: basicStages },
};

describe('engine', () => {
  it('scores each account as the sum of its fired weights and stages it by score and signal count', () => {
    const engine = createEngine(table, valid(pack));
    const { score, stage } = accountScores(engine);
    // A0: healthy 5 + promoter 3 → 8 from 2 signals → ready. A1 (SMB: 50 ≥ 40 fires "big" at
    // weight 1): 5 + 1 = 6. A2: 5 + 3 = 8. A3 (health missing): big 4. A4: 3 + 4. A5: healthy 5.
    expect(Array.from(score)).toEqual([8, 6, 8, 4, 7, 5]);
    expect(Array.from(stage)).toEqual([2, 1, 2, 1, 1, 1]);
    expect(engine.result.stages.map((s) => [s.id, s.accounts, s.arr])).toEqual([
      ['not_ready', 0, 0],
      ['emerging', 4, 200 + 400.5 + 500.25 + 600],
      ['ready', 2, 100 + 300],
    ]);
    expect(engine.result.signals.map((s) => s.fired)).toEqual([4, 3, 3]);
  });

  it('applies gates (assign and cap) and filters (demote and exclude) and reports the funnel', () => {
    const gated = {
      ...pack,
      ladder: {
        stages: [{ id: 'health_first', label: 'Health first', gateOnly: true }, ...basicStages],
        gates: [
          {
            id: 'floor',
            label: 'Floor',
            condition: { metric: 'health_score', operator: '>=', value: 60 },
            onFail: { action: 'assign', stage: 'health_first' },
          },
        ],
      },
      filters: [
        {
          id: 'detractor',
          label: 'Detractor',
          kind: 'unhappy_customer',
          action: 'demote',
          appliesFrom: 'emerging',
          conditions: [{ metric: 'nps', operator: '<', value: 0 }],
        },
        {
          id: 'tiny',
          label: 'Tiny',
          kind: 'custom',
          action: 'exclude',
          appliesFrom: 'ready',
          conditions: [{ metric: 'employees', operator: '<', value: 15 }],
        },
      ],
    };
    const engine = createEngine(table, valid(gated));
    const { stage } = accountScores(engine);
    const ids = engine.model.stages.map((s) => s.id);
    // A0 ready but tiny → excluded to not_ready; A1 detractor → demoted emerging→not_ready;
    // A3 health missing → gate passes (whenMissing defaults to pass); A4 health 40 → health_first.
    expect(Array.from(stage, (s) => ids[s])).toEqual([
      'not_ready',
      'not_ready',
      'ready',
      'emerging',
      'health_first',
      'emerging',
    ]);
    expect(engine.result.funnel).toMatchObject({
      stage: 'ready',
      candidates: { accounts: 2, arr: 400 },
      removed: [
        { id: 'detractor', accounts: 0 },
        { id: 'tiny', accounts: 1, arr: 100 },
      ],
      remaining: { accounts: 1, arr: 300 },
    });
    expect(engine.result.gates).toEqual([{ id: 'floor', label: 'Floor', failed: 1 }]);
    const why = explainAccount(engine, 0);
    expect(why.stageFromScore.id).toBe('ready');
    expect(why.stage.id).toBe('not_ready');
    expect(why.filters.find((f) => f.id === 'tiny')).toMatchObject({
      hit: true,
      applied: true,
      action: 'exclude',
      conditions: [{ value: 10, threshold: 15, met: true }],
    });
    expect(explainAccount(engine, 4).gates[0]).toMatchObject({
      passed: false,
      effect: 'assigned',
      condition: { value: 40, met: false },
    });
  });

  it('category shares scale the score to 0–100 and caps bound a category', () => {
    const shared = {
      ...pack,
      signals: [
        signal('healthy', 'health_score', '>=', 70, 5),
        signal('promoter', 'nps', '>', 25, 3, { category: 'sentiment' }),
        signal('big', 'employees', '>=', 1000, 4),
      ],
      scoring: { categoryWeights: { usage: 0.6, sentiment: 0.4 } },
      ladder: {
        stages: [
          { id: 'low', label: 'Low' },
          { id: 'high', label: 'High', minScore: 50, minSignals: 1 },
        ],
      },
    };
    const engine = createEngine(table, valid(shared));
    const { score } = accountScores(engine);
    // A0: usage 5/9, sentiment 3/3 → 100 × (0.6 × 5/9 + 0.4 × 1)
    expect(score[0]).toBe((0.6 * (5 / 9) + 0.4 * (3 / 3)) * 100);
    const capped = createEngine(table, valid({ ...shared, scoring: { categoryCaps: { usage: 6 } } }));
    expect(Array.from(accountScores(capped).score)).toEqual([8, 5, 8, 4, 7, 5]);
    expect(explainAccount(capped, 3).subtotals).toEqual([
      { category: 'usage', value: 4 },
      { category: 'sentiment', value: 0 },
    ]);
  });

  it('handles between, in, == and != with missing values never firing', () => {
    const ops = {
      ...pack,
      signals: [
        signal('mid', 'health_score', 'between', [70, 80], 1),
        signal('listed', 'employees', 'in', [10, 500], 1),
        signal('exact', 'nps', '==', 20, 1),
        signal('not_exact', 'nps', '!=', 20, 1),
      ],
    };
    const engine = createEngine(table, valid(ops));
    const fired = (i: number) => explainAccount(engine, i).signals.map((s) => (s.fired ? 1 : 0));
    expect([0, 1, 2, 3, 4, 5].map(fired)).toEqual([
      [0, 1, 0, 1],
      [1, 0, 0, 1],
      [1, 1, 0, 1],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
  });

  it('compares categories with ==, != and in', () => {
    const withTier = features({
      segment: [0, 1, 2],
      columns: { health_score: [1, 1, 1] },
      categories: { tier: ['Growth', 'Enterprise', null] },
    });
    const tierPack = {
      ...pack,
      signals: [
        signal('ent', 'tier', 'in', ['Enterprise', 'Business'], 1),
        signal('not_growth', 'tier', '!=', 'Growth', 1),
      ],
    };
    const engine = createEngine(withTier, valid(tierPack));
    expect([0, 1, 2].map((i) => explainAccount(engine, i).signals.map((s) => s.fired))).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
  });

  it('weight and stage edits only re-evaluate classes; threshold edits rescan; both equal a fresh run', () => {
    const engine = createEngine(table, valid(pack));
    const reweighted = valid({ ...pack, signals: [{ ...pack.signals[0], weight: 1 }, ...pack.signals.slice(1)] });
    expect(engine.update(reweighted)).toBe('classes');
    expect(engine.result).toEqual(createEngine(table, reweighted).result);
    const rethresholded = valid({
      ...pack,
      signals: [{ ...pack.signals[0], threshold: 85 }, ...pack.signals.slice(1)],
    });
    expect(engine.update(rethresholded)).toBe('rescan');
    expect(engine.result).toEqual(createEngine(table, rethresholded).result);
    expect(Array.from(accountScores(engine).score)).toEqual(
      Array.from(accountScores(createEngine(table, rethresholded)).score),
    );
  });
});
