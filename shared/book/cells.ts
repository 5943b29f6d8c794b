// The class × dimension table behind a heatmap: for every pair (model class, row value × column
// value) the accounts, ARR, whitespace, won expansion ARR and conversions, summed once over the
// accounts. A model edit that keeps each account's class (a weight, a stage threshold, a switch)
// only changes which stage a class is at, so the heatmap is re-summed over these few thousand
// entries, never over a million accounts. Money is summed in whole cents: exact, order-free.
import type { CategoryColumn } from '../engine/features';
import { stageField } from './fields';
import { isSet } from '../missing';

/** Per-account inputs (index = account, in feature-table order). */
export interface BookData {
  accounts: number;
  /** ARR paid today (NaN = unknown, counted as 0). */
  arr: Float64Array;
  /** max(0, potential ARR − ARR); NaN = unknown. */
  whitespace: Float64Array;
  /** Won expansion amount closing in the outcome window (0 when none). */
  wonArr: Float64Array;
  /** 1 when the account won an expansion closing in the window. */
  converted: Uint8Array;
  /** Categorical fields by id (owner_csm, segment, custom.Territory, …). */
  fields: ReadonlyMap<string, CategoryColumn>;
  /** Only these accounts count (the owner filter); null = every account. */
  scope: Uint8Array | null;
}

/** The model side: which class each account is in, and (separately, per edit) each class's stage. */
export interface BookClasses {
  classOf: Int32Array;
  classes: number;
}

/** One non-stage axis: each account's code (0 = blank, k + 1 = dictionary entry k). */
export interface AxisCodes {
  field: string;
  size: number;
  dictionary: readonly string[];
  codes: Int32Array | null; // null for the stage axis (taken from the class) or no axis
}

export interface CellTable {
  rows: AxisCodes;
  cols: AxisCodes;
  /** Non-empty entries: class, row code, column code, and the sums. */
  size: number;
  cls: Int32Array;
  row: Int32Array;
  col: Int32Array;
  count: Float64Array;
  arrCents: Float64Array;
  whitespaceCents: Float64Array;
  /** Accounts whose whitespace is known. */
  whitespaceKnown: Float64Array;
  wonCents: Float64Array;
  converted: Float64Array;
}

const cents = (v: number) => (isSet(v) ? Math.round(v * 100) : 0);

export function axisCodes(field: string | null, data: BookData): AxisCodes {
  if (field === null || field === stageField) return { field: field ?? '', size: 1, dictionary: [], codes: null };
  const column = data.fields.get(field);
  if (!column) throw new Error(`No account field "${field}" in this workspace.`);
  const codes = new Int32Array(data.accounts);
  for (let i = 0; i < data.accounts; i++) codes[i] = column.codes[i]! + 1;
  return { field, size: column.dictionary.length + 1, dictionary: column.dictionary, codes };
}

/** Dense tables up to this many slots (class × row × column); sparser cuts use a hash table. */
const denseLimit = 1 << 18;

export function buildCellTable(data: BookData, classes: BookClasses, rows: AxisCodes, cols: AxisCodes): CellTable {
  const n = data.accounts;
  const cells = rows.size * cols.size;
  const slots = classes.classes * cells;
  const { classOf } = classes;
  const rc = rows.codes;
  const cc = cols.codes;
  const slotOf = (i: number) => classOf[i]! * cells + (rc ? rc[i]! : 0) * cols.size + (cc ? cc[i]! : 0);

  // Sums per slot, in a dense array or, for many classes × values, through a slot → entry map.
  let entryOf: (slot: number) => number;
  let entries = 0;
  const sumsFor = (capacity: number) => ({
    slot: new Float64Array(capacity),
    count: new Float64Array(capacity),
    arr: new Float64Array(capacity),
    ws: new Float64Array(capacity),
    wsKnown: new Float64Array(capacity),
    won: new Float64Array(capacity),
    conv: new Float64Array(capacity),
  });
  let sums = sumsFor(slots <= denseLimit ? slots : 1024);
  if (slots <= denseLimit) {
    entryOf = (slot) => slot;
    for (let s = 0; s < slots; s++) sums.slot[s] = s;
    entries = slots;
  } else {
    const index = new Map<number, number>();
    entryOf = (slot) => {
      let e = index.get(slot);
      if (e === undefined) {
        e = entries++;
        index.set(slot, e);
        if (e >= sums.slot.length) {
          const bigger = sumsFor(sums.slot.length * 2);
          for (const k of Object.keys(sums) as (keyof typeof sums)[]) bigger[k].set(sums[k]);
          sums = bigger;
        }
        sums.slot[e] = slot;
      }
      return e;
    };
  }
  const { arr, whitespace, wonArr, converted, scope } = data;
  for (let i = 0; i < n; i++) {
    if (scope && scope[i] === 0) continue;
    const e = entryOf(slotOf(i));
    sums.count[e]! += 1;
    sums.arr[e]! += cents(arr[i]!);
    const w = whitespace[i]!;
    if (isSet(w)) {
      sums.ws[e]! += Math.round(w * 100);
      sums.wsKnown[e]! += 1;
    }
    sums.won[e]! += cents(wonArr[i]!);
    sums.conv[e]! += converted[i]!;
  }

  let size = 0;
  for (let e = 0; e < entries; e++) if (sums.count[e]! > 0) size++;
  const table: CellTable = {
    rows,
    cols,
    size,
    cls: new Int32Array(size),
    row: new Int32Array(size),
    col: new Int32Array(size),
    count: new Float64Array(size),
    arrCents: new Float64Array(size),
    whitespaceCents: new Float64Array(size),
    whitespaceKnown: new Float64Array(size),
    wonCents: new Float64Array(size),
    converted: new Float64Array(size),
  };
  let k = 0;
  for (let e = 0; e < entries; e++) {
    if (sums.count[e] === 0) continue;
    const slot = sums.slot[e]!;
    const cell = slot % cells;
    table.cls[k] = (slot - cell) / cells;
    table.row[k] = Math.floor(cell / cols.size);
    table.col[k] = cell % cols.size;
    table.count[k] = sums.count[e]!;
    table.arrCents[k] = sums.arr[e]!;
    table.whitespaceCents[k] = sums.ws[e]!;
    table.whitespaceKnown[k] = sums.wsKnown[e]!;
    table.wonCents[k] = sums.won[e]!;
    table.converted[k] = sums.conv[e]!;
    k++;
  }
  return table;
}
