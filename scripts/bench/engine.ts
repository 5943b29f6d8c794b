// Engine part: score the feature table of a large demo workspace with the seven-signal preset —
// full score, a weight edit, a signal-threshold edit — and, in the same run, DuckDB computing the
// same scores with the compiled SQL over the same features (its anchor).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileSql } from '#shared/compile/sql';
import { createEngine } from '#shared/engine/engine';
import type { ValidPack } from '#shared/pack/validate';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { buildFeatureTable } from '../../electron/backend/features/build';
import { featuresRelation } from '../../electron/backend/export/features-relation';
import { loadPreset } from '../../electron/backend/packs/presets';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { benchDir, log, median, option, round } from './common';
import { loadRelationIntoDuckdb } from '../../test/helpers/duckdb-load';

const accounts = option('accounts', 1_000_000);
const runs = option('runs', 5);
const dir = benchDir('ladder-bench-engine-');
const edited = (valid: ValidPack, change: (pack: any) => void): ValidPack => {
  const pack = structuredClone(valid.pack);
  change(pack);
  return { ...valid, pack };
};

try {
  const path = process.env.LADDER_BENCH_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(path)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await writeDemoWorkspace(path, demoDefaults({ accounts, seed: 1, endDate: '2026-11-16' }));
  }
  const ws = await openWorkspace(path);
  const valid = loadPreset('seven-signal-table');
  let started = performance.now();
  const { table } = buildFeatureTable(ws.db, valid, '2026-11-16');
  const featuresMs = performance.now() - started;
  log(`features built in ${round(featuresMs, 0)} ms`);
  ws.db.close();

  const full: number[] = [];
  let engine = createEngine(table, valid);
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    engine = createEngine(table, valid);
    full.push(performance.now() - started);
  }
  const memory = process.memoryUsage();
  const heapMb = (memory.heapUsed + memory.arrayBuffers) / 2 ** 20;

  // Alternate between two weights / two thresholds so every edit really changes something.
  const weights = [edited(valid, (p) => (p.signals[1].weight = 3.5)), edited(valid, (p) => (p.signals[1].weight = 3))];
  const thresholds = [
    edited(valid, (p) => (p.signals[0].threshold = 0.75)),
    edited(valid, (p) => (p.signals[0].threshold = 0.8)),
  ];
  const timeEdits = (variants: ValidPack[], count: number) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      engine.update(variants[i % 2]!);
      times.push(performance.now() - t);
    }
    return times;
  };
  timeEdits(weights, 20); // warm-up
  const weightEdit = timeEdits(weights, 101);
  timeEdits(thresholds, 6);
  const thresholdEdit = timeEdits(thresholds, 21);
  engine.update(valid);
  const ours = Object.fromEntries(engine.result.stages.map((s) => [s.id, s.accounts]));

  // DuckDB: the same features, the same model as SQL.
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  await loadRelationIntoDuckdb(connection, featuresRelation(table, valid));
  const sql = compileSql(valid, { dialect: 'duckdb' });
  const duckTimes: number[] = [];
  let theirs: Record<string, number> = {};
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await connection.run(`CREATE OR REPLACE TEMP TABLE scored AS ${sql}`);
    const rows = (
      await connection.runAndReadAll('SELECT stage, count(*)::INTEGER AS n FROM scored GROUP BY stage')
    ).getRowObjects();
    if (i > 0) duckTimes.push(performance.now() - t); // the first run warms DuckDB up
    theirs = Object.fromEntries(rows.map((r) => [String(r.stage), Number(r.n)]));
  }
  for (const [stage, n] of Object.entries(ours)) {
    if ((theirs[stage] ?? 0) !== n)
      throw new Error(`DuckDB disagrees on stage ${stage}: ours ${n}, DuckDB ${theirs[stage] ?? 0}`);
  }
  connection.closeSync();
  duck.closeSync();

  const fullScoreMs = median(full);
  const duckdbMs = median(duckTimes);
  process.stdout.write(
    JSON.stringify({
      accounts: table.accounts,
      pack: valid.pack.name,
      featuresMs: round(featuresMs, 0),
      fullScoreMs: round(fullScoreMs),
      duckdbMs: round(duckdbMs),
      ratio: round(fullScoreMs / duckdbMs, 2),
      weightEditMs: round(median(weightEdit), 3),
      thresholdEditMs: round(median(thresholdEdit), 2),
      heapMb: round(heapMb, 0),
      classes: engine.table.size,
    }),
  );
} finally {
  dir.cleanup();
}
