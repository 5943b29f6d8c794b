// Undo after the fast write paths restores exactly the rows from before: a first load (rollback
// journal, plain inserts) leaves nothing behind, and an import into tables that already hold rows
// (new keys as plain inserts, overwritten rows with their before-images made in SQL) gives back every
// value bit for bit, REALs that need 17 digits, blanks and custom JSON included, for a one-key table
// (accounts) and a two-key one (periods).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { undoImport } from '../../../electron/backend/import/undo';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import type { ImportReport } from '#shared/import/report';
import { runLadder } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const csv = (name: string, lines: string[]) => {
  const path = join(dir.path, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};

async function importFile(ws: string, file: string, kind: string): Promise<ImportReport> {
  const run = await runLadder(['import', file, '--workspace', ws, '--kind', kind, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ImportReport;
}

async function snapshot(ws: string) {
  const w = await openWorkspace(ws);
  try {
    return {
      accounts: w.db.prepare('SELECT * FROM accounts ORDER BY key').all(),
      periods: w.db.prepare('SELECT * FROM periods ORDER BY account_key, period_start').all(),
    };
  } finally {
    w.db.close();
  }
}

async function undo(ws: string, id: number) {
  const w = await openWorkspace(ws);
  try {
    return undoImport(w.db, id);
  } finally {
    w.db.close();
  }
}

const awkward = (i: number) => [0.1 + 0.2, 1 / 3, 2 / 3, 1e21 + i, 123456.789][i % 5]! * (i + 1);

it('undo of a first load leaves the tables empty again', async () => {
  const ws = join(dir.path, 'first.ladder');
  const lines = ['account_id,name,arr'];
  for (let i = 0; i < 3000; i++) lines.push(`F${i},First ${i},${awkward(i)}`);
  const report = await importFile(ws, csv('first.csv', lines), 'accounts');
  expect(report.inserted).toBe(3000);
  expect(await undo(ws, report.importId!)).toMatchObject({ removed: 3000, restored: 0 });
  expect(await snapshot(ws)).toEqual({ accounts: [], periods: [] });
});

it('undo of an import over existing rows gives back every value exactly (one-key and two-key tables)', async () => {
  const ws = join(dir.path, 'over.ladder');
  const before = ['account_id,name,arr,health_score,Tier Note,Owner'];
  for (let i = 0; i < 3000; i++)
    before.push(`A${i},Before ${i},${awkward(i)},${i % 7 === 0 ? '' : (i % 100) / 3},note ${i},${i % 3 ? 'x' : ''}`);
  await importFile(ws, csv('before.csv', before), 'accounts');
  const weeks = ['account_id,period_start,active_users,seats_used'];
  for (let i = 0; i < 500; i++)
    for (const d of ['2026-01-05', '2026-01-12']) weeks.push(`A${i},${d},${awkward(i)},${i % 4 ? i : ''}`);
  await importFile(ws, csv('weeks.csv', weeks), 'periods');
  const original = await snapshot(ws);
  expect(original.accounts).toHaveLength(3000);
  expect(original.periods).toHaveLength(1000);

  // Every other existing account overwritten (more than one batch of them), plus new ones.
  const after = ['account_id,name,arr,health_score,Tier Note,Extra'];
  for (let i = 0; i < 6000; i += 2) after.push(`A${i},After ${i},${awkward(i + 1)},,changed ${i},${i}`);
  const over = await importFile(ws, csv('after.csv', after), 'accounts');
  expect(over).toMatchObject({ inserted: 1500, updated: 1500, duplicates: 0 });
  const moreWeeks = ['account_id,period_start,active_users'];
  for (let i = 0; i < 500; i++) for (const d of ['2026-01-12', '2026-01-19']) moreWeeks.push(`A${i},${d},${i + 0.5}`);
  const overWeeks = await importFile(ws, csv('more-weeks.csv', moreWeeks), 'periods');
  expect(overWeeks).toMatchObject({ inserted: 500, updated: 500 });
  const changed = await snapshot(ws);
  expect(changed.accounts).toHaveLength(4500);
  expect(changed.accounts[2]).toMatchObject({ name: 'After 2' });

  expect(await undo(ws, overWeeks.importId!)).toMatchObject({ removed: 500, restored: 500 });
  expect(await undo(ws, over.importId!)).toMatchObject({ removed: 1500, restored: 1500 });
  const restored = await snapshot(ws);
  expect(restored.accounts).toEqual(original.accounts);
  expect(restored.periods).toEqual(original.periods);
  // toEqual treats 0.30000000000000004 and 0.3 as different, and so does this, on every REAL.
  restored.accounts.forEach((row, i) => {
    const was = original.accounts[i] as Record<string, unknown>;
    for (const [k, v] of Object.entries(row as Record<string, unknown>)) expect(Object.is(v, was[k]), k).toBe(true);
  });
});

it('into a table that holds rows, a key repeated batches later is a duplicate and the first row wins', async () => {
  const ws = join(dir.path, 'dups.ladder');
  await importFile(ws, csv('seed.csv', ['account_id,name', 'S1,Seed one', 'S2,Seed two']), 'accounts');
  const lines = ['account_id,name'];
  for (let i = 0; i < 5000; i++) lines.push(`N${i},New ${i}`);
  lines.push('N7,Again', 'S1,Seed overwritten', 'S1,Seed twice', 'N4999,Late again');
  const run = await runLadder(['import', csv('dups.csv', lines), '--workspace', ws, '--kind', 'accounts']);
  expect(run.status).toBe(1); // duplicates are rejected rows: --on-error abort (the default) refuses the file
  const skip = await runLadder([
    'import',
    join(dir.path, 'dups.csv'),
    '--workspace',
    ws,
    '--kind',
    'accounts',
    '--on-error',
    'skip',
    '--json',
  ]);
  const report = JSON.parse(skip.stdout) as ImportReport;
  expect(report).toMatchObject({ inserted: 5000, updated: 1, duplicates: 3 });
  expect(report.rejected.map((r) => [r.row, r.value])).toEqual([
    [5002, 'N7'],
    [5004, 'S1'],
    [5005, 'N4999'],
  ]);
  const rows = (await snapshot(ws)).accounts as { id: string; name: string }[];
  expect(rows.find((r) => r.id === 'N7')?.name).toBe('New 7');
  expect(rows.find((r) => r.id === 'S1')?.name).toBe('Seed overwritten');
  expect(rows.find((r) => r.id === 'N4999')?.name).toBe('New 4999');
  expect(await undo(ws, report.importId!)).toMatchObject({ removed: 5000, restored: 1 });
  expect(((await snapshot(ws)).accounts as { name: string }[]).map((r) => r.name)).toEqual(['Seed one', 'Seed two']);
});
