// Calibrate part: a 100,000-account, 52-week demo calibrated at 12 as-of dates with the
// seven-signal preset — total time, feature time per date, fit time — and live validation of
// edits on 1,000,000 held-out accounts (weight and threshold edits, and the first threshold edit,
// which builds the engine's sorted index of the column). Anchor, in the same run: DuckDB
// computing the same per-date ROC AUC in SQL over the scored accounts (rank-sum with tied ranks
// averaged), against ours from the engines' classes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { countByClass, trainPart } from '#shared/calibrate/class-counts';
import { lexicographicRank, toGroups } from '#shared/calibrate/groups';
import { createLiveValidator } from '#shared/calibrate/live';
import { rocAuc } from '#shared/calibrate/roc';
import { addDays } from '#shared/dates';
import type { FeatureTable } from '#shared/engine/features';
import type { ValidPack } from '#shared/pack/validate';
import { runCalibration, type CalibrationRun } from '../../electron/backend/calibrate/run-calibration';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { loadPreset } from '../../electron/backend/packs/presets';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 100_000);
const liveAccounts = option('live-accounts', 1_000_000);
const runs = option('runs', 3);
const dir = benchDir('ladder-bench-calibrate-');
const endDate = '2026-11-16';
const edited = (valid: ValidPack, change: (pack: any) => void): ValidPack => {
  const pack = structuredClone(valid.pack);
  change(pack);
  return { ...valid, pack };
};

/** The features of one date repeated until there are `n` accounts (labels repeated alike). */
function tile(table: FeatureTable, labels: Int8Array, n: number): { features: FeatureTable; labels: Int8Array } {
  const m = table.accounts;
  const at = (i: number) => i % m;
  return {
    features: {
      accounts: n,
      accountIds: Array.from({ length: n }, (_, i) => `T${i}`),
      arr: Float64Array.from({ length: n }, (_, i) => table.arr[at(i)]!),
      segment: Uint8Array.from({ length: n }, (_, i) => table.segment[at(i)]!),
      columns: new Map([...table.columns].map(([k, c]) => [k, Float64Array.from({ length: n }, (_, i) => c[at(i)]!)])),
      categories: new Map(
        [...table.categories].map(([k, c]) => [
          k,
          { dictionary: c.dictionary, codes: Int32Array.from({ length: n }, (_, i) => c.codes[at(i)]!) },
        ]),
      ),
    },
    labels: Int8Array.from({ length: n }, (_, i) => labels[at(i)]!),
  };
}

try {
  const path = process.env.LADDER_BENCH_CALIBRATE_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(path)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account, 52-week demo workspace…`);
    await writeDemoWorkspace(path, demoDefaults({ accounts, seed: 1, weeks: 52, endDate }));
  }
  const ws = await openWorkspace(path);
  const valid = loadPreset('seven-signal-table');
  const last = addDays(endDate, -90);
  const asOf = Array.from({ length: 12 }, (_, k) => addDays(last, -21 * (11 - k)));
  let run: CalibrationRun | null = null;
  const totals: number[] = [];
  const fits: number[] = [];
  const perDate: number[] = [];
  for (let r = 0; r < runs; r++) {
    run = await runCalibration(ws, valid, { asOf });
    totals.push(run.timings.totalMs);
    fits.push(run.timings.fitMs);
    perDate.push(run.timings.featuresMsPerDate);
    log(`run ${r + 1}: ${round(run.timings.totalMs, 0)} ms`);
  }
  ws.db.close();
  const state = run!.state;

  // Ours: each date's ROC AUC over its labelled accounts, from the engine's classes.
  const ourTimes: number[] = [];
  let ours: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    ours = state.dates.map((d) => {
      const { engine, labels } = d.input;
      const counts = countByClass(engine.table.of, engine.table.size, labels.labels, trainPart);
      const n = engine.table.size;
      const key = lexicographicRank(
        Float64Array.from(engine.outcomes.stage.subarray(0, n)),
        engine.outcomes.score.subarray(0, n),
      );
      return rocAuc(toGroups(key, counts.trainPos, counts.trainNeg));
    });
    ourTimes.push(performance.now() - t);
  }

  // DuckDB: the scored accounts of every date, and the same AUC in SQL.
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  await connection.run('CREATE TABLE scored (as_of VARCHAR, stage INTEGER, score DOUBLE, label INTEGER)');
  const appender = await connection.createAppender('scored');
  for (const d of state.dates) {
    const { engine, labels, asOf: date } = d.input;
    for (let i = 0; i < labels.labels.length; i++) {
      const y = labels.labels[i]!;
      if (y < 0) continue;
      const c = engine.table.of[i]!;
      appender.appendVarchar(date);
      appender.appendInteger(engine.outcomes.stage[c]!);
      appender.appendDouble(engine.outcomes.score[c]!);
      appender.appendInteger(y);
      appender.endRow();
    }
  }
  appender.closeSync();
  const sql = `
    WITH ranked AS (
      SELECT as_of, label,
             rank() OVER (PARTITION BY as_of ORDER BY stage, score)
               + (count(*) OVER (PARTITION BY as_of, stage, score) - 1) / 2.0 AS r
      FROM scored)
    SELECT as_of,
           (sum(CASE WHEN label = 1 THEN r END) - sum(label) * (sum(label) + 1) / 2.0)
             / (sum(label) * (count(*) - sum(label))) AS auc
    FROM ranked GROUP BY as_of ORDER BY as_of`;
  const duckTimes: number[] = [];
  let theirs: number[] = [];
  for (let r = 0; r < 6; r++) {
    const t = performance.now();
    const rows = (await connection.runAndReadAll(sql)).getRowObjects();
    if (r > 0) duckTimes.push(performance.now() - t);
    theirs = rows.map((row) => Number(row.auc));
  }
  connection.closeSync();
  duck.closeSync();
  ours.forEach((a, k) => {
    if (Math.abs(a - theirs[k]!) > 1e-9)
      throw new Error(`DuckDB disagrees on the AUC of ${asOf[k]}: ours ${a}, DuckDB ${theirs[k]}`);
  });

  // Live validation: one held-out set of a million accounts (the latest date's, repeated).
  const latest = state.dates[state.dates.length - 1]!.input;
  const big = tile(latest.engine.features, latest.labels.labels, liveAccounts);
  const live = createLiveValidator([{ features: big.features, labels: big.labels, heldOut: 1 }], valid);
  const weights = [edited(valid, (p) => (p.signals[1].weight = 3.5)), edited(valid, (p) => (p.signals[1].weight = 3))];
  const thresholds = [
    edited(valid, (p) => (p.signals[0].threshold = 0.75)),
    edited(valid, (p) => (p.signals[0].threshold = 0.8)),
  ];
  const timeEdits = (variants: ValidPack[], count: number) =>
    Array.from({ length: count }, (_, i) => {
      const t = performance.now();
      live.update(variants[i % 2]!);
      return performance.now() - t;
    });
  timeEdits(weights, 20);
  const weightEdit = timeEdits(weights, 101);
  // The first threshold edit of a column sorts its accounts once (the engine's threshold index):
  // reported on its own, then warmed up like the weight edits before the timed edits.
  const firstThresholdEdit = timeEdits(thresholds, 1)[0]!;
  timeEdits(thresholds, 20); // an even count, so the timed edits alternate from the state they left
  const thresholdEdit = timeEdits(thresholds, 51);

  const aucMs = median(ourTimes);
  const duckdbMs = median(duckTimes);
  process.stdout.write(
    JSON.stringify({
      accounts,
      weeks: 52,
      asOfDates: asOf.length,
      totalMs: round(median(totals), 0),
      featuresMsPerDate: round(median(perDate), 0),
      fitMs: round(median(fits), 0),
      aucMs: round(aucMs, 2),
      duckdbMs: round(duckdbMs, 1),
      ratio: round(aucMs / duckdbMs, 3),
      liveAccounts,
      liveValidationMs: round(median(weightEdit), 3),
      liveThresholdEditMs: round(median(thresholdEdit), 2),
      liveFirstThresholdEditMs: round(firstThresholdEdit, 0),
      classes: live.engines[0]!.table.size,
    }),
  );
} finally {
  dir.cleanup();
}
