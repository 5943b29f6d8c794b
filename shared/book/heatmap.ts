// A heatmap from the class × dimension table and each class's stage: cells, margins and total of
// one measure, rows and columns sorted by their total (fields with a natural order keep it; stages
// go from the lowest to the highest), values past the top N summed as "Other". Pure: the worker
// runs it for the live view, Node for `ladder book`, alerts and digests.
import { axisCodes, buildCellTable, type BookClasses, type BookData, type CellTable } from './cells';
import { blankLabel, bookField, measureInfo, stageField, type BookMeasure, type MeasureInfo } from './fields';

export interface StageInfo {
  stages: readonly { id: string; label: string }[];
  /** Stage index of each class. */
  stageOfClass: ArrayLike<number>;
  /** The stage that counts as Ready (the ladder's top). */
  top: number;
}

/** Which accounts a row or column holds: a stage, some values of a field (null = blank), or no filter. */
export type AxisKey = { stage: string } | { values: (string | null)[]; other?: boolean } | { all: true };

export interface HeatmapSpec {
  rows: string;
  /** A second field, `stage`, or none (one column of totals). */
  cols?: string | null;
  measure: BookMeasure;
  /** Values shown per axis before the rest become "Other". */
  topN?: number;
}

export interface Heatmap {
  rowField: { id: string; label: string };
  colField: { id: string; label: string } | null;
  measure: BookMeasure;
  unit: MeasureInfo['unit'];
  rows: string[];
  cols: string[];
  rowKeys: AxisKey[];
  colKeys: AxisKey[];
  /** The measure per cell; null where a share has no accounts to divide by. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  total: number | null;
  /** Accounts per cell (for drill-down and tooltips), with margins. */
  counts: number[][];
  rowCounts: number[];
  colCounts: number[];
  accounts: number;
  /** Accounts whose whitespace is unknown (no inputs): they count for nothing in whitespace. */
  whitespaceUnknown: number;
}

/** Row or column order to reuse (Δ mode compares two dates cell by cell). */
export interface AxisLayout {
  keys: AxisKey[];
}

interface Sums {
  count: number;
  arr: number;
  ready: number;
  ws: number;
  wsKnown: number;
  won: number;
  conv: number;
}
const zero = (): Sums => ({ count: 0, arr: 0, ready: 0, ws: 0, wsKnown: 0, won: 0, conv: 0 });
function add(into: Sums, from: Sums): void {
  into.count += from.count;
  into.arr += from.arr;
  into.ready += from.ready;
  into.ws += from.ws;
  into.wsKnown += from.wsKnown;
  into.won += from.won;
  into.conv += from.conv;
}

function valueOf(measure: BookMeasure, s: Sums): number | null {
  switch (measure) {
    case 'accounts':
      return s.count;
    case 'arr':
      return s.arr / 100;
    case 'ready_arr':
      return s.ready / 100;
    case 'whitespace':
      return s.ws / 100;
    case 'won_arr':
      return s.won / 100;
    case 'conversion':
      return s.count > 0 ? s.conv / s.count : null;
  }
}

/** What ranks rows: the measure's total, or (for a share) how many accounts it covers. */
const rankOf = (measure: BookMeasure, s: Sums) => (measure === 'conversion' ? s.count : (valueOf(measure, s) ?? 0));

interface AxisPlan {
  labels: string[];
  keys: AxisKey[];
  /** Display position of each code (or stage index). */
  position: Int32Array;
}

function planAxis(
  field: string | null,
  dictionary: readonly string[],
  totals: Sums[],
  stages: StageInfo,
  measure: BookMeasure,
  topN: number,
  layout?: AxisLayout,
): AxisPlan {
  if (field === null) return { labels: ['All accounts'], keys: [{ all: true }], position: Int32Array.of(0) };
  if (field === stageField) {
    return {
      labels: stages.stages.map((s) => s.label),
      keys: stages.stages.map((s) => ({ stage: s.id })),
      position: Int32Array.from(stages.stages, (_, i) => i),
    };
  }
  const valueAt = (code: number) => (code === 0 ? null : dictionary[code - 1]!);
  const codeOf = (value: string | null) => (value === null ? 0 : dictionary.indexOf(value) + 1 || -1);
  const codes = totals.map((_, code) => code).filter((code) => totals[code]!.count > 0);
  let shown: (string | null)[];
  let rest: number[];
  let hasOther: boolean;
  if (layout) {
    // The same rows as another heatmap (values it showed; everything else is "Other").
    shown = layout.keys.flatMap((k) => ('values' in k && !k.other ? [k.values[0] ?? null] : []));
    rest = codes.filter((c) => !shown.includes(valueAt(c)));
    hasOther = rest.length > 0 || layout.keys.some((k) => 'values' in k && k.other === true);
  } else {
    const order = bookField(field).order;
    if (order) {
      const rank = (c: number) => (c === 0 ? order.length + 1 : order.indexOf(valueAt(c)!) + 1 || order.length);
      codes.sort((a, b) => rank(a) - rank(b) || String(valueAt(a)).localeCompare(String(valueAt(b))));
      shown = codes.map(valueAt);
      rest = [];
    } else {
      codes.sort(
        (a, b) =>
          rankOf(measure, totals[b]!) - rankOf(measure, totals[a]!) ||
          String(valueAt(a) ?? '\uffff').localeCompare(String(valueAt(b) ?? '\uffff')),
      );
      // "Other" only when it saves at least two rows.
      const limit = codes.length > topN + 1 ? topN : codes.length;
      shown = codes.slice(0, limit).map(valueAt);
      rest = codes.slice(limit);
    }
    hasOther = rest.length > 0;
  }
  const position = new Int32Array(totals.length).fill(-1);
  const labels = shown.map((v) => v ?? blankLabel);
  const keys: AxisKey[] = shown.map((v) => ({ values: [v] }));
  shown.forEach((v, k) => {
    const code = codeOf(v);
    if (code >= 0) position[code] = k;
  });
  if (hasOther) {
    for (const code of rest) position[code] = labels.length;
    labels.push(`Other (${rest.length})`);
    keys.push({ values: rest.map(valueAt), other: true });
  }
  return { labels, keys, position };
}

/** Sums the table into rows × columns for the given class stages. */
export function heatmapFromCells(
  table: CellTable,
  stages: StageInfo,
  spec: HeatmapSpec,
  layout: { rows?: AxisLayout; cols?: AxisLayout } = {},
): Heatmap {
  const { rows, cols } = table;
  const rowField = spec.rows;
  const colField = spec.cols ?? null;
  const topN = spec.topN ?? 15;
  const rowOf = (e: number) => (rowField === stageField ? stages.stageOfClass[table.cls[e]!]! : table.row[e]!);
  const colOf = (e: number) => (colField === stageField ? stages.stageOfClass[table.cls[e]!]! : table.col[e]!);
  const rowSize = rowField === stageField ? stages.stages.length : rows.size;
  const colSize = colField === stageField ? stages.stages.length : cols.size;

  const entrySums = (e: number): Sums => ({
    count: table.count[e]!,
    arr: table.arrCents[e]!,
    ready: stages.stageOfClass[table.cls[e]!] === stages.top ? table.arrCents[e]! : 0,
    ws: table.whitespaceCents[e]!,
    wsKnown: table.whitespaceKnown[e]!,
    won: table.wonCents[e]!,
    conv: table.converted[e]!,
  });
  const byRow = Array.from({ length: rowSize }, zero);
  const byCol = Array.from({ length: colSize }, zero);
  for (let e = 0; e < table.size; e++) {
    const s = entrySums(e);
    add(byRow[rowOf(e)]!, s);
    add(byCol[colOf(e)]!, s);
  }
  const r = planAxis(rowField, rows.dictionary, byRow, stages, spec.measure, topN, layout.rows);
  const c = planAxis(colField, cols.dictionary, byCol, stages, spec.measure, topN, layout.cols);
  const grid = r.labels.map(() => c.labels.map(zero));
  const rowSums = r.labels.map(zero);
  const colSums = c.labels.map(zero);
  const all = zero();
  for (let e = 0; e < table.size; e++) {
    const s = entrySums(e);
    const i = r.position[rowOf(e)]!;
    const j = c.position[colOf(e)]!;
    add(all, s);
    if (i >= 0) add(rowSums[i]!, s);
    if (j >= 0) add(colSums[j]!, s);
    if (i >= 0 && j >= 0) add(grid[i]![j]!, s);
  }
  const value = (s: Sums) => valueOf(spec.measure, s);
  return {
    rowField: { id: rowField, label: bookField(rowField).label },
    colField: colField === null ? null : { id: colField, label: bookField(colField).label },
    measure: spec.measure,
    unit: measureInfo[spec.measure].unit,
    rows: r.labels,
    cols: c.labels,
    rowKeys: r.keys,
    colKeys: c.keys,
    cells: grid.map((row) => row.map(value)),
    rowTotals: rowSums.map(value),
    colTotals: colSums.map(value),
    total: value(all),
    counts: grid.map((row) => row.map((s) => s.count)),
    rowCounts: rowSums.map((s) => s.count),
    colCounts: colSums.map((s) => s.count),
    accounts: all.count,
    whitespaceUnknown: all.count - all.wsKnown,
  };
}

/** The whole computation, from accounts (O(accounts)); edits reuse the table via heatmapFromCells. */
export function computeHeatmap(
  data: BookData,
  classes: BookClasses,
  stages: StageInfo,
  spec: HeatmapSpec,
  layout?: { rows?: AxisLayout; cols?: AxisLayout },
): Heatmap {
  const table = buildCellTable(data, classes, axisCodes(spec.rows, data), axisCodes(spec.cols ?? null, data));
  return heatmapFromCells(table, stages, spec, layout);
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Current minus earlier, cell by cell; `earlier` must have been laid out like `current`. */
export function deltaHeatmap(current: Heatmap, earlier: Heatmap): Heatmap {
  return {
    ...current,
    cells: current.cells.map((row, i) => row.map((v, j) => minus(v, earlier.cells[i]?.[j] ?? null))),
    rowTotals: current.rowTotals.map((v, i) => minus(v, earlier.rowTotals[i] ?? null)),
    colTotals: current.colTotals.map((v, j) => minus(v, earlier.colTotals[j] ?? null)),
    total: minus(current.total, earlier.total),
  };
}

export const layoutOf = (h: Heatmap) => ({ rows: { keys: h.rowKeys }, cols: { keys: h.colKeys } });

/**
 * A heatmap, the same cut at an earlier date laid out like it (same rows and columns; values the
 * earlier date has beyond them go to "Other", which then appears on both), and the difference.
 */
export function compareHeatmaps(
  build: (layout?: { rows?: AxisLayout; cols?: AxisLayout }) => Heatmap,
  buildEarlier: (layout: { rows?: AxisLayout; cols?: AxisLayout }) => Heatmap,
): { current: Heatmap; earlier: Heatmap; delta: Heatmap } {
  let current = build();
  let earlier = buildEarlier(layoutOf(current));
  if (earlier.rows.length !== current.rows.length || earlier.cols.length !== current.cols.length) {
    current = build(layoutOf(earlier));
    earlier = buildEarlier(layoutOf(current));
  }
  return { current, earlier, delta: deltaHeatmap(current, earlier) };
}
