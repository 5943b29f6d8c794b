// A before-image saves what undo needs to put back: the row's keys and every column the import
// writes (import_id included), not the columns it leaves alone. Undo still restores each row
// exactly, through a chain of imports that write different columns, undone in reverse order.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { undoImport } from '../../../electron/backend/import/undo';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import type { ImportReport } from '#shared/import/report';
import { runLadder } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function importLines(ws: string, name: string, lines: string[]): Promise<ImportReport> {
  const path = join(dir.path, name);
  writeFileSync(path, lines.join('\n'));
  const run = await runLadder(['import', path, '--workspace', ws, '--kind', 'accounts', '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ImportReport;
}

const rows = (ws: string) => {
  const db = new Database(ws, { readonly: true });
  try {
    return db.prepare('SELECT * FROM accounts ORDER BY key').all();
  } finally {
    db.close();
  }
};

it('images hold the keys and the written columns only, and undo in reverse order restores every row', async () => {
  const ws = join(dir.path, 'chain.ladder');
  (await openWorkspace(ws, { create: true })).db.close();
  const ids = Array.from({ length: 400 }, (_, i) => `A${i}`);
  const first = await importLines(ws, 'first.csv', [
    'account_id,name,domain,arr,Region Note',
    ...ids.map((id, i) => `${id},First ${i},${i}.example.com,${(i + 1) / 3},note ${i}`),
  ]);
  const afterFirst = rows(ws);
  const second = await importLines(ws, 'second.csv', [
    'account_id,arr,health_score',
    ...ids.slice(0, 300).map((id, i) => `${id},${i * 0.1},${i % 100}`),
  ]);
  const afterSecond = rows(ws);
  await importLines(ws, 'third.csv', ['account_id,name', ...ids.slice(200).map((id, i) => `${id},Third ${i}`)]);

  const db = new Database(ws, { readonly: true });
  const images = db.prepare('SELECT import_id, before FROM import_undo ORDER BY rowid').all() as {
    import_id: number;
    before: string;
  }[];
  db.close();
  const keysOf = (importId: number) => Object.keys(JSON.parse(images.find((i) => i.import_id === importId)!.before));
  expect(keysOf(second.importId!).sort()).toEqual(['arr', 'health_score', 'id', 'import_id']);
  expect(keysOf(second.importId! + 1).sort()).toEqual(['id', 'import_id', 'name']);

  const w = await openWorkspace(ws);
  try {
    expect(undoImport(w.db, second.importId! + 1)).toMatchObject({ restored: 200, removed: 0 });
  } finally {
    w.db.close();
  }
  expect(rows(ws)).toEqual(afterSecond);
  const w2 = await openWorkspace(ws);
  try {
    expect(undoImport(w2.db, second.importId!)).toMatchObject({ restored: 300 });
  } finally {
    w2.db.close();
  }
  expect(rows(ws)).toEqual(afterFirst);
  expect(first.inserted).toBe(400);
});
