// An import records the sha256 of the file it read (the writing thread hashes it while the reading
// worker streams it in 64 KB chunks): the hash of every byte, for a file of many chunks, also one
// whose size is not a multiple of the chunk, and a different hash for a file that differs by a byte.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { importOk } from '../../helpers/import-cli';
import { sha256, tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function importedHash(name: string, rows: number, last: string): Promise<string> {
  const ws = join(dir.path, `${name}.ladder`);
  (await openWorkspace(ws, { create: true })).db.close();
  const lines = ['Account ID,Account Name,ARR'];
  for (let i = 0; i < rows; i++) lines.push(`A-${i},Company ${i},${i}`);
  lines.push(last);
  const file = join(dir.path, `${name}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  await importOk(file, ws, 'accounts');
  const db = new Database(ws, { readonly: true });
  try {
    const recorded = db.prepare('SELECT sha256 FROM imports').pluck().get() as string;
    expect(recorded).toBe(sha256(file));
    return recorded;
  } finally {
    db.close();
  }
}

it('records the sha256 of the whole file it imported', async () => {
  const first = await importedHash('many-chunks', 12_000, 'Z-1,Last one,1'); // ~280 KB: five chunks
  const second = await importedHash('one-byte-more', 12_000, 'Z-1,Last one,12');
  expect(second).not.toBe(first);
});
