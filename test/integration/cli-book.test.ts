// `ladder book` as users script it: the JSON document (rows, cols, cells, rowTotals, colTotals,
// total), the same table as CSV and XLSX files, an owner's book, a comparison date, and clear
// usage errors (exit 2) and failures (exit 1).
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ladder } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
afterAll(() => dir.cleanup());
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '400', '--end-date', '2026-06-01']).status).toBe(0);
});

const base = ['book', '--workspace', workspace, '--pack', 'preset:emerging-ready-filters'];

// Each case runs the real command several times: generous timeouts for a busy CI machine.
describe('ladder book', { timeout: 300_000 }, () => {
  it('--json: rows, cols, cells, margins and total that add up', () => {
    const run = ladder([...base, '--rows', 'owner_csm', '--cols', 'stage', '--measure', 'ready_arr', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ asOf: '2026-06-01', measure: 'ready_arr', unit: 'money', owner: null, compare: null });
    expect(doc.cols).toEqual(['Health first', 'Not ready', 'Emerging', 'Ready']);
    expect(doc.rows.length).toBe(12);
    expect(doc.cells).toHaveLength(doc.rows.length);
    doc.cells.forEach((row: number[], i: number) => {
      expect(row.slice(0, 3)).toEqual([0, 0, 0]); // Ready ARR lives in the Ready column only
      expect(row[3]).toBeCloseTo(doc.rowTotals[i], 6);
    });
    expect(doc.colTotals[3]).toBeCloseTo(doc.total, 6);
    expect(doc.total).toBeGreaterThan(0);
    // Rows are sorted by their total.
    expect([...doc.rowTotals].sort((a: number, b: number) => b - a)).toEqual(doc.rowTotals);
  });

  it('--out F.csv and F.xlsx hold the same table', async () => {
    const csv = join(dir.path, 'book.csv');
    const xlsx = join(dir.path, 'book.xlsx');
    const args = [...base, '--rows', 'segment', '--cols', 'region', '--measure', 'whitespace'];
    expect(ladder([...args, '--out', csv]).status).toBe(0);
    const run = ladder([...args, '--out', xlsx]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Whitespace by Segment × Region written to .*book\.xlsx\./);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Segment \\ Region,.+,Total$/);
    expect(lines.at(-1)).toMatch(/^Total,/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const fromXlsx: string[] = [];
    sheet.eachRow((row) =>
      fromXlsx.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => String(v ?? ''))
          .join(','),
      ),
    );
    expect(fromXlsx).toEqual(lines);
  });

  it("--owner: one CSM's book; --compare: the change since an earlier date", () => {
    const all = JSON.parse(ladder([...base, '--rows', 'segment', '--measure', 'accounts', '--json']).stdout);
    const owner = JSON.parse(ladder([...base, '--rows', 'owner_csm', '--measure', 'accounts', '--json']).stdout)
      .rows[0] as string;
    const mine = JSON.parse(
      ladder([...base, '--rows', 'segment', '--measure', 'accounts', '--owner', owner, '--json']).stdout,
    );
    expect(mine.owner).toBe(owner);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    const delta = JSON.parse(
      ladder([...base, '--rows', 'stage', '--measure', 'accounts', '--compare', '2026-03-02', '--json']).stdout,
    );
    expect(delta.compare.asOf).toBe('2026-03-02');
    expect(delta.total).toBe(0); // the same accounts, moved between stages
    delta.rowTotals.forEach((d: number, i: number) =>
      expect(d).toBe(delta.compare.current.rowTotals[i] - delta.compare.earlier.rowTotals[i]),
    );
    expect(delta.rowTotals.some((d: number) => d !== 0)).toBe(true);
  });

  it('--top N sums the rest as Other; --days N sets the window of won ARR and conversion', () => {
    const json = (args: string[]) =>
      JSON.parse(ladder([...base, '--rows', 'owner_csm', '--measure', 'won_arr', ...args, '--json']).stdout);
    const all = json([]);
    const top = json(['--top', '3']);
    expect(top.rows).toEqual([...all.rows.slice(0, 3), `Other (${all.rows.length - 3})`]);
    expect(top.total).toBeCloseTo(all.total, 6);
    const wins = [30, 90, 365].map((d) => json(['--days', String(d)]).total as number);
    expect(wins[1]).toBeCloseTo(all.total, 6); // 90 days is the default
    expect(wins[0]).toBeLessThan(wins[1]!);
    expect(wins[1]).toBeLessThan(wins[2]!);
  });

  it("ladder export scored --owner: the same owner's accounts as the book counts", () => {
    const byOwner = JSON.parse(ladder([...base, '--rows', 'owner_csm', '--measure', 'accounts', '--json']).stdout);
    const owner = byOwner.rows[1] as string;
    const run = ladder([
      'export',
      'scored',
      '--workspace',
      workspace,
      '--pack',
      'preset:emerging-ready-filters',
      '--owner',
      owner,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\r\n').length - 1).toBe(byOwner.rowTotals[1]);
    const wrong = ladder(['export', 'sql', '--pack', 'preset:emerging-ready-filters', '--owner', owner]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--owner applies to scored only/);
  });

  it('usage errors exit 2 with the usage line; failures exit 1 with one sentence', () => {
    const cases: [string[], number, RegExp][] = [
      [[...base, '--measure', 'arr'], 2, /--rows is required/],
      [[...base, '--rows', 'owner', '--measure', 'arr'], 2, /--rows must be owner_csm, .* not "owner"/],
      [[...base, '--rows', 'segment', '--measure', 'profit'], 2, /--measure must be one of accounts, arr/],
      [[...base, '--rows', 'segment', '--measure', 'arr', '--out', join(dir.path, 'x.pdf')], 2, /\.csv or \.xlsx/],
      [[...base, '--rows', 'segment', '--measure', 'arr', '--as-of', '1/2/2026'], 2, /--as-of must be a date/],
      [[...base, '--rows', 'segment', '--cols', 'segment', '--measure', 'arr'], 1, /pick two fields/],
      [[...base, '--rows', 'segment', '--measure', 'arr', '--owner', 'Nobody'], 1, /No account is owned by "Nobody"/],
      [[...base, '--rows', 'custom.Territory', '--measure', 'arr'], 1, /No account field "custom.Territory"/],
      [[...base, '--rows', 'stage', '--measure', 'arr', '--compare', '2026-09-01'], 1, /must be earlier/],
      [[...base, '--rows', 'stage', '--measure', 'arr', '--top', '0'], 2, /--top must be between 1 and 200, not 0/],
      [[...base, '--rows', 'stage', '--measure', 'arr', '--days', 'x'], 2, /--days must be a whole number/],
    ];
    for (const [args, status, message] of cases) {
      const run = ladder(args);
      expect(run.status, args.join(' ')).toBe(status);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    expect(existsSync(join(dir.path, 'x.pdf'))).toBe(false);
  });
});
