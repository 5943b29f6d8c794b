// Book part: the heatmap owner × stage (ARR) of a large demo workspace, built from the accounts
// (the class × dimension table, then the sums), and re-summed after a weight edit the way the
// engine worker does it (the table is kept; only each class's stage changes). The anchor, in the
// same run over the same scored accounts: DuckDB `GROUP BY owner, stage` on a table of them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { axisCodes, buildCellTable, type BookData } from '#shared/book/cells';
import { blankLabel } from '#shared/book/fields';
import { heatmapFromCells, type Heatmap } from '#shared/book/heatmap';
import { createEngine, type Engine } from '#shared/engine/engine';
import type { ValidPack } from '#shared/pack/validate';
import { isSet } from '#shared/missing';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { bookData, stagesOf } from '../../electron/backend/book/book-data';
import { buildFeatureTable } from '../../electron/backend/features/build';
import { loadPreset } from '../../electron/backend/packs/presets';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 1_000_000);
const runs = option('runs', 5);
const dir = benchDir('ladder-bench-book-');
const asOf = '2026-11-16';
const spec = { rows: 'owner_csm', cols: 'stage', measure: 'arr', topN: 1000 } as const;

const edited = (valid: ValidPack, weight: number): ValidPack => {
  const pack = structuredClone(valid.pack);
  pack.signals[1]!.weight = weight;
  return { ...valid, pack };
};

const classesOf = (engine: Engine) => ({ classOf: engine.table.of, classes: engine.table.size });

function build(data: BookData, engine: Engine): Heatmap {
  const table = buildCellTable(data, classesOf(engine), axisCodes(spec.rows, data), axisCodes(spec.cols, data));
  return heatmapFromCells(table, stagesOf(engine), spec);
}

/** owner → stage label → [accounts, ARR in cents] from a heatmap, to compare with DuckDB. */
function cellsOf(h: Heatmap): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  h.rows.forEach((owner, i) =>
    h.cols.forEach((stage, j) => {
      if (h.counts[i]![j]! > 0) out.set(`${owner}|${stage}`, [h.counts[i]![j]!, Math.round(h.cells[i]![j]! * 100)]);
    }),
  );
  return out;
}

try {
  const path = process.env.LADDER_BENCH_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(path)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await writeDemoWorkspace(path, demoDefaults({ accounts, seed: 1, endDate: asOf }));
  }
  const ws = await openWorkspace(path);
  const valid = loadPreset('seven-signal-table');
  const { table: features } = buildFeatureTable(ws.db, valid, asOf);
  const engine = createEngine(features, valid);
  const data = bookData(ws.db, engine, asOf, { fields: [spec.rows], days: 90 });
  ws.db.close();

  const buildTimes: number[] = [];
  let heatmap = build(data, engine);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    heatmap = build(data, engine);
    buildTimes.push(performance.now() - t);
  }

  // A weight edit keeps every account's class: the kept table is re-summed with the new stages.
  const kept = buildCellTable(data, classesOf(engine), axisCodes(spec.rows, data), axisCodes(spec.cols, data));
  const variants = [edited(valid, 3.5), edited(valid, 3)];
  const editTimes: number[] = [];
  const scoreAndEditTimes: number[] = [];
  for (let i = 0; i < 121; i++) {
    const t0 = performance.now();
    engine.update(variants[i % 2]!);
    const t1 = performance.now();
    heatmap = heatmapFromCells(kept, stagesOf(engine), spec);
    const t2 = performance.now();
    if (i >= 20) {
      editTimes.push(t2 - t1);
      scoreAndEditTimes.push(t2 - t0);
    }
  }
  engine.update(valid);
  heatmap = heatmapFromCells(kept, stagesOf(engine), spec);
  const ours = cellsOf(heatmap);

  // DuckDB: one row per scored account (owner, stage, ARR), grouped.
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  await connection.run('CREATE TABLE scored (owner VARCHAR, stage VARCHAR, arr DOUBLE)');
  const appender = await connection.createAppender('scored');
  const owners = data.fields.get(spec.rows)!;
  const stages = stagesOf(engine);
  for (let i = 0; i < data.accounts; i++) {
    const code = owners.codes[i]!;
    if (code < 0) appender.appendNull();
    else appender.appendVarchar(owners.dictionary[code]!);
    appender.appendVarchar(stages.stages[stages.stageOfClass[engine.table.of[i]!]!]!.label);
    const arr = data.arr[i]!;
    if (isSet(arr)) appender.appendDouble(arr);
    else appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
  const query = `SELECT owner, stage, count(*)::INTEGER AS n, sum(round(arr * 100))::BIGINT AS cents
    FROM scored GROUP BY owner, stage`;
  const duckTimes: number[] = [];
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    rows = (await connection.runAndReadAll(query)).getRowObjects();
    if (i > 0) duckTimes.push(performance.now() - t); // the first run warms DuckDB up
  }
  connection.closeSync();
  duck.closeSync();
  for (const r of rows) {
    const key = `${r.owner === null ? blankLabel : String(r.owner)}|${String(r.stage)}`;
    const mine = ours.get(key);
    if (!mine || mine[0] !== Number(r.n) || mine[1] !== Number(r.cents ?? 0))
      throw new Error(`DuckDB disagrees on ${key}: ours ${JSON.stringify(mine)}, DuckDB ${r.n} / ${r.cents}`);
  }
  if (rows.length !== ours.size) throw new Error(`DuckDB has ${rows.length} cells, ours ${ours.size}`);

  const buildMs = median(buildTimes);
  const duckdbMs = median(duckTimes);
  process.stdout.write(
    JSON.stringify({
      accounts: data.accounts,
      cut: `${spec.rows} × ${spec.cols}, ${spec.measure}`,
      cells: ours.size,
      tableEntries: kept.size,
      buildMs: round(buildMs),
      editMs: round(median(editTimes), 3),
      scoreAndEditMs: round(median(scoreAndEditTimes), 2),
      duckdbMs: round(duckdbMs),
      ratio: round(buildMs / duckdbMs, 2),
    }),
  );
} finally {
  dir.cleanup();
}
