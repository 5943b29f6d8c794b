// The class context's bit layout: every reader goes through classes.ts, so this pins what those
// helpers decode against the bits the engine computed per account (gatePassBits, filterHitBits).
import { gatePassBits, filterHitBits } from '#shared/engine/bits';
import { filterBit, filterHit, gateBit, gatePassed, hasBit, segmentOfContext } from '#shared/engine/classes';
import { createEngine } from '#shared/engine/engine';
import { limits } from '#shared/pack/schema';
import { basicStages, features, signal, valid } from './fixtures';

const N = NaN;
const table = features({
  segment: [0, 1, 2, 3, 1, 0],
  columns: { health_score: [90, 40, N, 70, 20, 65], nps: [50, -10, 30, N, -40, 5], employees: [10, 50, 500, 5, 9, 80] },
});
const clause = (metric: string, operator: string, value: number) => ({ metric, operator, value });
const pack = {
  schemaVersion: 1,
  name: 'layout',
  signals: [signal('healthy', 'health_score', '>=', 60, 5), signal('promoter', 'nps', '>', 20, 3)],
  ladder: {
    stages: [{ id: 'health_first', label: 'Health first', gateOnly: true }, ...basicStages],
    gates: [
      {
        id: 'floor',
        label: 'Floor',
        condition: clause('health_score', '>=', 50),
        onFail: { action: 'cap', stage: 'emerging' },
      },
      {
        id: 'size',
        label: 'Size',
        condition: clause('employees', '>=', 20),
        whenMissing: 'fail',
        onFail: { action: 'cap', stage: 'emerging' },
      },
    ],
  },
  filters: ['nps', 'employees', 'health_score'].map((metric, k) => ({
    id: `f${k}`,
    label: `F${k}`,
    kind: 'custom',
    action: 'demote',
    appliesFrom: 'ready',
    conditions: [clause(metric, '<', 30)],
  })),
};

describe('class context layout', () => {
  it('keeps segment, gate and filter bits apart within 32 bits', () => {
    expect(gateBit(0)).toBe(2);
    expect(gateBit(limits.gates - 1)).toBeLessThan(filterBit(0));
    expect(filterBit(limits.filters - 1)).toBeLessThan(32);
  });

  it('decodes to the bits the engine computed for each account', () => {
    const v = valid(pack);
    const engine = createEngine(table, v);
    const gates = v.pack.ladder.gates.map((g) => gatePassBits(table, g));
    const filters = v.pack.filters.map((f) => filterHitBits(table, f));
    for (let i = 0; i < table.accounts; i++) {
      const context = engine.table.context[engine.table.of[i]!]!;
      expect(segmentOfContext(context)).toBe(table.segment[i]);
      gates.forEach((bits, g) => expect(gatePassed(context, g)).toBe(bits[i] === 1));
      filters.forEach((bits, f) => expect(filterHit(context, f)).toBe(bits[i] === 1));
    }
    // Not a constant answer: some accounts pass and some fail each gate and filter.
    for (const bits of [...gates, ...filters]) expect(new Set(bits).size).toBe(2);
    expect(hasBit(0b100, 2)).toBe(true);
    expect(hasBit(0b100, 1)).toBe(false);
  });
});
