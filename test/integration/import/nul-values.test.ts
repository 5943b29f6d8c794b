// A NUL character inside a value (JSON can carry one as \u0000) is refused with the row, column and
// reason while validating: text travels NUL-separated between the threads (batch.ts), and no
// export or client should ever meet one. The other rows are imported as usual.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { runLadder } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

it('a value holding a NUL is rejected naming row, column and reason; the rest is imported intact', async () => {
  const file = join(dir.path, 'accounts.ndjson');
  const rows = [
    { account_id: 'A1', name: 'Fine', notes: 'x' },
    { account_id: 'A2', name: 'Bad\u0000Name', notes: 'y' },
    { account_id: 'A3', name: 'Also fine', notes: 'custom\u0000text' },
    { account_id: 'A4', name: 'Last', notes: 'z' },
  ];
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  const ws = join(dir.path, 'w.ladder');
  const run = await runLadder([
    'import',
    file,
    '--workspace',
    ws,
    '--kind',
    'accounts',
    '--on-error',
    'skip',
    '--json',
  ]);
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as ImportReport;
  expect(report).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: 2 });
  expect(report.rejected).toEqual([
    expect.objectContaining({ row: 3, column: 'name', value: 'Bad\\u0000Name', reason: expect.stringMatching(/NUL/) }),
    expect.objectContaining({ row: 4, column: 'notes', reason: expect.stringMatching(/NUL character/) }),
  ]);
  const db = new Database(ws, { readonly: true });
  expect(db.prepare('SELECT id, name, custom FROM accounts ORDER BY id').all()).toEqual([
    { id: 'A1', name: 'Fine', custom: '{"notes":"x"}' },
    { id: 'A4', name: 'Last', custom: '{"notes":"z"}' },
  ]);
  db.close();
});
