// Warehouse part (issue 16): the seven-signal preset's features for a large demo workspace
// (1,000,000 accounts × 13 weeks by default) built by our engine, against DuckDB running the
// compiled whole-model features SQL over the same data (the workspace's raw relations, exported to
// Parquet first; the export is timed on its own) — then `ladder score --engine duckdb` on a
// 5,000,000-account Parquet pair (time and peak RSS of the command).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileRawFeaturesSql } from '#shared/compile/raw/compile';
import { rawAccountColumns, rawPeriodColumns } from '#shared/compile/raw/schema';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { buildFeatureTableAsync } from '../../electron/backend/features/build';
import { placeFromWorkspace } from '../../electron/backend/export/raw-sql';
import { writeRawExport } from '../../electron/backend/export/raw-export';
import { loadPreset } from '../../electron/backend/packs/presets';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 1_000_000);
const outOfCoreAccounts = option('out-of-core', 5_000_000);
const runs = option('runs', 3);
const asOf = '2026-11-16';
const dir = benchDir('ladder-bench-warehouse-');

/** A synthetic Parquet pair in the raw schema: N accounts, 13 weekly rows each (DuckDB writes it). */
async function syntheticPair(n: number, folder: string): Promise<{ accounts: string; periods: string }> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const value = (salt: number, mod: number) => `CAST(hash(i * 31 + ${salt}) % ${mod} AS DOUBLE)`;
  const accountsSql = rawAccountColumns.map((col, k) => {
    if (col.name === 'account_id') return `'A' || i AS account_id`;
    if (col.name === 'segment') return `['SMB', 'Mid-Market', 'Enterprise'][1 + i % 3] AS segment`;
    if (col.type === 'date') return `DATE '2027-01-01' + CAST(i % 365 AS INTEGER) AS ${col.name}`;
    if (col.type === 'text') return `'x' || (i % 50) AS ${col.name}`;
    return `${value(k, col.name === 'economic_buyer_known' ? 2 : 500)} AS ${col.name}`;
  });
  const periodsSql = rawPeriodColumns.map((col, k) => {
    if (col.name === 'account_id') return `'A' || i AS account_id`;
    if (col.name === 'period_start') return `DATE '2026-11-16' - CAST(7 * w AS INTEGER) AS period_start`;
    if (col.name === 'grain') return `'week' AS grain`;
    return `CAST(hash(i * 97 + w * 13 + ${k}) % 60 AS DOUBLE) AS ${col.name}`;
  });
  const files = { accounts: join(folder, 'big-accounts.parquet'), periods: join(folder, 'big-periods.parquet') };
  await c.run(`COPY (SELECT ${accountsSql.join(', ')} FROM range(${n}) t(i)) TO '${files.accounts}' (FORMAT parquet)`);
  await c.run(
    `COPY (SELECT ${periodsSql.join(', ')} FROM range(${n}) t(i) CROSS JOIN range(13) u(w)) TO '${files.periods}' (FORMAT parquet)`,
  );
  c.closeSync();
  instance.closeSync();
  return files;
}

try {
  const path = process.env.LADDER_BENCH_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(path)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await writeDemoWorkspace(path, demoDefaults({ accounts, seed: 1, endDate: asOf }));
  }
  const ws = await openWorkspace(path);
  const valid = loadPreset('seven-signal-table');
  const ours: number[] = [];
  let built = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    built = (await buildFeatureTableAsync(ws.db, valid, asOf)).table.accounts;
    ours.push(performance.now() - started);
  }
  log(`our features: ${round(median(ours), 0)} ms`);
  let started = performance.now();
  await writeRawExport(ws.db, dir.path, 'parquet');
  const rawExportMs = performance.now() - started;
  const sql = compileRawFeaturesSql(valid, { dialect: 'duckdb', asOf, placeCustom: placeFromWorkspace(ws.db, asOf) });
  ws.db.close();
  const duck: number[] = [];
  for (let i = 0; i < runs; i++) {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    for (const t of ['accounts', 'periods'])
      await c.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir.path, `${t}.parquet`)}')`);
    started = performance.now();
    await c.run(`CREATE TABLE features AS ${sql}`);
    duck.push(performance.now() - started);
    c.closeSync();
    instance.closeSync();
  }
  log(`DuckDB features: ${round(median(duck), 0)} ms`);

  log(`writing a ${outOfCoreAccounts.toLocaleString('en-US')}-account Parquet pair…`);
  const pair = await syntheticPair(outOfCoreAccounts, dir.path);
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      join(import.meta.dirname, '..', '..', 'bin', 'ladder.js'),
      'score',
      '--engine',
      'duckdb',
      '--accounts',
      pair.accounts,
      '--periods',
      pair.periods,
      '--pack',
      'preset:seven-signal-table',
      '--as-of',
      asOf,
      '--out',
      join(dir.path, 'big-scored.csv'),
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`ladder score --engine duckdb failed: ${run.stderr}`);
  const [seconds, rssKb] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const featuresMs = median(ours);
  const duckdbFeaturesMs = median(duck);
  process.stdout.write(
    JSON.stringify({
      accounts: built,
      featuresMs: round(featuresMs, 0),
      duckdbFeaturesMs: round(duckdbFeaturesMs, 0),
      ratio: round(featuresMs / duckdbFeaturesMs, 2),
      rawExportMs: round(rawExportMs, 0),
      outOfCoreAccounts,
      outOfCoreMs: round(seconds! * 1000, 0),
      peakRssMb: round(rssKb! / 1024, 0),
    }),
  );
} finally {
  dir.cleanup();
}
