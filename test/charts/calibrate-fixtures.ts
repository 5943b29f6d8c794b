// A real backtest on the chart book, for the Calibrate tab's chart cases: labels follow two of the
// book's signals (with deterministic noise), the engine scores the book, and runBacktest measures
// it — every number the calibrate snapshots show is the calibration code's answer on these inputs.
import { runBacktest, type BacktestDate } from '#shared/calibrate/backtest';
import { createLiveValidator, type LiveMetrics } from '#shared/calibrate/live';
import type { CalibrationReport } from '#shared/calibrate/report';
import type { Split } from '#shared/calibrate/split';
import type { FeatureTable } from '#shared/engine/features';
import { valid } from '../unit/engine/fixtures';
import { book, engineFor, pack, withWeight, zeroBook } from './fixtures';

const column = (name: string) => book.columns.get(name)!;

/** Positive when promoter and spread agree, with about one label in seven flipped; `shift` varies it per date. */
function labelsFor(shift: number, table: FeatureTable = book): Int8Array {
  const nps = column('nps');
  const departments = column('departments_active');
  return Int8Array.from({ length: table.accounts }, (_, i) => {
    const signal = nps[i]! >= 40 && departments[i]! >= 3;
    const flip = (i * 31 + shift * 17) % 7 === 0;
    return signal !== flip ? 1 : 0;
  });
}

function labelSet(labels: Int8Array) {
  const positives = labels.reduce((n, y) => n + (y === 1 ? 1 : 0), 0);
  return {
    labels,
    positives,
    negatives: labels.length - positives,
    excluded: 0,
    excludedBy: { notCustomer: 0, openAtAsOf: 0, unknownType: 0 },
  };
}

const heldOut = Uint8Array.from({ length: book.accounts }, (_, i) => (i % 10 < 3 ? 1 : 0));

function report(dates: BacktestDate[], split: Split): CalibrationReport {
  return runBacktest(valid(pack).pack, dates, { horizonDays: 90, seed: 1, split }).report;
}

/** One as-of date, 30 % of accounts held out. */
export const holdoutReport = report(
  [
    {
      asOf: '2026-08-16',
      engine: engineFor(pack),
      labels: labelSet(labelsFor(0)),
      part: { kind: 'holdout', heldOut },
      snapshotOnly: false,
    },
  ],
  { kind: 'holdout', share: 0.3, seed: 1 },
);

/** Four dates split by time: two train, one is a gap, the last is held out. */
export const timeReport = report(
  (['2026-02-01', '2026-05-03', '2026-06-28', '2026-08-16'] as const).map((asOf, k) => ({
    asOf,
    engine: engineFor(pack),
    labels: labelSet(labelsFor(k)),
    part: { kind: k === 3 ? 'test' : k === 2 ? 'gap' : 'train' },
    snapshotOnly: false,
  })),
  { kind: 'time', train: ['2026-02-01', '2026-05-03'], test: ['2026-08-16'], gap: ['2026-06-28'], overlap: false },
);

/** Live metrics of a pack on the held-out accounts of the hold-out report. */
export function liveOn(p: typeof pack, labels = labelsFor(0), table = book): LiveMetrics {
  const held = Int8Array.from(labels, (y, i) => (heldOut[i] ? y : -1));
  return createLiveValidator([{ features: table, labels: held, heldOut: 1 }], valid(p)).metrics;
}

export const liveBaseline = liveOn(pack);
export const liveDraft = liveOn(withWeight(pack, 'spread', 6));
/** Nobody converted: every capture and lift is undefined. */
export const liveNoPositives = liveOn(pack, new Int8Array(book.accounts));
/** Every account scores 0: one reliability bin. */
export const zeroReport = report(
  [
    {
      asOf: '2026-08-16',
      engine: engineFor(pack, zeroBook),
      labels: labelSet(labelsFor(0, zeroBook)),
      part: { kind: 'holdout', heldOut },
      snapshotOnly: false,
    },
  ],
  { kind: 'holdout', share: 0.3, seed: 1 },
);
