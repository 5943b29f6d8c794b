// Import part: a 1,000,000-row (~100 MB) accounts CSV imported the way `ladder import` does it
// (analysis, type parsing, validation, one transaction), against the sqlite3 CLI's `.import` of
// the same file into a fresh database, measured in the same run. Peak RSS is this process's
// (the reading worker thread included); sqlite3 runs as a child and is not counted.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyzeAndPlan } from '../../electron/backend/import/plan-file';
import { runImport } from '../../electron/backend/import/run-import';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { writeAccountsCsv } from './accounts-csv';
import { benchDir, log, median, option, round } from './common';

const rows = option('rows', 1_000_000);
const runs = option('runs', 3);
const dir = benchDir('ladder-bench-import-');
try {
  const csv = join(dir.path, 'accounts.csv');
  const bytes = await writeAccountsCsv(csv, rows);
  log(`wrote ${rows} rows, ${round(bytes / 2 ** 20)} MB`);

  const sqliteTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = join(dir.path, `anchor-${i}.db`);
    const started = performance.now();
    const run = spawnSync('sqlite3', [db, '-cmd', '.mode csv', `.import ${csv} accounts`], { encoding: 'utf8' });
    sqliteTimes.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`sqlite3 .import failed: ${run.stderr || run.error?.message}`);
    log(`sqlite3 .import run ${i + 1}/${runs}: ${round(sqliteTimes[i]!, 0)} ms`);
  }

  const ours: number[] = [];
  let imported = 0;
  for (let i = 0; i < runs; i++) {
    const path = join(dir.path, `ladder-${i}.ladder`);
    (await openWorkspace(path, { create: true })).db.close();
    const started = performance.now();
    const spec = { kind: 'accounts' as const, preset: 'cs-platform' };
    const { analysis, plan } = await analyzeAndPlan(csv, spec);
    const report = await runImport({ workspacePath: path, analysis, plan, spec, dryRun: false });
    ours.push(performance.now() - started);
    imported = report.rowsImported;
    if (!report.committed || report.rowsImported !== rows)
      throw new Error(`import incomplete: ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 3) })}`);
    log(`ladder import run ${i + 1}/${runs}: ${round(ours[i]!, 0)} ms`);
  }
  const ladderMs = median(ours);
  const sqlite3CliMs = median(sqliteTimes);
  process.stdout.write(
    JSON.stringify({
      rows: imported,
      bytes,
      runs,
      ladderMs: round(ladderMs, 0),
      sqlite3CliMs: round(sqlite3CliMs, 0),
      ratio: round(ladderMs / sqlite3CliMs, 2),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    }),
  );
} finally {
  dir.cleanup();
}
