// Pass two, per row: the plan turns cells into a record of canonical values (in the order of the
// kind's field list) plus the custom fields as JSON, or into rejections with row, column, raw
// value and reason. Column statistics for the report are gathered on the typed values.
import { INVALID, invalidReason, type Typed } from '#shared/import/convert';
import { fieldsByKind } from '#shared/import/fields';
import type { ImportPlan } from '#shared/import/mapping';
import type { Cell } from '#shared/import/profile';
import type { ColumnReport, RejectedValue } from '#shared/import/report';
import { ImportFailure } from './failure';
import { isoOfDayNumber } from './raw-cells';
import { extremes, MISS, ordered, READ_DAY, READ_FAST, READ_NUMBER, READ_TEXT, slotsOf, visible } from './record-slots';
import { QUOTED, type RawRow } from './text/csv-scanner';

export interface RecordOut {
  /** One slot per field of the kind (fieldsByKind order); undefined = not mapped. */
  values: Typed[];
  custom: string | null;
  row: number;
  line: number;
}

/**
 * Where a row's values go as the builder reads them: into a record (`build`, `buildRaw`) or straight
 * into a batch (`packRaw`, batch.ts). Each filled position is set exactly once per row, in the order
 * of `filledPositions`; a refused row is aborted after some of its values were set.
 */
export interface RowSink {
  begin(): void;
  set(position: number, value: Typed): void;
  number(position: number, value: number): void;
  /** The value is the text of `buf` from `from` to `to` (plain text left in a scanned row). */
  bytes(position: number, buf: Uint8Array, from: number, to: number): void;
  /** The value is the day YYYYMMDD, as its ISO text. */
  day(position: number, day: number): void;
  end(custom: string | null, row: number, line: number): void;
  abort(): void;
}

export interface RecordBuilder {
  /** The record, or null when the row is rejected (its reasons are in `rejections`). */
  build(cells: readonly Cell[], row: number, line: number, rejections: RejectedValue[]): RecordOut | null;
  /**
   * The same from a scanned CSV row, reading numbers, dates and flags straight from its bytes and
   * (plain text decoded from them). Pass two uses packRaw instead; this one makes records to compare.
   */
  buildRaw(raw: RawRow, row: number, line: number, rejections: RejectedValue[]): RecordOut | null;
  /** The same, its values written straight into `sink` (a batch's row writer); false when refused. */
  packRaw(raw: RawRow, row: number, line: number, rejections: RejectedValue[], sink: RowSink): boolean;
  /** Which fields of the kind this plan fills (mapped columns or constants). */
  readonly mappedFields: ReadonlySet<string>;
  /**
   * Their positions in a record, in the order a row's values are set (constants, then columns):
   * every other field is unset in every record.
   */
  readonly filledPositions: number[];
  readonly hasCustom: boolean;
  /** Fields in a record of this kind. */
  readonly recordWidth: number;
  rowsWithTextKept: number;
  columnReports(): ColumnReport[];
}

export function createRecordBuilder(plan: ImportPlan, headers: readonly string[]): RecordBuilder {
  const fields = fieldsByKind[plan.kind];
  const fieldIndex = new Map(fields.map((f, i) => [f.id, i]));
  const slots = slotsOf(plan, fields, fieldIndex);
  // A column mapped to a field replaces its constant, as it always has.
  const constants = plan.constants
    .filter((c) => fieldIndex.has(c.field) && !slots.some((s) => s.target === fieldIndex.get(c.field)))
    .map((c) => ({ target: fieldIndex.get(c.field)!, value: c.value }));
  for (const c of plan.constants)
    if (typeof c.value === 'string' && c.value.includes('\u0000'))
      throw new ImportFailure(`The constant for ${c.field} contains a NUL character (U+0000); remove it.`);
  const mappedFields = new Set([
    ...slots.filter((s) => s.field).map((s) => s.field!.id),
    ...plan.constants.map((c) => c.field),
  ]);
  const required = fields.map((f, i) => (f.required ? i : -1)).filter((i) => i >= 0 && mappedFields.has(fields[i]!.id));
  const customSlots = slots.filter((s) => s.target === -1);
  const width = headers.length;

  // Which required fields this row has filled with a value (reset for each row).
  const got = new Uint8Array(fields.length);
  let record: RecordOut | null = null;
  let values: Typed[] = [];
  /** Values into a record, as `build` and `buildRaw` return them. */
  const toRecord: RowSink = {
    begin() {
      values = new Array<Typed>(fields.length);
    },
    set(position, value) {
      values[position] = value;
    },
    number(position, value) {
      values[position] = value;
    },
    bytes(position, buf, from, to) {
      values[position] = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
    },
    day(position, day) {
      values[position] = isoOfDayNumber(day);
    },
    end(custom, row, line) {
      record = { values, custom, row, line };
    },
    abort() {
      record = null;
    },
  };

  /** One row, from its cells or from a scanned CSV row (exactly one of the two), into `sink`. */
  function buildRow(
    cells: readonly Cell[] | null,
    raw: RawRow | null,
    row: number,
    line: number,
    rejections: RejectedValue[],
    sink: RowSink,
  ): boolean {
    const count = raw ? raw.count : cells!.length;
    if (count > width) {
      for (let i = width; i < count; i++) {
        const extra = raw ? raw.passing(i) : cells![i]!;
        if (extra !== null && extra !== '') {
          rejections.push({
            row,
            line,
            column: `(field ${i + 1})`,
            value: String(extra).slice(0, 200),
            reason: `the row has ${count} fields but the header has ${width}`,
          });
          return false;
        }
      }
    }
    sink.begin();
    for (const i of required) got[i] = 0;
    for (const c of constants) {
      sink.set(c.target, c.value);
      if (c.value !== null) got[c.target] = 1;
    }
    let custom: Record<string, Typed> | null = null;
    let bad = false;
    let keptText = false;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k]!;
      let cell: Cell = null;
      let value: Typed | typeof INVALID | typeof MISS = MISS;
      if (s.index < count) {
        // A field whose text is its bytes as they stand (not quoted, or quoted with no `""` and
        // nothing after the closing quote) can be read without decoding it.
        const f = s.index;
        const flags = raw === null || s.read === READ_TEXT ? -1 : raw.flags[f]!;
        if (flags === 0 || (flags === QUOTED && raw!.tail[f] === raw!.end[f]! + 1)) {
          const { buf, nulFree } = raw!;
          const from = raw!.start[f]!;
          const to = raw!.end[f]!;
          const st = s.stats;
          if (s.read === READ_NUMBER) {
            const n = s.number!(buf, from, to);
            if (!Number.isNaN(n)) {
              if (st.min === null || (typeof st.min === 'number' ? n < st.min : ordered(n, st.min) < 0)) st.min = n;
              if (st.max === null || (typeof st.max === 'number' ? n > st.max : ordered(n, st.max) > 0)) st.max = n;
              if (s.packs) {
                sink.number(s.target, n);
                got[s.target] = 1;
              } else if (s.target < 0) {
                custom ??= Object.create(null) as Record<string, Typed>;
                custom[s.source] = n;
              }
              continue;
            }
          } else if (s.read === READ_DAY) {
            const day = s.day!(buf, from, to);
            if (day >= 0) {
              if (day < st.minDay) st.minDay = day;
              if (day > st.maxDay) st.maxDay = day;
              if (s.packs) {
                sink.day(s.target, day);
                got[s.target] = 1;
              }
              continue;
            }
          } else if (s.read === READ_FAST) value = s.fast!(buf, from, to);
          else if (nulFree && to > from && visible(buf[from]!) && visible(buf[to - 1]!)) {
            // Not blank, and no NUL in this file: the text converter would keep it as it is.
            if (s.packs) {
              sink.bytes(s.target, buf, from, to);
              got[s.target] = 1;
            }
            continue;
          }
        }
        if (value === MISS) {
          cell = raw ? raw.passing(f) : cells![f]!;
          value = s.convert(cell);
        }
      } else value = s.convert(null);
      // Text travels NUL-separated between the threads (batch.ts); no export shows a NUL anyway.
      if (typeof value === 'string' && value.includes('\u0000')) {
        s.stats.rejected++;
        rejections.push({
          row,
          line,
          column: s.source,
          value: value.replaceAll('\u0000', '\\u0000').slice(0, 200),
          reason: 'contains a NUL character (U+0000), which no text field may hold',
        });
        bad = true;
        continue;
      }
      if (value === INVALID) {
        s.stats.rejected++;
        const keep = plan.onError === 'text' && !s.field?.required;
        rejections.push({
          row,
          line,
          column: s.source,
          value: String(cell).slice(0, 200),
          reason: invalidReason(s.plan, s.field, cell) + (keep ? ' (kept as text)' : ''),
        });
        if (!keep) {
          bad = true;
          continue;
        }
        keptText = true;
        custom ??= Object.create(null) as Record<string, Typed>;
        custom[s.source] = String(cell);
        value = null;
      } else if (value === null) s.stats.nulls++;
      else if (s.ranged) {
        if (s.stats.min === null || ordered(value as number | string, s.stats.min) < 0)
          s.stats.min = value as number | string;
        if (s.stats.max === null || ordered(value as number | string, s.stats.max) > 0)
          s.stats.max = value as number | string;
      }
      if (s.target >= 0) {
        if (s.packs) {
          sink.set(s.target, value);
          if (value !== null) got[s.target] = 1;
        }
      } else if (value !== null) {
        custom ??= Object.create(null) as Record<string, Typed>;
        custom[s.source] = value;
      }
    }
    for (const i of required) {
      if (got[i] === 0) {
        const f = fields[i]!;
        const s = slots.find((x) => x.target === i);
        if (!bad)
          rejections.push({
            row,
            line,
            column: s?.source ?? f.id,
            value: '',
            reason: `${f.label} is blank, and ${plan.kind} need it`,
          });
        bad = true;
      }
    }
    if (bad) {
      sink.abort();
      return false;
    }
    if (keptText) builder.rowsWithTextKept++;
    sink.end(custom ? JSON.stringify(custom) : null, row, line);
    return true;
  }
  const recordOf = (made: boolean) => (made ? record : null);

  const builder: RecordBuilder = {
    mappedFields,
    filledPositions: [...constants.map((c) => c.target), ...slots.filter((s) => s.packs).map((s) => s.target)],
    hasCustom: customSlots.length > 0,
    recordWidth: fields.length,
    rowsWithTextKept: 0,
    build: (cells, row, line, rejections) => recordOf(buildRow(cells, null, row, line, rejections, toRecord)),
    buildRaw: (raw, row, line, rejections) => recordOf(buildRow(null, raw, row, line, rejections, toRecord)),
    packRaw: (raw, row, line, rejections, sink) => buildRow(null, raw, row, line, rejections, sink),
    columnReports() {
      return plan.columns.map((c) => {
        const s = slots.find((x) => x.index === c.index);
        const dateLike = c.type === 'date' || c.type === 'datetime';
        const iso = (v: number | string | null) => (dateLike && typeof v === 'string' ? v.slice(0, 10) : v);
        const { min, max } = s ? extremes(s.stats) : { min: null, max: null };
        return {
          name: c.source,
          field: c.skip ? null : (c.field ?? `custom:${c.source}`),
          type: c.type,
          nulls: s?.stats.nulls ?? 0,
          min: iso(min),
          max: iso(max),
          rejected: s?.stats.rejected ?? 0,
        };
      });
    },
  };
  return builder;
}
