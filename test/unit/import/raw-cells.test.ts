// Pass two reads numbers, dates and yes/no words straight from a CSV field's bytes (raw-cells.ts,
// RecordBuilder.buildRaw). Those fast paths must give exactly what the general path gives from the
// decoded text: every value, refusal, report statistic. The oracle is the general path itself, on a
// corpus of the shapes exports have and of near misses.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnPlan, ImportPlan, OnError } from '#shared/import/mapping';
import type { RejectedValue } from '#shared/import/report';
import { parseBoolean, parseDate, parseNumber, type DateOrder } from '#shared/import/values';
import { createRng } from '#shared/random';
import { booleanAt, dateAt, numberAt } from '../../../electron/backend/import/raw-cells';
import { createBatchPacker, unpackBatch } from '../../../electron/backend/import/batch';
import { createRecordBuilder } from '../../../electron/backend/import/records';
import { readDelimited } from '../../../electron/backend/import/sources/delimited';
import type { RawRow } from '../../../electron/backend/import/text/csv-scanner';
import { tempDir } from '../../helpers/temp';

const rng = createRng(23);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rng.next() * 10))).join('');
const bytes = (text: string) => Buffer.from(text, 'utf8');

function numberTexts(): string[] {
  const out = ['0', '-0', '+0', '.5', '5.', '-.5', '1,234', '1,234.50', '12,34', '1,2345', ',123', '1,234.', '007'];
  out.push('9007199254740993', '123456789012345', '1234567890123456', '0.1', '0.30000000000000004', '1e3', '1,000e3');
  out.push('', ' 5', '5 ', '$5', '5%', '(5)', '-', '+', '.', 'NaN', 'null', '1.2.3', '1,,234', '٣', '1_000');
  for (let i = 0; i < 6000; i++) {
    const sign = pick(['', '', '-', '+']);
    const whole = pick([digits(1), digits(2), digits(3), digits(4), digits(7), digits(12), digits(16), '']);
    const grouped = rng.next() < 0.3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
    const point = pick(['', '.', `.${digits(1)}`, `.${digits(2)}`, `.${digits(6)}`, `.${digits(14)}`]);
    out.push(`${sign}${grouped}${point}${rng.next() < 0.05 ? pick(['%', 'e2', ' ', 'x']) : ''}`);
  }
  return out;
}

function dateTexts(): string[] {
  const out = ['2024-02-29', '2023-02-29', '0000-01-01', '9999-12-31', '2024-13-01', '2024-1-01', '1/1/2024'];
  out.push('12/31/1999', '31.12.2024', '31/12/24', '5 Jan 2024', '2024-01-05T10:00:00Z', '2024-01-05 10:00', '');
  for (let i = 0; i < 3000; i++) {
    const [m, d] = [1 + Math.floor(rng.next() * 12), 1 + Math.floor(rng.next() * 31)];
    out.push(rng.next() < 0.5 ? `${m}/${d}/20${digits(2)}` : `20${digits(2)}-${String(m).padStart(2, '0')}-${d}`);
  }
  for (let i = 0; i < 6000; i++) {
    const sep = pick(['/', '.', '-', '-', 'x']);
    const part = () => pick(['0', '00', '1', '9', '12', '13', '29', '30', '31', '32', digits(1), digits(2), digits(3)]);
    out.push(
      rng.next() < 0.4
        ? `${digits(pick([3, 4, 4, 5]))}-${digits(pick([1, 2, 2]))}-${digits(pick([1, 2, 2]))}`
        : `${part()}${sep}${part()}${rng.next() < 0.9 ? sep : '/'}${pick([digits(4), digits(4), digits(2), '2024'])}`,
    );
  }
  return out;
}

const booleanTexts = [
  'TRUE',
  'False',
  'yes',
  'No',
  'Y',
  'n',
  '1',
  '0',
  't',
  'F',
  'truth',
  ' yes',
  'oui',
  '',
  'NULL',
  'N/A',
];

it('numberAt reads a field as parseNumber reads its text, and answers for the plain and grouped shapes', () => {
  let answered = 0;
  for (const text of numberTexts()) {
    const fast = numberAt(bytes(text), 0, bytes(text).length);
    if (fast === undefined) continue;
    answered++;
    const general = parseNumber(text);
    expect(general, text).toEqual({ value: fast, percent: false });
    expect(Object.is(general!.value, fast), text).toBe(true); // -0 stays -0
  }
  expect(answered).toBeGreaterThan(3000);
  expect(numberAt(bytes('x1,234.5x'), 1, 8)).toBe(1234.5); // a range inside a larger chunk
});

it.each<DateOrder | undefined>([undefined, 'MDY', 'DMY'])('dateAt reads a field as parseDate does (%s)', (order) => {
  let answered = 0;
  for (const text of dateTexts()) {
    const fast = dateAt(bytes(text), 0, bytes(text).length, order);
    if (fast === undefined) continue;
    answered++;
    expect(parseDate(text, order), text).toEqual({ date: fast, dateTime: null });
  }
  expect(answered).toBeGreaterThan(1000);
});

it('booleanAt reads a field as parseBoolean does', () => {
  for (const text of booleanTexts) {
    const fast = booleanAt(bytes(text), 0, bytes(text).length);
    if (fast !== undefined) expect(parseBoolean(text), text).toBe(fast);
  }
  expect(booleanTexts.filter((t) => booleanAt(bytes(t), 0, t.length) !== undefined)).toHaveLength(10);
});

// ---- the whole record: fast and general paths over one file -------------------------------------

const column = (index: number, source: string, field: string | null, type: ColumnPlan['type'], more = {}) =>
  ({
    index,
    source,
    field,
    skip: false,
    type,
    dateOrder: null,
    needsDateOrder: false,
    numericDates: null,
    percentScale: null,
    confidence: 1,
    reason: 'test',
    detail: 'test',
    ...more,
  }) satisfies ColumnPlan;

const columns: ColumnPlan[] = [
  column(0, 'Id', 'account_id', 'text'),
  column(1, 'ARR', 'arr', 'number'),
  column(2, 'Employees', 'employees', 'integer'),
  column(3, 'Renewal', 'renewal_date', 'date', { dateOrder: 'MDY' }),
  column(4, 'Buyer', 'economic_buyer_known', 'boolean'),
  column(5, 'Segment', 'segment', 'text'),
  column(6, 'Share', null, 'percent'),
  column(7, 'Share 100', null, 'percent', { percentScale: 'fraction' }),
  column(8, 'Mixed', null, 'number', { percentScale: 'hundred' }),
  column(9, 'Day first', null, 'date', { dateOrder: 'DMY' }),
  column(10, 'Any order', null, 'datetime'),
  column(11, 'Serial', null, 'date', { numericDates: 'excel' }),
  column(12, 'Note', null, 'text'),
];

const quote = (text: string) =>
  /[",\n\r]/.test(text) || rng.next() < 0.2 ? `"${text.replaceAll('"', '""')}"${rng.next() < 0.03 ? 'x' : ''}` : text;

function writeCorpus(path: string, ascii: boolean): void {
  // Mostly values that read (so rows get through), with the near misses mixed in.
  const fits = (t: string) => !ascii || /^[\x20-\x7e]*$/.test(t);
  const numberCorpus = numberTexts().filter(fits);
  const dateCorpus = dateTexts().filter(fits);
  const numbers = numberCorpus.filter((t) => rng.next() < 0.1 || numberAt(bytes(t), 0, bytes(t).length) !== undefined);
  const dates = dateCorpus.filter((t) => rng.next() < 0.1 || parseDate(t, 'MDY') !== undefined);
  const lines = [columns.map((c) => c.source).join(',')];
  for (let i = 0; i < 4000; i++) {
    const cells = [
      rng.next() < 0.02 ? '' : `A${i}`,
      pick(numbers),
      pick(numbers),
      pick(dates),
      pick(booleanTexts),
      pick(['SMB', 'mid market', 'Enterprise', 'ent', 'Whale', '', ' SMB ']),
      pick(numbers),
      pick(numbers),
      pick(numbers),
      pick(dates),
      pick(dates),
      pick([...dates.slice(0, 20), '45000', '45000.5', '1']),
      pick(['plain', 'with "quotes"', 'comma, inside', ascii ? 'Unicode' : 'Ünïcødé', '  ', '', 'line\nbreak']),
    ];
    if (rng.next() < 0.01) cells.push(pick(['', 'extra']));
    lines.push(cells.map(quote).join(','));
  }
  const text = `${lines.join('\r\n')}\n`;
  expect(Buffer.from(text).length === text.length).toBe(ascii);
  writeFileSync(path, text);
}

async function readBoth(path: string, plan: ImportPlan) {
  const headers = columns.map((c) => c.source);
  const read = async (raw: boolean, direct = false) => {
    const builder = createRecordBuilder(plan, headers);
    // Through the hand-off too: as records (buildRaw), and as pass two writes scanned rows straight
    // into the batch (packRaw, plain text copied from the row's bytes), in filledPositions order.
    const packer = createBatchPacker(100_000, direct ? builder.filledPositions : undefined);
    const writeRow = packer.rowWriter(builder.recordWidth);
    let refused = 0;
    const rejections: RejectedValue[] = [];
    await readDelimited(
      { path, fileName: 'corpus.csv', bytes: 1 },
      {
        header: () => {},
        row: (cells, row, line) => {
          const record = builder.build(cells, row, line, rejections);
          if (record) packer.add(record);
          else refused++;
        },
        ...(raw
          ? {
              rawRow: (r: RawRow, row: number, line: number) => {
                if (direct) {
                  if (!builder.packRaw(r, row, line, rejections, writeRow)) refused++;
                  return;
                }
                const record = builder.buildRaw(r, row, line, rejections);
                if (record) packer.add(record);
                else refused++;
              },
            }
          : {}),
      },
    );
    const records = unpackBatch(packer.take([], 0, 0));
    return { records, refused, rejections, reports: builder.columnReports(), kept: builder.rowsWithTextKept };
  };
  return { general: await read(false), fast: await read(true), direct: await read(true, true) };
}

// An all-ASCII chunk is decoded once and cut into fields; any other, field by field.
it.each<[OnError, boolean]>([
  ['skip', true],
  ['text', true],
  ['skip', false],
  ['text', false],
])('a file reads the same by either path (onError %s, ASCII %s)', async (onError, ascii) => {
  const dir = tempDir();
  try {
    const path = join(dir.path, 'corpus.csv');
    writeCorpus(path, ascii);
    const plan: ImportPlan = {
      kind: 'accounts',
      columns,
      constants: [],
      onError,
      presetId: null,
      blockers: [],
      notes: [],
      grain: null,
      rollUp: false,
      outcomes: null,
    };
    const { general, fast, direct } = await readBoth(path, plan);
    expect(general.records.length + general.refused).toBe(4000);
    expect(general.records.length).toBeGreaterThan(50); // not all refused
    expect(general.rejections.length).toBeGreaterThan(1000); // and the refusals are exercised too
    expect(fast).toEqual(general);
    expect(direct).toEqual(general);
  } finally {
    dir.cleanup();
  }
});
