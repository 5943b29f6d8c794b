// The files the import fuzzer starts from: small exports shaped like users' own (Salesforce-style
// headers, currency and percent text, day-first and ISO dates, blanks, accents and CJK names), in
// every format Ladder imports, written by the same kinds of tools users export with.
import ExcelJS from 'exceljs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { createRng } from '#shared/random';

export const importFormats = [
  'csv',
  'tsv-utf16',
  'csv-1252',
  'xlsx',
  'json',
  'ndjson',
  'parquet',
  'arrow-stream',
  'arrow-file',
] as const;
export type FuzzFormat = (typeof importFormats)[number];

export const extensionOf: Record<FuzzFormat, string> = {
  csv: '.csv',
  'tsv-utf16': '.txt',
  'csv-1252': '.csv',
  xlsx: '.xlsx',
  json: '.json',
  ndjson: '.ndjson',
  parquet: '.parquet',
  'arrow-stream': '.arrows',
  'arrow-file': '.arrow',
};

const headers = [
  'Account ID',
  'Account Name',
  'Type',
  'Industry',
  'Billing Country',
  'Annual Revenue',
  'Employees',
  'Renewal Date',
  'Health Score (%)',
];
const names = [
  'Acme Corp',
  'Société Générale',
  '株式会社テスト',
  'Müller GmbH',
  "O'Brien & Sons",
  'Ünal, "Ltd"',
  'Zoë Systems',
  '',
];

function rows(count: number): (string | number | null)[][] {
  const rng = createRng(7);
  return Array.from({ length: count }, (_, i) => [
    `001${String(i).padStart(6, '0')}`,
    rng.pick(names) || null,
    rng.pick(['Customer', 'Customer - Direct', 'Partner', null]),
    rng.pick(['Software', 'Retail', 'Health Care', null]),
    rng.pick(['United States', 'Deutschland', 'France', '日本']),
    rng.chance(0.2) ? null : Math.round(rng.uniform(1e4, 5e6)),
    rng.int(1, 5000),
    rng.chance(0.5)
      ? `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : `${rng.int(1, 28)}/${rng.int(1, 12)}/2025`,
    rng.chance(0.1) ? null : rng.int(0, 100),
  ]);
}

const text = (v: string | number | null) => (v === null ? '' : String(v));
const quoted = (v: string | number | null, delimiter: string) => {
  const s = text(v);
  return /["\n\r]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
};
const delimited = (data: (string | number | null)[][], delimiter: string) =>
  [headers, ...data].map((r) => r.map((v) => quoted(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';

function windows1252(s: string): Buffer {
  // Only characters Windows-1252 has; the CJK names become question marks, as Excel writes them.
  return Buffer.from(s.replace(/[^\u0020-\u00ff\r\n\t]/g, '?'), 'latin1');
}

async function xlsx(data: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Accounts');
  sheet.addRow(headers);
  for (const r of data)
    sheet.addRow(r.map((v, i) => (i === 7 && typeof v === 'string' && v.startsWith('2025-') ? new Date(v) : v)));
  book.addWorksheet('Notes').addRow(['exported', new Date(Date.UTC(2025, 0, 6))]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function parquet(data: (string | number | null)[][]): Buffer {
  return Buffer.from(
    parquetWriteBuffer({
      columnData: headers.map((name, j) => {
        const numeric = j === 5 || j === 6 || j === 8;
        return {
          name,
          data: data.map((r) => (numeric ? (r[j] as number | null) : r[j] === null ? null : String(r[j]))),
          type: numeric ? ('DOUBLE' as const) : ('STRING' as const),
          nullable: true,
        };
      }),
      rowGroupSize: 12,
    }),
  );
}

function arrow(data: (string | number | null)[][], as: 'stream' | 'file'): Buffer {
  const columns = Object.fromEntries(
    headers.map((name, j) => [
      name,
      j === 6
        ? Int32Array.from(data, (r) => Number(r[j]))
        : j === 5 || j === 8
          ? Float64Array.from(data, (r) => (r[j] === null ? NaN : Number(r[j])))
          : data.map((r) => (r[j] === null ? null : String(r[j]))),
    ]),
  );
  const table = tableFromArrays(columns);
  // Two record batches (and their dictionaries), so a change can land in a later one too.
  const half = Math.floor(table.numRows / 2);
  return Buffer.from(tableToIPC(table.slice(0, half).concat(table.slice(half)), as));
}

/** The base file of each format, 30 accounts. */
export async function baseFiles(): Promise<Record<FuzzFormat, Buffer>> {
  const data = rows(30);
  const json = data.map((r) => Object.fromEntries(headers.map((h, j) => [h, r[j]])));
  return {
    csv: Buffer.from(delimited(data, ','), 'utf8'),
    'tsv-utf16': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(delimited(data, '\t'), 'utf16le')]),
    'csv-1252': windows1252(delimited(data, ';')),
    xlsx: await xlsx(data),
    json: Buffer.from(JSON.stringify(json, null, 1), 'utf8'),
    ndjson: Buffer.from(
      json.map((o) => JSON.stringify({ ...o, meta: { source: 'crm', tags: ['a', 'b'] } })).join('\n') + '\n',
      'utf8',
    ),
    parquet: parquet(data),
    'arrow-stream': arrow(data, 'stream'),
    'arrow-file': arrow(data, 'file'),
  };
}
