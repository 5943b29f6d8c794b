// Import part: a 1,000,000-row (~100 MB) accounts CSV imported the way `ladder import` does it
// (analysis, type parsing, validation, one transaction, the importer's connection the only one),
// against the sqlite3 CLI measured in the same run, in alternating rounds, on the same files:
//   ratio       vs plain `.import` of the file into a fresh database (untyped, no key);
//   typedRatio  vs `.import` into a pre-created typed table with the same unique key;
// for the file in key order and shuffled (`shuffled.ratio`, `shuffled.typedRatio`); then the
// file-order CSV into a workspace already holding the demo book's 2,000 accounts (`ratioNonEmpty`)
// and re-imported over itself, every row overwritten with its before-image saved (`ratioUpsert`),
// both against plain `.import`. Peak RSS is this process's (the reading worker included); sqlite3
// runs as a child and is not counted.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoWorkspace, demoDefaults } from '../../electron/backend/demo/write-demo';
import { analyzeAndPlan } from '../../electron/backend/import/plan-file';
import { runImport } from '../../electron/backend/import/run-import';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { writeAccountsCsv } from './accounts-csv';
import { benchDir, log, median, option, round } from './common';

const rows = option('rows', 1_000_000);
const runs = option('runs', 3);
const dir = benchDir('ladder-bench-import-');
let made = 0;
const fresh = (name: string) => join(dir.path, `${name}-${made++}`);

// The benchmark file's columns as a typed table with its key, for `.import` into a prepared table.
const typedTable = `CREATE TABLE accounts (id TEXT NOT NULL UNIQUE, name TEXT, segment TEXT, industry TEXT,
  region TEXT, employees INTEGER, csm TEXT, arr TEXT, seats INTEGER, renewal TEXT, health REAL, buyer TEXT);`;

function sqliteImport(csv: string, typed: boolean): number {
  const db = fresh('anchor.db');
  const args = typed
    ? [db, '-cmd', typedTable, '-cmd', '.mode csv', `.import --skip 1 ${csv} accounts`]
    : [db, '-cmd', '.mode csv', `.import ${csv} accounts`];
  const started = performance.now();
  const run = spawnSync('sqlite3', args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0 || run.stderr) throw new Error(`sqlite3 .import failed: ${run.stderr || run.error?.message}`);
  return ms;
}

async function ladderImport(csv: string, workspace: string, expect: { inserted: number; updated: number }) {
  const started = performance.now();
  const spec = { kind: 'accounts' as const, preset: 'cs-platform' };
  const { analysis, plan } = await analyzeAndPlan(csv, spec);
  const report = await runImport({ workspacePath: workspace, analysis, plan, spec, dryRun: false });
  const ms = performance.now() - started;
  if (!report.committed || report.inserted !== expect.inserted || report.updated !== expect.updated)
    throw new Error(`import incomplete: ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 3) })}`);
  return ms;
}

async function emptyWorkspace(): Promise<string> {
  const path = fresh('ladder.ladder');
  (await openWorkspace(path, { create: true })).db.close();
  return path;
}

const times = () => ({ ladder: [] as number[], plain: [] as number[], typed: [] as number[] });
const ratios = (t: ReturnType<typeof times>) => ({
  ladderMs: round(median(t.ladder), 0),
  sqlite3CliMs: round(median(t.plain), 0),
  sqlite3TypedMs: round(median(t.typed), 0),
  ratio: round(median(t.ladder) / median(t.plain), 2),
  typedRatio: round(median(t.ladder) / median(t.typed), 2),
});

try {
  const csv = join(dir.path, 'accounts.csv');
  const shuffledCsv = join(dir.path, 'accounts-shuffled.csv');
  const bytes = await writeAccountsCsv(csv, rows);
  await writeAccountsCsv(shuffledCsv, rows, { shuffled: true });
  log(`wrote ${rows} rows, ${round(bytes / 2 ** 20)} MB (in key order and shuffled)`);
  const demo = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(demo, demoDefaults({ accounts: 2000, seed: 1, endDate: '2026-11-16' }));
  // The demo's account ids are ACC-0000001…ACC-0002000: the file updates those and adds the rest.
  const demoOverlap = Math.min(2000, Math.max(0, rows - 1));
  const loaded = await emptyWorkspace();
  await ladderImport(csv, loaded, { inserted: rows, updated: 0 });

  const fileOrder = times();
  const shuffled = times();
  const nonEmpty: number[] = [];
  const upsert: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternating rounds: each anchor is measured beside the load it is compared with.
    fileOrder.plain.push(sqliteImport(csv, false));
    fileOrder.ladder.push(await ladderImport(csv, await emptyWorkspace(), { inserted: rows, updated: 0 }));
    fileOrder.typed.push(sqliteImport(csv, true));
    shuffled.plain.push(sqliteImport(shuffledCsv, false));
    shuffled.ladder.push(await ladderImport(shuffledCsv, await emptyWorkspace(), { inserted: rows, updated: 0 }));
    shuffled.typed.push(sqliteImport(shuffledCsv, true));
    const intoDemo = fresh('demo.ladder');
    copyFileSync(demo, intoDemo);
    nonEmpty.push(await ladderImport(csv, intoDemo, { inserted: rows - demoOverlap, updated: demoOverlap }));
    const again = fresh('again.ladder');
    copyFileSync(loaded, again);
    upsert.push(await ladderImport(csv, again, { inserted: 0, updated: rows }));
    log(
      `round ${i + 1}/${runs}: file order ${round(fileOrder.ladder[i]!, 0)} ms (sqlite3 ${round(fileOrder.plain[i]!, 0)}, typed ${round(fileOrder.typed[i]!, 0)}), shuffled ${round(shuffled.ladder[i]!, 0)} ms (sqlite3 ${round(shuffled.plain[i]!, 0)}, typed ${round(shuffled.typed[i]!, 0)}), non-empty ${round(nonEmpty[i]!, 0)} ms, upsert ${round(upsert[i]!, 0)} ms`,
    );
  }
  const plain = median(fileOrder.plain);
  process.stdout.write(
    JSON.stringify({
      rows,
      bytes,
      runs,
      ...ratios(fileOrder),
      shuffled: ratios(shuffled),
      nonEmptyMs: round(median(nonEmpty), 0),
      ratioNonEmpty: round(median(nonEmpty) / plain, 2),
      upsertMs: round(median(upsert), 0),
      ratioUpsert: round(median(upsert) / plain, 2),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    }),
  );
} finally {
  dir.cleanup();
}
