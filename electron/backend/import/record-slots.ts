// The plan's columns as the record builder reads them: each one's converter, its reader of typed
// values straight from a scanned row's bytes (where it has one), its place in the record and the
// statistics the import report gives for it.
import { INVALID, makeConverter, type Converter, type Typed } from '#shared/import/convert';
import type { FieldInfo } from '#shared/import/fields';
import type { ImportPlan } from '#shared/import/mapping';
import { booleanAt, dateAt, dayNumberAt, isoOfDayNumber, numberAt } from './raw-cells';

export interface ColumnStats {
  nulls: number;
  min: number | string | null;
  max: number | string | null;
  /** Days read by `day` as YYYYMMDD (beside min and max, which the other paths keep). */
  minDay: number;
  maxDay: number;
  rejected: number;
}

export interface Slot {
  index: number;
  source: string;
  convert: Converter;
  field: FieldInfo | undefined;
  /** Position in the record, or -1 for a custom field. */
  target: number;
  plan: ImportPlan['columns'][number];
  stats: ColumnStats;
  /** The typed value read from the field's bytes, or MISS: decode the text and convert that. */
  fast: ((buf: Buffer, start: number, end: number) => Typed | typeof MISS) | null;
  /**
   * A mapped date field: the day read from the field's bytes as YYYYMMDD (-1: the general path
   * decides), written to the batch as its ISO digits without making a string.
   */
  day: ((buf: Buffer, start: number, end: number) => number) | null;
  /** A mapped text field: a value that is plainly not blank is left in the row's bytes. */
  inRow: boolean;
  /** Whether this slot's value is the record's (the last slot mapped to a field wins, as it always has). */
  packs: boolean;
}

export const visible = (c: number) => c > 32 && c < 127;

/** The fast reader has no answer; the general path decides (and words any refusal). */
export const MISS: unique symbol = Symbol('miss');

/**
 * A reader of typed values from bytes for the column, where it has one. It only answers for values
 * the converter takes as they are (a refusal is always worded by the general path, from the text).
 */
function fastReader(c: ImportPlan['columns'][number], field: FieldInfo | undefined, convert: Converter): Slot['fast'] {
  if (field?.choices) return null;
  switch (c.type) {
    case 'number':
    case 'integer':
    case 'percent':
      // The converter reads a plain number's text exactly as that number (convert.ts).
      return (buf, start, end) => {
        const n = numberAt(buf, start, end);
        if (n === undefined) return MISS;
        const value = convert(n);
        return value === INVALID ? MISS : value;
      };
    case 'date':
    case 'datetime': {
      if (c.numericDates) return null;
      const order = c.dateOrder ?? undefined;
      return (buf, start, end) => dateAt(buf, start, end, order) ?? MISS;
    }
    case 'boolean':
      return (buf, start, end) => booleanAt(buf, start, end) ?? MISS;
    case 'text':
      return null;
  }
}

/** The day reader of a date column mapped to a field (a custom one keeps its text in the JSON). */
function dayReader(
  c: ImportPlan['columns'][number],
  field: FieldInfo | undefined,
  fieldIndex: ReadonlyMap<string, number>,
): Slot['day'] {
  if ((c.type !== 'date' && c.type !== 'datetime') || c.numericDates || field?.choices) return null;
  if (c.field === null || !fieldIndex.has(c.field)) return null;
  const order = c.dateOrder ?? undefined;
  return (buf, start, end) => dayNumberAt(buf, start, end, order);
}

/** The plan's columns that are read (not skipped), in the plan's order. */
export function slotsOf(
  plan: ImportPlan,
  fields: readonly FieldInfo[],
  fieldIndex: ReadonlyMap<string, number>,
): Slot[] {
  const slots: Slot[] = plan.columns
    .filter((c) => !c.skip)
    .map((c) => {
      const field = c.field ? fields.find((f) => f.id === c.field) : undefined;
      const convert = makeConverter(c, field);
      return {
        index: c.index,
        source: c.source,
        convert,
        fast: fastReader(c, field, convert),
        day: dayReader(c, field, fieldIndex),
        inRow: c.type === 'text' && !field?.choices && c.field !== null && fieldIndex.has(c.field),
        field,
        target: c.field ? (fieldIndex.get(c.field) ?? -1) : -1,
        plan: c,
        stats: { nulls: 0, min: null, max: null, minDay: Infinity, maxDay: -1, rejected: 0 },
        packs: false,
      };
    });
  for (const [k, s] of slots.entries())
    s.packs = s.target >= 0 && !slots.slice(k + 1).some((t) => t.target === s.target);
  return slots;
}

export const ordered = (a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

/** A column's least and greatest values: those of the general path and of the days read from bytes. */
export function extremes(st: ColumnStats): { min: number | string | null; max: number | string | null } {
  if (st.maxDay < 0) return st;
  const low = isoOfDayNumber(st.minDay);
  const high = isoOfDayNumber(st.maxDay);
  return {
    min: st.min === null || ordered(low, st.min) < 0 ? low : st.min,
    max: st.max === null || ordered(high, st.max) > 0 ? high : st.max,
  };
}
