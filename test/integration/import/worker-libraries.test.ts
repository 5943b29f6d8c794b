// The import worker starts without apache-arrow and hyparquet (columnar-libs.ts): they load with
// the first Arrow or Parquet file, so a CSV import's worker starts ~150 ms sooner. The built worker
// must carry no top-level import of them, and the built CLI must still import both formats through it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ladder } from '../../helpers/cli';
import { repoRoot, tempDir } from '../../helpers/temp';
import { baseFiles, extensionOf } from '../fuzz/base-files';

const dir = tempDir();
afterAll(() => dir.cleanup());

it('the built import worker has no top-level import of apache-arrow or hyparquet', () => {
  const bundle = readFileSync(join(repoRoot, 'dist', 'node', 'import-worker.js'), 'utf8');
  const topLevel = [...bundle.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]);
  expect(topLevel.length).toBeGreaterThan(0); // node: built-ins at least, so the pattern reads the bundle
  expect(topLevel.filter((name) => /^(apache-arrow|hyparquet)/.test(name!))).toEqual([]);
  expect(bundle).toMatch(/import\("apache-arrow"\)/);
});

it.each(['parquet', 'arrow-stream', 'arrow-file'] as const)(
  'the CLI imports a %s file through the worker',
  async (format) => {
    const file = join(dir.path, `accounts-${format}.${extensionOf[format]}`);
    writeFileSync(file, (await baseFiles())[format]);
    const workspace = join(dir.path, `${format}.ladder`);
    const run = ladder(['import', file, '--workspace', workspace, '--kind', 'accounts', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const db = new Database(workspace, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(30);
    } finally {
      db.close();
    }
  },
);
