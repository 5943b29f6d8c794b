// The pure heatmap functions on small, hand-checkable books: sorting by total, "Other" past the
// top N, natural orders, blanks, margins, the owner scope, stage as an axis, class-only edits
// re-summed from the class × dimension table, the sparse table, and Δ against an earlier layout.
import { buildCellTable, axisCodes, type BookData } from '#shared/book/cells';
import { compareHeatmaps, computeHeatmap, heatmapFromCells, type StageInfo } from '#shared/book/heatmap';
import { heatmapCsv } from '#shared/book/heatmap-table';
import { isSet } from '#shared/missing';

const encode = (values: (string | null)[]) => {
  const dictionary = [...new Set(values.filter((v): v is string => v !== null))];
  return { dictionary, codes: Int32Array.from(values, (v) => (v === null ? -1 : dictionary.indexOf(v))) };
};

// Eight accounts: owners A (3), B (2), C, D, and one without an owner; two classes.
const owners = ['A', 'A', 'A', 'B', 'B', 'C', 'D', null];
const segments = ['SMB', 'Enterprise', 'SMB', 'Mid-Market', 'SMB', 'Enterprise', 'SMB', 'SMB'];
const data: BookData = {
  accounts: 8,
  arr: Float64Array.from([100, 200, 300, 1000, 50, 400, 10.25, NaN]),
  whitespace: Float64Array.from([10, NaN, 30, 0, 5, 40, 1, 2]),
  wonArr: Float64Array.from([0, 50, 0, 0, 0, 100, 0, 0]),
  converted: Uint8Array.from([0, 1, 0, 0, 0, 1, 0, 0]),
  fields: new Map([
    ['owner_csm', encode(owners)],
    ['segment', encode(segments)],
  ]),
  scope: null,
};
const classes = { classOf: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 0]), classes: 2 };
const stages = (stageOfClass: number[]): StageInfo => ({
  stages: [
    { id: 'low', label: 'Low' },
    { id: 'ready', label: 'Ready' },
  ],
  stageOfClass,
  top: 1,
});

describe('heatmap', () => {
  it('sorts rows by the measure, keeps blanks, and adds up on the margins', () => {
    const h = computeHeatmap(data, classes, stages([0, 1]), { rows: 'owner_csm', cols: 'stage', measure: 'arr' });
    expect(h.rows).toEqual(['B', 'A', 'C', 'D', '(blank)']); // 1,050 · 600 · 400 · 10.25 · 0
    expect(h.cols).toEqual(['Low', 'Ready']);
    expect(h.cells).toEqual([
      [50, 1000],
      [400, 200],
      [0, 400],
      [10.25, 0],
      [0, 0],
    ]);
    expect(h.rowTotals).toEqual([1050, 600, 400, 10.25, 0]);
    expect(h.colTotals).toEqual([460.25, 1600]);
    expect(h.total).toBe(2060.25);
    expect(h.counts[4]).toEqual([1, 0]);
  });

  it('sums the rest past the top N as "Other", with the values it holds for drilling down', () => {
    const h = computeHeatmap(data, classes, stages([0, 1]), { rows: 'owner_csm', measure: 'accounts', topN: 2 });
    expect(h.rows).toEqual(['A', 'B', 'Other (3)']);
    expect(h.rowTotals).toEqual([3, 2, 3]);
    expect(h.rowKeys[2]).toEqual({ values: ['C', 'D', null], other: true });
    expect(h.total).toBe(8);
  });

  it('keeps natural orders (segments) and ladder order (stages) instead of sorting', () => {
    const h = computeHeatmap(data, classes, stages([1, 0]), { rows: 'segment', cols: 'stage', measure: 'accounts' });
    expect(h.rows).toEqual(['SMB', 'Mid-Market', 'Enterprise']);
    expect(h.cells).toEqual([
      [0, 5],
      [1, 0],
      [2, 0],
    ]);
  });

  it('Ready ARR, whitespace (unknown counts for nothing), won ARR and conversion', () => {
    const cut = (measure: 'ready_arr' | 'whitespace' | 'won_arr' | 'conversion') =>
      computeHeatmap(data, classes, stages([0, 1]), { rows: 'segment', measure });
    expect(cut('ready_arr').rowTotals).toEqual([0, 1000, 600]);
    expect(cut('whitespace').rowTotals).toEqual([48, 0, 40]);
    expect(cut('whitespace').whitespaceUnknown).toBe(1);
    expect(cut('won_arr').rowTotals).toEqual([0, 0, 150]);
    expect(cut('conversion').rowTotals).toEqual([0, 0, 1]);
    expect(cut('conversion').total).toBe(2 / 8);
  });

  it("an owner's scope counts only their accounts", () => {
    const scoped = { ...data, scope: Uint8Array.from(owners, (o) => (o === 'A' ? 1 : 0)) };
    const h = computeHeatmap(scoped, classes, stages([0, 1]), { rows: 'segment', cols: 'stage', measure: 'arr' });
    expect(h.rows).toEqual(['SMB', 'Enterprise']);
    expect(h.total).toBe(600);
    expect(h.accounts).toBe(3);
  });

  it('a class-only edit re-sums the same table to what a fresh computation gives', () => {
    const table = buildCellTable(data, classes, axisCodes('owner_csm', data), axisCodes('stage', data));
    const spec = { rows: 'owner_csm', cols: 'stage', measure: 'ready_arr' } as const;
    for (const stageOfClass of [
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ])
      expect(heatmapFromCells(table, stages(stageOfClass), spec)).toEqual(
        computeHeatmap(data, classes, stages(stageOfClass), spec),
      );
  });

  it('a cut with many classes and values (sparse table) equals the dense one', () => {
    const n = 5000;
    const big: BookData = {
      accounts: n,
      arr: Float64Array.from({ length: n }, (_, i) => (i * 37) % 1000),
      whitespace: Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i % 13)),
      wonArr: new Float64Array(n),
      converted: new Uint8Array(n),
      fields: new Map([
        ['owner_csm', encode(Array.from({ length: n }, (_, i) => `O${i % 900}`))],
        ['segment', encode(Array.from({ length: n }, (_, i) => `V${(i * 7) % 400}`))],
      ]),
      scope: null,
    };
    const manyClasses = { classOf: Int32Array.from({ length: n }, (_, i) => i % 3), classes: 3 };
    const few = { classOf: new Int32Array(n), classes: 1 };
    const spec = { rows: 'owner_csm', cols: 'segment', measure: 'whitespace', topN: 2000 } as const;
    const sparse = computeHeatmap(big, manyClasses, stages([0, 0, 0]), spec); // 3 × 901 × 401 slots
    const dense = computeHeatmap(big, few, stages([0]), spec);
    expect(sparse).toEqual(dense);
    expect(sparse.total).toBe(big.whitespace.reduce((s, v) => s + (isSet(v) ? v : 0), 0));
  });

  it('Δ lays the earlier date out like the current one; new values there go to "Other"', () => {
    const later = { ...data, arr: data.arr.map((v) => v * 2) };
    const earlierOwners = encode(['A', 'A', 'A', 'B', 'B', 'C', 'E', 'E']);
    const earlier = { ...data, fields: new Map([...data.fields, ['owner_csm', earlierOwners]]) };
    const spec = { rows: 'owner_csm', measure: 'arr' } as const;
    const {
      current,
      earlier: then,
      delta,
    } = compareHeatmaps(
      (layout) => computeHeatmap(later, classes, stages([0, 1]), spec, layout),
      (layout) => computeHeatmap(earlier, classes, stages([0, 1]), spec, layout),
    );
    expect(current.rows).toEqual(['B', 'A', 'C', 'D', '(blank)', 'Other (0)']);
    expect(then.rows).toEqual(['B', 'A', 'C', 'D', '(blank)', 'Other (1)']);
    expect(then.rowTotals).toEqual([1050, 600, 400, 0, 0, 10.25]);
    expect(delta.rowTotals).toEqual([1050, 600, 400, 20.5, 0, -10.25]);
    expect(delta.total).toBe(2060.25);
  });

  it('writes the table as CSV: header, rows with totals, a Total line, formula-like labels neutralised', () => {
    const risky = {
      ...data,
      fields: new Map([...data.fields, ['owner_csm', encode(['=cmd', 'A', 'A', 'B', 'B', 'C', 'D', null])]]),
    };
    const h = computeHeatmap(risky, classes, stages([0, 1]), {
      rows: 'owner_csm',
      cols: 'stage',
      measure: 'accounts',
      topN: 3,
    });
    expect(heatmapCsv(h).split('\r\n')).toEqual([
      'CSM (owner) \\ Model stage,Low,Ready,Total',
      'A,1,1,2', // ties by name
      'B,1,1,2',
      "'=cmd,1,0,1", // a spreadsheet would run it as a formula
      'Other (3),2,1,3',
      'Total,5,3,8',
      '',
    ]);
  });
});
