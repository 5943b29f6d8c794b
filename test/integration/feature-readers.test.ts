// Big feature builds load their chunks' period rows ahead in reader threads (period-readers.ts,
// read-ahead.ts). The threads run the bundled dist/node/features-worker.js (the integration
// project builds dist/ first); what they hand back must give the same features, bit for bit, as the
// build on one thread — for every preset, with accounts that have no rows (whose grain the reader
// asks its own connection) and a monthly account at the latest period.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { numericSpecs } from '#shared/engine/features';
import {
  buildFeatureTableAsync,
  computeFeatureColumns,
  computeFeatureColumnsAsync,
  loadAccountInputs,
  prepareFeatureRun,
} from '../../electron/backend/features/build';
import { openPeriodReaders } from '../../electron/backend/features/period-readers';
import { prefetchChunks, readAhead, streamChunks, streamFits } from '../../electron/backend/features/read-ahead';
import { loadFeatures } from '../../electron/backend/features/cache';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { listPresets, loadPreset } from '../../electron/backend/packs/presets';
import { openWorkspace, type Workspace } from '../../electron/backend/store/open-workspace';
import { connect } from '../../electron/backend/store/sqlite';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const script = join(repoRoot, 'dist', 'node', 'features-worker.js');
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
const columnBytes = (m: Map<string, Float64Array>) => [...m].map(([k, v]) => [k, bytes(v)]);
const asOfs = ['2026-10-05', '2026-11-16'];
let ws: Workspace;

beforeAll(async () => {
  expect(existsSync(script)).toBe(true);
  process.env.LADDER_FEATURES_WORKER = script;
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 300, weeks: 20, seed: 5, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
  // Accounts with no period rows take the default grain; one monthly row at the latest period start
  // makes that grain a month.
  ws.db
    .exec(`INSERT INTO accounts (id, name, segment) VALUES ('NO-ROWS-1', 'No rows 1', 'SMB'), ('NO-ROWS-2', 'No rows 2', NULL);
    INSERT INTO accounts (id, name) VALUES ('MONTHLY', 'Monthly');
    INSERT INTO periods (account_key, period_start, grain, active_users, seats_used)
      SELECT key, '2026-11-16', 'month', 12, 9 FROM accounts WHERE id = 'MONTHLY';`);
});
afterAll(() => {
  ws?.db.close();
  delete process.env.LADDER_FEATURES_WORKER;
  dir.cleanup();
});

describe('feature builds with reader threads', () => {
  it('give the same features as one thread, bit for bit, for every preset at two dates', async () => {
    const readers = openPeriodReaders(ws.db, 2);
    expect(readers).not.toBeNull();
    try {
      for (const { id } of listPresets()) {
        const valid = loadPreset(id);
        const specs = numericSpecs(valid);
        for (const asOf of asOfs) {
          const inputs = loadAccountInputs(ws.db, asOf);
          const want = columnBytes(computeFeatureColumns(ws.db, valid, asOf, specs, inputs, 7));
          const run = prepareFeatureRun(ws.db, valid, asOf, specs, inputs)!;
          const progress: number[] = [];
          const stream = streamChunks(readers!, inputs.accounts.keys, run.periodInputs, run.chunkOptions, 7);
          const got = await readAhead(run, stream, (p) => progress.push(p.accountsDone));
          expect(columnBytes(got), `${id} as of ${asOf}`).toEqual(want);
          expect(progress.at(-1)).toBe(inputs.accounts.keys.length);
          expect(progress.length).toBe(Math.ceil(inputs.accounts.keys.length / 7));
          // The app's path (computeFeatureColumnsAsync) starts readers of its own for a build of many chunks.
          const app = await computeFeatureColumnsAsync(ws.db, valid, asOf, specs, inputs, { chunkAccounts: 11 });
          expect(columnBytes(app), `${id} as of ${asOf} (async)`).toEqual(want);
          // ladder score's path: the readers start before the accounts are read.
          const table = await buildFeatureTableAsync(ws.db, valid, asOf, 13);
          expect(columnBytes(table.table.columns), `${id} as of ${asOf} (table)`).toEqual(want);
          expect(table.table.accountIds).toEqual(inputs.accounts.ids);
          // Chunks prefetched for this computation fit it (so they are used); for another chunk size they
          // do not: closed, and the computation reads its own.
          const fits = prefetchChunks(ws.db, valid, asOf, specs, 7)!;
          expect(streamFits(fits.stream, run, inputs.accounts.keys, 7)).toBe(true);
          expect(streamFits(fits.stream, run, inputs.accounts.keys, 11)).toBe(false);
          const prefetchedColumns = await readAhead(run, fits.stream);
          fits.close();
          expect(columnBytes(prefetchedColumns), `${id} as of ${asOf} (prefetched)`).toEqual(want);
          const unfit = prefetchChunks(ws.db, valid, asOf, specs, 7);
          expect(unfit).not.toBeNull();
          const refit = await computeFeatureColumnsAsync(ws.db, valid, asOf, specs, inputs, {
            chunkAccounts: 11,
            prefetched: unfit,
          });
          expect(columnBytes(refit), `${id} as of ${asOf} (refit)`).toEqual(want);
          await expect(unfit!.stream.next()).rejects.toThrow(/closed/);
        }
      }
    } finally {
      readers?.close();
    }
  });

  it('start before the accounts are read when the app opens a model at a new date', async () => {
    for (const { id } of listPresets()) {
      const valid = loadPreset(id);
      const inputs = loadAccountInputs(ws.db, '2026-11-16');
      const want = computeFeatureColumns(ws.db, valid, '2026-11-16', numericSpecs(valid), inputs, 7);
      const fresh = await openWorkspace(ws.path); // its own cache: nothing loaded at any date yet
      try {
        const { payload } = await loadFeatures(fresh, valid, '2026-11-16', { chunkAccounts: 9 });
        expect(columnBytes(payload.columns), id).toEqual(columnBytes(want));
      } finally {
        fresh.db.close();
      }
    }
  });

  it('are not used where they would not see what this connection sees, or when turned off', () => {
    const memory = connect(':memory:');
    expect(openPeriodReaders(memory, 2)).toBeNull();
    memory.close();
    ws.db.exec('BEGIN');
    try {
      expect(openPeriodReaders(ws.db, 2)).toBeNull();
    } finally {
      ws.db.exec('ROLLBACK');
    }
    expect(openPeriodReaders(ws.db, 0)).toBeNull();
    process.env.LADDER_FEATURE_READERS = '0';
    try {
      expect(openPeriodReaders(ws.db)).toBeNull();
    } finally {
      delete process.env.LADDER_FEATURE_READERS;
    }
  });

  it('stop on cancel, and pass a reader failure on', async () => {
    const valid = loadPreset('seven-signal-table');
    const specs = numericSpecs(valid);
    const inputs = loadAccountInputs(ws.db, '2026-11-16');
    const controller = new AbortController();
    let steps = 0;
    const cancelled = computeFeatureColumnsAsync(ws.db, valid, '2026-11-16', specs, inputs, {
      chunkAccounts: 5,
      signal: controller.signal,
      onProgress: () => {
        if (++steps === 2) controller.abort();
      },
    });
    await expect(cancelled).rejects.toThrow(LadderError);
    expect(steps).toBe(2);

    const readers = openPeriodReaders(ws.db, 1)!;
    try {
      const missing = [{ id: 'nope', source: { column: 'no_such_column' }, fill: 'zero' as const }];
      const options = { asOf: '2026-11-16', asOfDay: 20_773, defaultGrain: 'week' as const };
      await expect(readers.read(inputs.accounts.keys.slice(0, 5), missing, options)).rejects.toThrow(
        /Reading the period rows failed: .*no such column/,
      );
    } finally {
      readers.close();
    }
    await expect(readers.read(inputs.accounts.keys.slice(0, 5), [], {} as never)).rejects.toThrow(/closed/);
  });
});
