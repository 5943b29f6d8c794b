// kill -9 of a real `ladder import` process at points spread over the whole import, the last ones
// near its end so some land inside COMMIT, for each journal the importer uses: the rollback journal
// (DELETE) of a bulk load when it holds the only connection, into an empty workspace and over one
// that holds every id already (each row overwritten, its before-image saved), and WAL when another
// connection is open. Each time the workspace must reopen with integrity_check = ok and hold all the
// new rows or exactly the old ones.
// (The kill points come from one timed run; what is asserted holds wherever a kill lands.)
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { repoRoot, tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const rows = 50_000;
const file = join(dir.path, 'big.csv');
const seed = join(dir.path, 'seed.ladder');
const held = join(dir.path, 'held.ladder');
const accountsCsv = (name: (i: number) => string) =>
  ['Account ID,Account Name,Segment,ARR,Renewal Date,Health Score,Notes']
    .concat(
      Array.from(
        { length: rows },
        (_, i) =>
          `K${i},"${name(i)}",${['SMB', 'Mid-Market', 'Enterprise'][i % 3]},${i * 10.5},2027-0${1 + (i % 9)}-15,${i % 100},note ${i}`,
      ),
    )
    .join('\n');
beforeAll(async () => {
  writeFileSync(
    file,
    accountsCsv((i) => `Company ${i}, Inc.`),
  );
  (await openWorkspace(seed, { create: true })).db.close();
  // The same ids under their old names, imported before: the file overwrites every one of them.
  const old = join(dir.path, 'old.csv');
  writeFileSync(
    old,
    accountsCsv((i) => `Old ${i}`),
  );
  copyFileSync(seed, held);
  const run = spawnSync(process.execPath, [
    join(repoRoot, 'bin/ladder.js'),
    'import',
    old,
    '--workspace',
    held,
    '--kind',
    'accounts',
  ]);
  expect(run.status, String(run.stderr)).toBe(0);
});

interface Run {
  exitCode: number | null;
  companions: Set<string>;
}

/** Runs the import into `ws`, killing it after `killAfterMs` (or letting it finish). */
async function runImport(ws: string, killAfterMs: number | null): Promise<Run> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/ladder.js'), 'import', file, '--workspace', ws, '--kind', 'accounts'],
    { stdio: 'ignore' },
  );
  const companions = new Set<string>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    for (const suffix of ['-journal', '-wal'])
      if (existsSync(ws + suffix) && statSync(ws + suffix, { throwIfNoEntry: false })?.size) companions.add(suffix);
    if (killAfterMs !== null && Date.now() - started >= killAfterMs) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { exitCode: await exited, companions };
}

describe.each([
  { journal: 'DELETE', into: 'an empty workspace', from: seed, otherConnection: false, companion: '-journal' },
  {
    journal: 'DELETE',
    into: 'a workspace that holds every id',
    from: held,
    otherConnection: false,
    companion: '-journal',
  },
  { journal: 'WAL', into: 'an empty workspace', from: seed, otherConnection: true, companion: '-wal' },
])('kill -9 during a load into $into ($journal journal)', ({ from, otherConnection, companion }) => {
  let n = 0;
  const before = from === held ? 1 : 0; // imports the workspace holds before this one
  const attempt = async (killAfterMs: number | null) => {
    const ws = join(dir.path, `w${companion}-${before}-${n++}.ladder`);
    copyFileSync(from, ws);
    // The app's connection, when there is one: the importer cannot leave WAL while it is open.
    const app = otherConnection ? new Database(ws, { readonly: true }) : null;
    app?.prepare('SELECT count(*) FROM accounts').get();
    try {
      return { ws, run: await runImport(ws, killAfterMs) };
    } finally {
      app?.close();
    }
  };

  it('reopens with integrity ok and all rows or none, wherever the kill lands (COMMIT included)', async () => {
    const full = await attempt(null);
    expect(full.run.exitCode).toBe(0);
    expect(full.run.companions.has(companion)).toBe(true);
    const fullWs = await openWorkspace(full.ws);
    expect(fullWs.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(rows);
    expect(fullWs.db.pragma('journal_mode', { simple: true })).toBe('wal');
    fullWs.db.close();
    const started = Date.now();
    await attempt(null);
    const duration = Date.now() - started;

    const outcomes: string[] = [];
    for (const f of [0.2, 0.5, 0.8, 0.92, 0.98, 1.02]) {
      const at = Math.round(duration * f * (0.97 + Math.random() * 0.06));
      const { ws, run } = await attempt(at);
      const reopened = await openWorkspace(ws);
      const db = reopened.db;
      expect(db.pragma('integrity_check', { simple: true }), `killed after ${at} ms`).toBe('ok');
      const accounts = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
      const imports = db.prepare('SELECT count(*) FROM imports').pluck().get() as number;
      const names = db.prepare("SELECT count(*) FROM accounts WHERE name LIKE 'Company %'").pluck().get();
      const undo = db.prepare('SELECT count(*) FROM import_undo').pluck().get();
      expect(accounts, `killed after ${at} ms`).toBe(imports === before ? before * rows : rows);
      if (imports === before) expect([names, undo], `killed after ${at} ms`).toEqual([0, 0]);
      else {
        expect(imports, `killed after ${at} ms`).toBe(before + 1);
        expect([names, undo], `killed after ${at} ms`).toEqual([rows, before * rows]);
        expect(db.prepare('SELECT rows_imported FROM imports ORDER BY id').pluck().all()).toEqual(
          Array(before + 1).fill(rows),
        );
        expect(db.prepare("SELECT name FROM accounts WHERE id = 'K77'").pluck().get()).toBe('Company 77, Inc.');
      }
      if (before > 0 && imports === before)
        expect(db.prepare("SELECT name FROM accounts WHERE id = 'K77'").pluck().get()).toBe('Old 77');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
      expect(existsSync(`${ws}-journal`)).toBe(false);
      outcomes.push(`${at} ms: ${run.exitCode === null ? 'killed' : `exit ${run.exitCode}`}, ${imports} imports`);
    }
    // Every kill point is reported, whichever way each went.
    expect(outcomes).toHaveLength(6);
  });
});
