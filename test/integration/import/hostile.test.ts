// Files built to hurt: each gets one clear sentence and exit 1, never a crash, and the workspace
// is left exactly as it was. Plus the encodings Excel and CRMs write, decoded exactly.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { runLadder } from '../../helpers/run-cli';
import { sha256, tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());
const ws = join(dir.path, 'w.ladder');
const file = (name: string, content: string | Buffer) => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  expect(
    (
      await runLadder([
        'import',
        file('seed.csv', 'account_id,name\nA1,Acme\n'),
        '--workspace',
        ws,
        '--kind',
        'accounts',
      ])
    ).status,
  ).toBe(0);
});

async function refused(path: string, pattern: RegExp, kind = 'accounts') {
  const before = sha256(ws);
  const run = await runLadder(['import', path, '--workspace', ws, '--kind', kind]);
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/at .*\.js:\d+|TypeError|RangeError/);
  expect(sha256(ws)).toBe(before);
}

describe('hostile files', () => {
  it('empty', async () => refused(file('empty.csv', ''), /empty\.csv is empty\./));
  it('header only', async () => refused(file('header.csv', 'account_id,name\n'), /has a header row but no data rows/));
  it('binary', async () =>
    refused(
      file('binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])),
      /looks like a binary file, not text: it has a NUL byte at byte 4/,
    ));
  it('truncated quote', async () =>
    refused(file('quote.csv', 'account_id,name\nA2,"Acme\nA3,Beta\n'), /line 2: a quoted field is never closed/));
  it('10,000 columns', async () =>
    refused(
      file('wide.csv', `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`),
      /more than 4,096 columns/,
    ));
  it('a 2 GB sparse file', async () => {
    const path = join(dir.path, 'sparse.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2 * 2 ** 30);
    closeSync(fd);
    refused(path, /binary file, not text: it has a NUL byte at byte 0/);
  });
  it('no account id column', async () =>
    refused(file('noid.csv', 'name,arr\nAcme,10\n'), /No column is mapped to Account ID \(account_id\)/));
  it('a failed import into a new workspace leaves no file behind', async () => {
    const target = join(dir.path, 'never.ladder');
    const run = await runLadder(['import', join(dir.path, 'empty.csv'), '--workspace', target, '--kind', 'accounts']);
    expect(run.status).toBe(1);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}-wal`)).toBe(false);
  });

  it('a 5 MB cell is read whole', async () => {
    const big = 'x'.repeat(5 * 2 ** 20);
    const run = await runLadder([
      'import',
      file('big.csv', `account_id,name,notes\nB1,Big,"${big}"\n`),
      '--workspace',
      join(dir.path, 'big.ladder'),
      '--kind',
      'accounts',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const db = new Database(join(dir.path, 'big.ladder'), { readonly: true });
    expect(db.prepare("SELECT length(json_extract(custom, '$.notes')) FROM accounts").pluck().get()).toBe(big.length);
    db.close();
  });

  it('duplicated headers and a __proto__ header are just names', async () => {
    const run = await runLadder([
      'import',
      file('dup.csv', 'account_id,name,name,__proto__,constructor\nD1,One,Two,polluted,x\n'),
      '--workspace',
      join(dir.path, 'dup.ladder'),
      '--kind',
      'accounts',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.columns.map((c) => c.name)).toEqual(['account_id', 'name', 'name (2)', '__proto__', 'constructor']);
    expect(report.warnings).toContain('Column 3 repeats the header "name"; it is called "name (2)".');
    const db = new Database(join(dir.path, 'dup.ladder'), { readonly: true });
    expect(JSON.parse(db.prepare('SELECT custom FROM accounts').pluck().get() as string)).toEqual({
      'name (2)': 'Two',
      ['__proto__']: 'polluted',
      constructor: 'x',
    });
    db.close();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bad values abort the whole import with row, column, value and reason', async () => {
    const before = sha256(ws);
    // A saved mapping file says what "Annual value" is; its one bad value must not slip through.
    const mapping = file(
      'mapping.json',
      JSON.stringify({
        kind: 'accounts',
        columns: { Account: 'account_id', 'Annual value': { field: 'arr', type: 'number' } },
      }),
    );
    writeFileSync(join(dir.path, 'bad.csv'), 'Account,name,Annual value\nC1,Ok,"$1,100"\nC2,Bad,lots\n');
    const run = await runLadder([
      'import',
      join(dir.path, 'bad.csv'),
      '--workspace',
      ws,
      '--mapping',
      mapping,
      '--json',
    ]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report).toMatchObject({
      committed: false,
      rowsRead: 2,
      rowsRejected: 1,
      rejected: [{ row: 3, column: 'Annual value', value: 'lots', reason: 'not a number' }],
    });
    expect(run.stderr).toMatch(
      /Nothing was imported: 1 of 2 rows were rejected \(first: row 3, column "Annual value", value "lots": not a number\)/,
    );
    expect(sha256(ws)).toBe(before);
    const skip = await runLadder([
      'import',
      join(dir.path, 'bad.csv'),
      '--workspace',
      ws,
      '--mapping',
      mapping,
      '--on-error',
      'skip',
      '--json',
    ]);
    expect(JSON.parse(skip.stdout)).toMatchObject({ committed: true, rowsImported: 1, rowsRejected: 1 });
    const db = new Database(ws, { readonly: true });
    expect(db.prepare("SELECT arr FROM accounts WHERE id = 'C1'").pluck().get()).toBe(1100);
    db.close();
  });

  it('an ambiguous date column must be decided, never guessed', async () => {
    const path = file('dates.csv', 'account_id,name,renewal_date\nE1,A,01/02/2025\nE2,B,03/04/2025\n');
    const run = await runLadder(['import', path, '--workspace', ws, '--kind', 'accounts']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /Column "renewal_date": every date reads both day-first and month-first \(e\.g\. "01\/02\/2025"\); choose DMY or MDY/,
    );
    const decided = await runLadder([
      'import',
      path,
      '--workspace',
      ws,
      '--kind',
      'accounts',
      '--date-order',
      'DMY',
      '--json',
    ]);
    expect(decided.status).toBe(0);
    expect(JSON.parse(decided.stdout).columns[2]).toMatchObject({ min: '2025-02-01', max: '2025-04-03' });
  });
});

describe('encodings', () => {
  const text = 'account_id,name,city\nE1,Café Müller,Zürich\nE2,Señor Ñandú,São Paulo\nE3,“Quoted” – dash,€uro\n';
  const expected = [
    ['E1', 'Café Müller', 'Zürich'],
    ['E2', 'Señor Ñandú', 'São Paulo'],
    ['E3', '“Quoted” – dash', '€uro'],
  ];
  const win1252 = (s: string) =>
    Buffer.from([...s].map((ch) => ({ '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 })[ch] ?? ch.charCodeAt(0)));
  const utf16 = (s: string) =>
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(s.replaceAll(',', '\t').replaceAll('\n', '\r\n'), 'utf16le'),
    ]);
  const fixtures: [string, Buffer, string][] = [
    ['utf8.csv', Buffer.from(text, 'utf8'), 'utf-8'],
    ['utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['unicode-text.txt', utf16(text), 'utf-16le'],
    ['windows-1252.csv', win1252(text), 'windows-1252'],
  ];
  for (const [name, bytes, encoding] of fixtures) {
    it(`${name} decodes exactly`, async () => {
      const target = join(dir.path, `${name}.ladder`);
      const run = await runLadder(['import', file(name, bytes), '--workspace', target, '--kind', 'accounts', '--json']);
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as ImportReport;
      expect(report.source.encoding).toBe(encoding);
      expect(report.columns.map((c) => c.name)).toEqual(['account_id', 'name', 'city']);
      const db = new Database(target, { readonly: true });
      const rows = db
        .prepare("SELECT id, name, json_extract(custom, '$.city') AS city FROM accounts ORDER BY id")
        .raw()
        .all() as string[][];
      db.close();
      expect(rows).toEqual(expected);
      expect(rows.flat().join('')).not.toMatch(/[\uFEFF\uFFFD]/);
    });
  }
});
