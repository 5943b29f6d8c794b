// The plan's columns as the record builder reads them: each one's converter, its reader of typed
// values straight from a scanned row's bytes (where it has one), its place in the record and the
// statistics the import report gives for it.
import { makeConverter, type Converter, type Typed } from '#shared/import/convert';
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
  /** How a scanned row's bytes are read for this slot when they are the field's text as it stands. */
  read: ReadFrom;
  /** The typed value read from the field's bytes, or MISS: decode the text and convert that. */
  fast: ((buf: Buffer, start: number, end: number) => Typed | typeof MISS) | null;
  /** A number column's value read from the field's bytes, or NaN: decode the text and convert that. */
  number: ((buf: Buffer, start: number, end: number) => number) | null;
  /**
   * A mapped date field: the day read from the field's bytes as YYYYMMDD (-1: the general path
   * decides), written to the batch as its ISO digits without making a string.
   */
  day: ((buf: Buffer, start: number, end: number) => number) | null;
  /** Whether this slot's value is the record's (the last slot mapped to a field wins, as it always has). */
  packs: boolean;
  /** The report gives this column's least and greatest values (numbers and dates). */
  ranged: boolean;
}

/** Which reader takes a plain field's bytes: none (decode the text), `day`, `number`, `fast` or in-row text. */
export const READ_TEXT = 0;
export const READ_DAY = 1;
export const READ_NUMBER = 2;
export const READ_FAST = 3;
export const READ_IN_ROW = 4;
export type ReadFrom = typeof READ_TEXT | typeof READ_DAY | typeof READ_NUMBER | typeof READ_FAST | typeof READ_IN_ROW;

export const visible = (c: number) => c > 32 && c < 127;

/** The fast reader has no answer; the general path decides (and words any refusal). */
export const MISS: unique symbol = Symbol('miss');

/**
 * A reader of typed values from bytes for the column, where it has one. It only answers for values
 * the converter takes as they are (a refusal is always worded by the general path, from the text).
 */
function fastReader(c: ImportPlan['columns'][number], field: FieldInfo | undefined): Slot['fast'] {
  if (field?.choices) return null;
  switch (c.type) {
    case 'number':
    case 'integer':
    case 'percent':
      return null; // numberReader
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

/** A number column's reader: the converter reads a plain number's text exactly as that number (convert.ts). */
function numberReader(
  c: ImportPlan['columns'][number],
  field: FieldInfo | undefined,
  convert: Converter,
): Slot['number'] {
  if (field?.choices || (c.type !== 'number' && c.type !== 'integer' && c.type !== 'percent')) return null;
  return (buf, start, end) => {
    const n = numberAt(buf, start, end);
    if (n === undefined) return NaN;
    const value = convert(n);
    return typeof value === 'number' ? value : NaN;
  };
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
      const fast = fastReader(c, field);
      const number = numberReader(c, field, convert);
      const day = dayReader(c, field, fieldIndex);
      const inRow = c.type === 'text' && !field?.choices && c.field !== null && fieldIndex.has(c.field);
      const read: ReadFrom = day ? READ_DAY : number ? READ_NUMBER : fast ? READ_FAST : inRow ? READ_IN_ROW : READ_TEXT;
      return {
        index: c.index,
        source: c.source,
        convert,
        read,
        fast,
        number,
        day,
        field,
        target: c.field ? (fieldIndex.get(c.field) ?? -1) : -1,
        plan: c,
        stats: { nulls: 0, min: null, max: null, minDay: Infinity, maxDay: -1, rejected: 0 },
        packs: false,
        ranged:
          c.type === 'number' ||
          c.type === 'integer' ||
          c.type === 'percent' ||
          c.type === 'date' ||
          c.type === 'datetime',
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
