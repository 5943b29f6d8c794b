// The commit contract, through the API handlers on real workspace files: upsert with undo that
// restores overwritten values, cancel that leaves the workspace as it was, the typed formats, and
// a SIGKILL in the middle of a large import.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import ExcelJS from 'exceljs';
import { parquetWriteFile } from 'hyparquet-writer';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { createSession } from '../../../electron/backend/session';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import type { ImportAnalysis, ImportJobStatus, ImportReport } from '#shared/import/report';
import type { MappingSpec } from '#shared/import/mapping';
import { repoRoot, sha256, tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function setup(name: string) {
  const path = join(dir.path, name);
  (await openWorkspace(path, { create: true })).db.close();
  const session = createSession(dir.path);
  const dispatch = createBackendDispatch(session);
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const result = await dispatch(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  await call('workspace.open', { path });
  const wait = async <T>(jobId: string): Promise<ImportJobStatus<T>> => {
    for (;;) {
      const status = await call<ImportJobStatus<T>>('import.job', { jobId });
      if (
        status.progress.phase === 'done' ||
        status.progress.phase === 'failed' ||
        status.progress.phase === 'cancelled'
      )
        return status;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const importFile = async (file: string, kind: string, spec: MappingSpec = {}, dryRun = false) => {
    const analysed = await wait<ImportAnalysis>(
      (await call<{ jobId: string }>('import.analyze', { path: file, kind, spec })).jobId,
    );
    if (analysed.error) throw new Error(analysed.error.message);
    const run = await wait<ImportReport>(
      (await call<{ jobId: string }>('import.run', { fileToken: analysed.result!.fileToken, kind, spec, dryRun }))
        .jobId,
    );
    if (run.error) throw new Error(run.error.message);
    return { analysis: analysed.result!, report: run.result! };
  };
  const rows = (sql: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  return { path, session, call, wait, importFile, rows };
}

const csv = (name: string, text: string) => {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
};

describe('commit and undo', () => {
  it('upserts by key, and undo removes its rows and restores what it overwrote', async () => {
    const t = await setup('undo.ladder');
    const first = await t.importFile(
      csv('a1.csv', 'account_id,name,arr,tier\nA1,Acme,100,Growth\nA2,Beta,200,Starter\n'),
      'accounts',
    );
    expect(first.report).toMatchObject({ committed: true, inserted: 2, updated: 0 });
    const second = await t.importFile(csv('a2.csv', 'account_id,arr\nA2,250\nA3,300\n'), 'accounts');
    expect(second.report).toMatchObject({ committed: true, inserted: 1, updated: 1 });
    // Only mapped columns change on update: Beta keeps its name and tier.
    expect(t.rows('SELECT id, name, arr, tier FROM accounts ORDER BY id')).toEqual([
      { id: 'A1', name: 'Acme', arr: 100, tier: 'Growth' },
      { id: 'A2', name: 'Beta', arr: 250, tier: 'Starter' },
      { id: 'A3', name: 'A3', arr: 300, tier: null },
    ]);
    await expect(t.call('import.undo', { importId: first.report.importId })).rejects.toThrow(
      /cannot be undone while #2 is in place/,
    );
    expect(await t.call('import.undo', { importId: second.report.importId })).toEqual({
      importId: 2,
      removed: 1,
      restored: 1,
    });
    expect(t.rows('SELECT id, name, arr, tier FROM accounts ORDER BY id')).toEqual([
      { id: 'A1', name: 'Acme', arr: 100, tier: 'Growth' },
      { id: 'A2', name: 'Beta', arr: 200, tier: 'Starter' },
    ]);
    expect(await t.call('import.undo', { importId: first.report.importId })).toMatchObject({ removed: 2 });
    expect(t.rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 0 }]);
    const history = await t.call<{ id: number; undoneAt: string | null }[]>('import.history', {});
    expect(history.map((h) => [h.id, h.undoneAt !== null])).toEqual([
      [2, true],
      [1, true],
    ]);
  });

  it('a dry run reports without writing', async () => {
    const t = await setup('dry.ladder');
    const before = sha256(t.path);
    const { report } = await t.importFile(csv('dry.csv', 'account_id,name\nD1,Dry\n'), 'accounts', {}, true);
    expect(report).toMatchObject({ dryRun: true, committed: false, rowsImported: 1, importId: null });
    expect(t.rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 0 }]);
    expect(sha256(t.path)).toBe(before);
  });

  it('cancel in the middle leaves the workspace as it was', async () => {
    const t = await setup('cancel.ladder');
    await t.importFile(csv('seed.csv', 'account_id,name\nS1,Seed\n'), 'accounts');
    const lines = ['account_id,name,arr'];
    for (let i = 0; i < 300_000; i++) lines.push(`X${i},Company ${i},${i}`);
    const big = csv('big.csv', lines.join('\n'));
    const analysed = await t.wait<ImportAnalysis>(
      (await t.call<{ jobId: string }>('import.analyze', { path: big, kind: 'accounts' })).jobId,
    );
    const { jobId } = await t.call<{ jobId: string }>('import.run', {
      fileToken: analysed.result!.fileToken,
      kind: 'accounts',
      spec: {},
      dryRun: false,
    });
    let status = await t.call<ImportJobStatus<ImportReport>>('import.job', { jobId });
    while (status.progress.rows === 0 && status.progress.phase === 'writing') {
      await new Promise((r) => setTimeout(r, 5));
      status = await t.call<ImportJobStatus<ImportReport>>('import.job', { jobId });
    }
    expect(status.progress.phase).toBe('writing');
    expect(await t.call('import.cancel', { jobId })).toEqual({ cancelled: true });
    const final = await t.wait<ImportReport>(jobId);
    expect(final.progress.phase).toBe('cancelled');
    expect(final.error?.message).toMatch(/cancelled; the workspace is unchanged/);
    expect(t.rows('SELECT id FROM accounts')).toEqual([{ id: 'S1' }]);
    expect(t.rows('SELECT count(*) AS n FROM imports')).toEqual([{ n: 1 }]);
  });
});

describe('typed formats', () => {
  const expected = [
    { id: 'F1', name: 'Acme', arr: 1200.5, renewal_date: '2025-03-01', economic_buyer_known: 1 },
    { id: 'F2', name: 'Beta', arr: 99, renewal_date: '2026-12-31', economic_buyer_known: 0 },
  ];
  const query = 'SELECT id, name, arr, renewal_date, economic_buyer_known FROM accounts ORDER BY id';

  it('XLSX (sheet chosen by name, dates as dates)', async () => {
    const t = await setup('xlsx.ladder');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['nothing here']);
    const sheet = book.addWorksheet('Accounts');
    sheet.addRow(['Account ID', 'Account Name', 'ARR', 'Renewal Date', 'Economic Buyer Known']);
    sheet.addRow(['F1', 'Acme', 1200.5, new Date(Date.UTC(2025, 2, 1)), true]);
    sheet.addRow(['F2', 'Beta', 99, new Date(Date.UTC(2026, 11, 31)), false]);
    const path = join(dir.path, 'accounts.xlsx');
    await book.xlsx.writeFile(path);
    const { analysis, report } = await t.importFile(path, 'accounts', { sheet: 'Accounts' });
    expect(analysis.source).toMatchObject({ format: 'xlsx', sheet: 'Accounts', sheets: ['Notes', 'Accounts'] });
    expect(report.rowsImported).toBe(2);
    expect(t.rows(query)).toEqual(expected);
  });

  it('XLSX with a blank header cell between named ones (a hole in exceljs rows) names it and imports', async () => {
    const t = await setup('xlsx-blank-header.ladder');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Accounts');
    sheet.getCell('A1').value = 'Account ID';
    sheet.getCell('C1').value = 'Account Name';
    sheet.addRow(['F1', 'note', 'Acme']);
    sheet.addRow(['F2', null, 'Beta']);
    const path = join(dir.path, 'blank-header.xlsx');
    await book.xlsx.writeFile(path);
    const { analysis, report } = await t.importFile(path, 'accounts');
    expect(analysis.headers).toEqual(['Account ID', 'Column 2', 'Account Name']);
    expect(report.rowsImported).toBe(2);
    expect(t.rows('SELECT id, name, custom FROM accounts ORDER BY id')).toEqual([
      { id: 'F1', name: 'Acme', custom: '{"Column 2":"note"}' },
      { id: 'F2', name: 'Beta', custom: null },
    ]);
  });

  it('JSON arrays (nested objects flattened) and NDJSON', async () => {
    const t = await setup('json.ladder');
    const records = [
      {
        account: { id: 'F1', name: 'Acme' },
        arr: 1200.5,
        renewal_date: '2025-03-01',
        economic_buyer_known: true,
        tags: ['a', 'b'],
      },
      {
        account: { id: 'F2', name: 'Beta' },
        arr: 99,
        renewal_date: '2026-12-31',
        economic_buyer_known: false,
        tags: [],
      },
    ];
    const spec: MappingSpec = {
      columns: [
        { source: 'account.id', field: 'account_id' },
        { source: 'account.name', field: 'name' },
      ],
    };
    const json = await t.importFile(csv('a.json', JSON.stringify(records, null, 2)), 'accounts', spec);
    expect(json.analysis.headers).toEqual([
      'account.id',
      'account.name',
      'arr',
      'renewal_date',
      'economic_buyer_known',
      'tags',
    ]);
    expect(t.rows(query)).toEqual(expected);
    expect(t.rows("SELECT json_extract(custom, '$.tags') AS tags FROM accounts WHERE id = 'F1'")).toEqual([
      { tags: '["a","b"]' },
    ]);
    const u = await setup('ndjson.ladder');
    await u.importFile(csv('a.ndjson', records.map((r) => JSON.stringify(r)).join('\n')), 'accounts', spec);
    expect(u.rows(query)).toEqual(expected);
  });

  it('Parquet and Arrow IPC', async () => {
    const columns = {
      account_id: ['F1', 'F2'],
      name: ['Acme', 'Beta'],
      arr: [1200.5, 99],
      renewal_date: ['2025-03-01', '2026-12-31'],
      economic_buyer_known: [true, false],
    };
    const parquet = join(dir.path, 'a.parquet');
    parquetWriteFile({
      filename: parquet,
      columnData: Object.entries(columns).map(([name, data]) => ({ name, data })),
    });
    const p = await setup('parquet.ladder');
    expect((await p.importFile(parquet, 'accounts')).analysis.source.format).toBe('parquet');
    expect(p.rows(query)).toEqual(expected);
    const table = arrow.tableFromArrays(columns);
    const ipc = join(dir.path, 'a.arrow');
    writeFileSync(ipc, arrow.tableToIPC(table, 'file'));
    const a = await setup('arrow.ladder');
    expect((await a.importFile(ipc, 'accounts')).analysis.source.format).toBe('arrow');
    expect(a.rows(query)).toEqual(expected);
  });
});

describe('a killed import', () => {
  it('SIGKILL in the middle: the workspace opens clean with exactly the rows from before', async () => {
    const ws = join(dir.path, 'killed.ladder');
    const seed = csv('seed-kill.csv', 'account_id,name\nK0,Before\n');
    const { spawnSync } = await import('node:child_process');
    expect(
      spawnSync(process.execPath, [
        join(repoRoot, 'bin/ladder.js'),
        'import',
        seed,
        '--workspace',
        ws,
        '--kind',
        'accounts',
      ]).status,
    ).toBe(0);
    const lines = ['account_id,name,arr'];
    for (let i = 0; i < 400_000; i++) lines.push(`K${i + 1},Company ${i},${i}`);
    const big = csv('kill.csv', lines.join('\n'));
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bin/ladder.js'), 'import', big, '--workspace', ws, '--kind', 'accounts'],
      { stdio: 'ignore' },
    );
    // Kill once the write transaction has begun: the WAL has grown past its seed size.
    const { statSync, existsSync } = await import('node:fs');
    const walSize = () => (existsSync(`${ws}-wal`) ? statSync(`${ws}-wal`).size : 0);
    const start = walSize();
    while (walSize() <= start + 1_000_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const reopened = await openWorkspace(ws);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.db.prepare('SELECT id, name FROM accounts').all()).toEqual([{ id: 'K0', name: 'Before' }]);
    expect(reopened.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    reopened.db.close();
  });
});
