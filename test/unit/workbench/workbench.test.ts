// The worker's logic in Node: slots, movers, account pages (filters, sorts), class summaries.
import { encodeFeatures, decodeFeatures } from '#shared/engine/arrow-features';
import { accountScores, createEngine } from '#shared/engine/engine';
import { createWorkbench } from '#shared/workbench/workbench';
import { outcomesFor, classKey } from '#shared/workbench/class-summary';
import { features, signal, valid } from '../engine/fixtures';

const n = 500;
const table = features({
  segment: Array.from({ length: n }, (_, i) => i % 4),
  arr: Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 97) * 100.25),
  columns: {
    health_score: Array.from({ length: n }, (_, i) => (i * 37) % 100),
    nps: Array.from({ length: n }, (_, i) => ((i * 53) % 200) - 100),
    // The default whitespace's inputs, which the backend always ships.
    employees: Array.from({ length: n }, (_, i) => 20 + ((i * 13) % 400)),
    seats_licensed: Array.from({ length: n }, (_, i) => 5 + (i % 50)),
    arr: Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 97) * 100.25),
  },
});
const stages = [
  { id: 'low', label: 'Low' },
  { id: 'mid', label: 'Mid', minScore: 3, minSignals: 1 },
  { id: 'top', label: 'Top', minScore: 6, minSignals: 2 },
];
const pack = (healthWeight: number, npsThreshold = 20) => ({
  schemaVersion: 1,
  name: 'w',
  signals: [signal('healthy', 'health_score', '>=', 60, healthWeight), signal('fan', 'nps', '>', npsThreshold, 3)],
  ladder: { stages },
  filters: [
    {
      id: 'cold',
      label: 'Cold',
      kind: 'custom',
      action: 'demote',
      appliesFrom: 'mid',
      conditions: [{ metric: 'nps', operator: '<', value: -50 }],
    },
  ],
});

function loaded() {
  const wb = createWorkbench();
  wb.load(
    decodeFeatures(
      encodeFeatures({
        asOf: '2026-01-05',
        accounts: n,
        base: {
          ids: table.accountIds,
          names: table.accountIds.map((id) => `Name ${id}`),
          segment: table.segment,
          arr: table.arr,
          categories: new Map(),
        },
        columns: table.columns,
      }),
    ),
  );
  return wb;
}

describe('workbench', () => {
  it('scores slots like the engine and builds movers that add up', () => {
    const wb = loaded();
    expect(wb.setPack('baseline', pack(3))).toMatchObject({ status: 'ok', kind: 'new' });
    expect(wb.setPack('draft', pack(5))).toMatchObject({ status: 'ok' });
    expect(wb.result('draft')).toEqual(createEngine(table, valid(pack(5))).result);
    const movers = wb.movers('baseline', 'draft');
    expect(movers.accounts.flat().reduce((a, b) => a + b, 0)).toBe(n);
    const base = accountScores(createEngine(table, valid(pack(3)))).stage;
    const next = accountScores(createEngine(table, valid(pack(5)))).stage;
    const expectedMoved = Array.from(base).filter((s, i) => s !== next[i]).length;
    expect(movers.moved.accounts).toBe(expectedMoved);
    expect(wb.setPack('draft', { ...pack(5), signals: [] })).toMatchObject({ status: 'invalid' });
  });

  it('recomputes class-only edits from class summaries exactly, and knows when it cannot', () => {
    const wb = loaded();
    wb.setPack('baseline', pack(3));
    wb.setPack('draft', pack(3));
    const classes = wb.classes('baseline', 'draft');
    expect(classKey(valid(pack(7)))).toBe(classes.key); // a weight edit keeps the classes
    expect(classKey(valid(pack(3, 40)))).not.toBe(classes.key); // a threshold edit does not
    expect(outcomesFor(valid(pack(7)).pack, classes.to).result).toEqual(createEngine(table, valid(pack(7))).result);
  });

  it('pages accounts with filters and sorts, and lists the ids of the whole match', () => {
    const wb = loaded();
    wb.setPack('baseline', pack(3));
    wb.setPack('draft', pack(6));
    const top = wb.query('baseline', 'draft', { stage: 'top', sort: 'score', descending: true, offset: 0, limit: 10 });
    expect(top.total).toBe(wb.result('draft').stages.find((s) => s.id === 'top')!.accounts);
    expect(top.rows.every((r) => r.draft.stage === 'top')).toBe(true);
    const byArr = wb.query('baseline', 'draft', { sort: 'arr', descending: true, offset: 0, limit: n });
    const arrs = byArr.rows.map((r) => r.arr);
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    const page2 = wb.query('baseline', 'draft', { sort: 'arr', descending: true, offset: 10, limit: 10 });
    expect(page2.rows.map((r) => r.id)).toEqual(byArr.rows.slice(10, 20).map((r) => r.id));
    const search = wb.query('baseline', 'draft', {
      search: 'name a12',
      sort: 'name',
      descending: false,
      offset: 0,
      limit: 50,
    });
    expect(search.rows.map((r) => r.id)).toEqual([
      'A12',
      'A120',
      'A121',
      'A122',
      'A123',
      'A124',
      'A125',
      'A126',
      'A127',
      'A128',
      'A129',
    ]);
    const hit = wb.matchingIds('baseline', 'draft', {
      filter: 'cold',
      sort: 'name',
      descending: false,
      offset: 0,
      limit: 0,
    });
    expect(hit.length).toBe(wb.result('draft').filters[0]!.hits);
    const moved = wb.query('baseline', 'draft', {
      baselineStage: 'mid',
      stage: 'top',
      sort: 'score',
      descending: true,
      offset: 0,
      limit: 1000,
    });
    const movers = wb.movers('baseline', 'draft');
    expect(moved.total).toBe(movers.accounts[1]![2]);
  });
});
