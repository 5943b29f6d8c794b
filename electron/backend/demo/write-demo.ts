// Writes the demo book of business into a new workspace file. It builds the file under a temporary
// name, syncs it and renames it into place at the end, so a cancelled or failed run (a full disk
// included) leaves nothing behind and the previous file as it was; a run that was killed leaves a
// temporary file that the next run removes.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { childSeed, createRng } from '#shared/random';
import { addDays, dayToIso, isoToDay, mondayOnOrBefore } from '#shared/dates';
import { periodMetricIds } from '#shared/domain/period-metrics';
import { openWorkspace, type Workspace } from '../store/open-workspace';
import { commitFile, writeFailure } from '../atomic-write';
import { createBatchInserter, deferIndexes } from '../store/batch-insert';
import type { Db } from '../store/sqlite';
import { makeAccount } from './account';
import { demoPatterns, patternCounts, type DemoPattern } from './patterns';
import { fillSeries, metricCount } from './series';
import { makeOutcomes } from './outcomes';

export interface DemoParams {
  accounts: number;
  seed: number;
  weeks: number;
  /** Start of the latest week in the series (a Monday). */
  endDate: string;
}

export interface DemoProgress {
  accountsDone: number;
  accountsTotal: number;
}

export interface WriteDemoOptions {
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: DemoProgress) => void;
}

export const defaultDemoSeed = 20_240_601;

export function demoDefaults(
  input: Partial<DemoParams> = {},
  today = new Date().toISOString().slice(0, 10),
): DemoParams {
  const accounts = input.accounts ?? 2000;
  return {
    accounts,
    seed: input.seed ?? defaultDemoSeed,
    // At a million accounts a quarter of weekly history keeps the file within a few GB (docs/ARCHITECTURE.md §8).
    weeks: input.weeks ?? (accounts > 200_000 ? 13 : 52),
    // The latest complete week: the current one has only just begun.
    endDate: mondayOnOrBefore(input.endDate ?? addDays(today, -7)),
  };
}

/** A seeded Fisher–Yates shuffle of pattern labels with exact counts per pattern. */
function assignPatterns(n: number, seed: number): Uint8Array {
  const labels = new Uint8Array(n);
  let at = 0;
  patternCounts(n).forEach((count, p) => {
    labels.fill(p, at, at + count);
    at += count;
  });
  const rng = createRng(seed ^ 0x5bd1e995);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = labels[i]!;
    labels[i] = labels[j]!;
    labels[j] = t;
  }
  return labels;
}

function writeMeta(db: Db, params: DemoParams): void {
  const meta = db.prepare('INSERT OR REPLACE INTO workspace_meta (key, value) VALUES (?, ?)');
  meta.run('demo.seed', String(params.seed));
  meta.run('demo.accounts', String(params.accounts));
  meta.run('demo.weeks', String(params.weeks));
  meta.run('demo.endDate', params.endDate);
  meta.run('demo.generatedAt', new Date().toISOString());
  const pattern = db.prepare(
    'INSERT INTO demo_patterns (pattern, label, description, designed_share) VALUES (?, ?, ?, ?)',
  );
  for (const p of demoPatterns) pattern.run(p.pattern, p.label, p.description, p.share);
}

const accountColumns = [
  'key',
  'id',
  'name',
  'domain',
  'segment',
  'industry',
  'region',
  'employees',
  'owner_csm',
  'owner_am',
  'tier',
  'arr',
  'seats_licensed',
  'contract_start',
  'renewal_date',
  'health_score',
  'nps',
  'journey_stage',
  'economic_buyer_known',
];
const outcomeColumns = [
  'id',
  'account_key',
  'type',
  'stage',
  'opened_date',
  'close_date',
  'amount',
  'won',
  'is_expansion',
];

function removeFile(path: string, suffixes = ['', '-wal', '-shm', '-journal']): void {
  for (const suffix of suffixes) rmSync(path + suffix, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of earlier runs for this target whose process is gone (killed mid-way). */
function removeAbandoned(path: string): void {
  const prefix = `${basename(path)}.partial-`;
  let names: string[] = [];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && pid > 0 && pid !== process.pid && !isRunning(pid))
      rmSync(join(dirname(path), name), { force: true });
  }
}

const chunkSize = 2000;

export async function writeDemoWorkspace(
  path: string,
  params: DemoParams,
  options: WriteDemoOptions = {},
): Promise<void> {
  if (existsSync(path) && !options.overwrite) {
    throw new LadderError('conflict', `${path} already exists; choose another file or allow overwriting it.`);
  }
  removeAbandoned(path);
  const tmp = `${path}.partial-${process.pid}-${Date.now()}`;
  let workspace: Workspace;
  try {
    workspace = await openWorkspace(tmp, { create: true });
  } catch (error) {
    removeFile(tmp);
    throw writeFailure(path, error);
  }
  const db = workspace.db;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144'); // 256 MB while loading; the file is private until renamed
    db.pragma('foreign_keys = OFF'); // keys are generated consistently below; checked once at the end
    const restorePeriodIndexes = deferIndexes(db, 'periods');
    writeMeta(db, params);

    const endDay = isoToDay(params.endDate);
    const periodDates = Array.from({ length: params.weeks }, (_, w) => dayToIso(endDay - 7 * (params.weeks - 1 - w)));
    const labels = assignPatterns(params.accounts, params.seed);
    const accounts = createBatchInserter(db, 'accounts', accountColumns);
    const periods = createBatchInserter(db, 'periods', ['account_key', 'period_start', ...periodMetricIds]);
    const patterns = createBatchInserter(db, 'account_patterns', ['account_key', 'pattern']);
    const outcomes = createBatchInserter(db, 'outcomes', outcomeColumns);
    const series = new Float64Array(params.weeks * metricCount);
    const periodRow: unknown[] = new Array(2 + metricCount);

    for (let start = 0; start < params.accounts; start += chunkSize) {
      if (options.signal?.aborted)
        throw new LadderError('cancelled', 'Demo generation was cancelled; nothing was written.');
      db.exec('BEGIN');
      const end = Math.min(params.accounts, start + chunkSize);
      for (let i = start; i < end; i++) {
        const pattern = demoPatterns[labels[i]!]!.pattern as DemoPattern;
        const rng = createRng(childSeed(params.seed, i));
        const a = makeAccount(i, pattern, rng, endDay, dayToIso);
        accounts.add([
          a.key,
          a.id,
          a.name,
          a.domain,
          a.segment,
          a.industry,
          a.region,
          a.employees,
          a.ownerCsm,
          a.ownerAm,
          a.tier,
          a.arr,
          a.seats,
          a.contractStart,
          a.renewalDate,
          a.health,
          a.nps,
          a.journey,
          a.buyerKnown,
        ]);
        patterns.add([a.key, pattern]);
        fillSeries(a, rng, params.weeks, series);
        periodRow[0] = a.key;
        for (let w = 0; w < params.weeks; w++) {
          periodRow[1] = periodDates[w];
          for (let m = 0; m < metricCount; m++) periodRow[2 + m] = series[w * metricCount + m];
          periods.add(periodRow);
        }
        for (const o of makeOutcomes(a, rng, endDay)) {
          outcomes.add([
            o.id,
            a.key,
            o.type,
            o.stage,
            dayToIso(o.openedDay),
            dayToIso(o.closeDay),
            o.amount,
            o.won,
            o.isExpansion,
          ]);
        }
      }
      accounts.flush();
      patterns.flush();
      periods.flush();
      outcomes.flush();
      db.exec('COMMIT');
      options.onProgress?.({ accountsDone: end, accountsTotal: params.accounts });
      await new Promise((resolve) => setImmediate(resolve)); // let cancel and other requests through
    }
    restorePeriodIndexes();
    db.pragma('foreign_keys = ON');
    const broken = db.pragma('foreign_key_check', { simple: false }) as unknown[];
    if (broken.length > 0) throw new Error(`demo generator wrote ${broken.length} dangling references`);
    db.pragma('analysis_limit = 1000'); // approximate statistics are enough for the planner
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    db.close();
    // Side files of the file being replaced would be read as part of the new one.
    if (options.overwrite) removeFile(path, ['-wal', '-shm', '-journal']);
    commitFile(tmp, path);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (db.open) db.close();
    removeFile(tmp);
    throw writeFailure(path, error);
  }
}
