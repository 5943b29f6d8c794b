// A calibration run on a workspace: for each as-of date, the pack's features as of that date (the
// as-of replay: data up to the date only; every date in one pass over the periods), the engine, and
// the point-in-time labels; then the backtest (shared/calibrate/backtest.ts). Yields between chunks
// of accounts, so progress can be read and the run cancelled.
import { LadderError } from '#shared/api/result';
import { runBacktest, type BacktestDate, type BacktestState } from '#shared/calibrate/backtest';
import { labelAccounts } from '#shared/calibrate/labels';
import type { CalibrationReport } from '#shared/calibrate/report';
import { snapshotSignals } from '#shared/calibrate/snapshot-inputs';
import { holdOut, splitFor } from '#shared/calibrate/split';
import { addDays, isoToDay } from '#shared/dates';
import { createEngine } from '#shared/engine/engine';
import type { FeatureTable } from '#shared/engine/features';
import type { ValidPack } from '#shared/pack/validate';
import { loadAccountColumns } from '../features/accounts';
import { loadAccountInputsForDates } from '../features/build';
import { computeFeaturesForDates } from './features-by-date';
import type { Workspace } from '../store/open-workspace';
import { dataRange, defaultHorizonDays, endsPeriod, lastPeriodEnd, resolveAsOfDates } from './as-of-dates';
import { loadOutcomeData } from './load-outcomes';

export const defaultSeed = 1;

export interface CalibrationProgress {
  phase: 'features' | 'fitting';
  datesDone: number;
  datesTotal: number;
  accountsDone: number;
  accountsTotal: number;
}

export interface CalibrationRequest {
  asOf?: readonly string[];
  every?: string;
  horizonDays?: number;
  seed?: number;
}

export interface CalibrationRun {
  report: CalibrationReport;
  state: BacktestState;
  names: string[];
  /** Features of every date together (one pass over the periods), their share per date, and the fit. */
  timings: { totalMs: number; featuresMs: number; featuresMsPerDate: number; fitMs: number };
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CalibrationProgress) => void;
  chunkAccounts?: number;
}

function hasHistoryBefore(ws: Workspace, asOf: string): boolean {
  return ws.db.prepare('SELECT EXISTS (SELECT 1 FROM periods WHERE period_start <= ?)').pluck().get(asOf) === 1;
}

export async function runCalibration(
  ws: Workspace,
  valid: ValidPack,
  request: CalibrationRequest,
  options: RunOptions = {},
): Promise<CalibrationRun> {
  const started = performance.now();
  const horizonDays = request.horizonDays ?? defaultHorizonDays;
  const seed = request.seed ?? defaultSeed;
  const db = ws.db;
  const { keys, ids, names } = loadAccountColumns(db, '1970-01-01');
  if (keys.length === 0) throw new LadderError('bad_request', 'The workspace has no accounts to calibrate on.');
  const outcomeData = loadOutcomeData(db, keys);
  const range = dataRange(db, outcomeData.closeRange);
  const asOfDates = resolveAsOfDates(
    { asOf: request.asOf, every: request.every, horizonDays },
    range,
    outcomeData.closeRange,
  );
  const warnings: string[] = [];
  if (range.firstPeriod && request.asOf && request.asOf.length > 0) {
    const inside = asOfDates.filter((d) => !endsPeriod(range.grain, d));
    if (inside.length > 0)
      warnings.push(
        `${inside.join(', ')} ${inside.length === 1 ? 'falls' : 'fall'} inside a calendar ${range.grain}: features count that whole ${range.grain}'s rows, days after the as-of date included, so they may see the start of the outcome window (a date ending a ${range.grain}, such as ${lastPeriodEnd(range.grain, inside[0]!)}, does not).`,
      );
  }
  const split = splitFor(asOfDates, horizonDays, seed);
  const heldOut = split.kind === 'holdout' ? holdOut(ids, seed) : null;
  if (outcomeData.outcomes.length === 0) warnings.push('The workspace has no outcomes: every account is a negative.');

  const progress: CalibrationProgress = {
    phase: 'features',
    datesDone: 0,
    datesTotal: asOfDates.length,
    accountsDone: 0,
    accountsTotal: keys.length,
  };
  options.onProgress?.({ ...progress });
  const t0 = performance.now();
  const inputs = loadAccountInputsForDates(db, asOfDates);
  const columnsByDate = await computeFeaturesForDates(db, valid, asOfDates, inputs, {
    signal: options.signal,
    chunkAccounts: options.chunkAccounts,
    onProgress: (p) => options.onProgress?.({ ...progress, accountsDone: p.accountsDone }),
  });
  const dates: BacktestDate[] = [];
  asOfDates.forEach((asOf, k) => {
    const { accounts } = inputs[k]!;
    const table: FeatureTable = {
      accounts: accounts.keys.length,
      accountIds: accounts.ids,
      arr: accounts.arr,
      segment: accounts.segment,
      columns: columnsByDate[k]!,
      categories: accounts.categories,
    };
    const engine = createEngine(table, valid);
    const labels = labelAccounts(outcomeData.lifecycle, outcomeData.outcomes, isoToDay(asOf), horizonDays);
    const snapshotOnly = !hasHistoryBefore(ws, asOf);
    if (snapshotOnly)
      warnings.push(
        `There is no period history on or before ${asOf}: its features come from the account snapshot, so the evaluation is retrospective and may leak.`,
      );
    if (range.dataEnd && addDays(asOf, horizonDays) > range.dataEnd)
      warnings.push(
        `The ${horizonDays}-day horizon after ${asOf} reaches past the data's last date (${range.dataEnd}): expansions after it count as none.`,
      );
    const part: BacktestDate['part'] =
      split.kind === 'holdout'
        ? { kind: 'holdout', heldOut: heldOut! }
        : { kind: split.test.includes(asOf) ? 'test' : split.train.includes(asOf) ? 'train' : 'gap' };
    dates.push({ asOf, engine, labels, part, snapshotOnly });
  });
  const featuresMs = performance.now() - t0;
  progress.datesDone = asOfDates.length;

  if (split.kind === 'time' && split.overlap)
    warnings.push(
      `The as-of dates are closer together than the ${horizonDays}-day horizon: the training labels overlap the evaluation period.`,
    );
  if (split.kind === 'time' && split.gap.length > 0)
    warnings.push(
      `Left out of the split so no training label looks into the evaluation period: ${split.gap.join(', ')}.`,
    );
  const snapshots = snapshotSignals(valid);
  if (snapshots.size > 0)
    warnings.push(
      `${[...snapshots.keys()].join(', ')} read${snapshots.size === 1 ? 's' : ''} account fields recorded after the as-of dates (${[...new Set([...snapshots.values()].flat())].join(', ')}): they may include the outcome.`,
    );
  options.onProgress?.({ ...progress, phase: 'fitting' });
  const t1 = performance.now();
  const { report, state } = runBacktest(valid.pack, dates, {
    horizonDays,
    seed,
    split,
    recordedAfter: new Set(snapshots.keys()),
    warnings,
  });
  const fitMs = performance.now() - t1;
  if (report.labels.heldOut.positives < 10)
    report.warnings.push(
      `Only ${report.labels.heldOut.positives} held-out positive${report.labels.heldOut.positives === 1 ? '' : 's'}: the held-out metrics are rough.`,
    );
  return {
    report,
    state,
    names,
    timings: {
      totalMs: performance.now() - started,
      featuresMs,
      featuresMsPerDate: featuresMs / asOfDates.length,
      fitMs,
    },
  };
}
