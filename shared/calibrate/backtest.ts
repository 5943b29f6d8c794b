// A backtest of a rule pack: given, per as-of date, the engine scored on that date's features and
// the point-in-time labels, measure the pack on the held-out part, describe each signal on the
// training part, fit the suggested weights there, and measure the suggestion and the unrounded
// regression on the held-out part too. Everything is summed over engine classes.
import type { Engine } from '../engine/engine';
import { segmentNames } from '../engine/features';
import { compileScoring, evaluateClasses, type ClassOutcomes } from '../engine/scoring';
import type { RulePack } from '../pack/schema';
import { countByClass, heldOutPart, trainPart, type ClassCounts } from './class-counts';
import { toGroups } from './groups';
import type { LabelSet } from './labels';
import { concatRows, groupsOf, modelMetrics, rankingMetrics, type Ladder, type MetricRows } from './model-metrics';
import { headline, verdictOf, type CalibrationReport, type DateReport } from './report';
import { assignStageScoreKeys, classRows } from './rows';
import { aucWithCi } from './roc';
import { signalReports } from './signal-report';
import type { Split } from './split';
import {
  applySuggestion,
  coefficientsOf,
  defaultLambda,
  designFor,
  fitDesign,
  linearPredictor,
  pointsFor,
  type DesignSet,
} from './suggest';

export interface BacktestDate {
  asOf: string;
  engine: Engine;
  labels: LabelSet;
  /** Which part this date's accounts are in: per account for a hold-out, whole for a time split. */
  part: { kind: 'holdout'; heldOut: Uint8Array } | { kind: 'train' | 'test' | 'gap' };
  snapshotOnly: boolean;
}

export interface BacktestOptions {
  horizonDays: number;
  seed: number;
  split: Split;
  /** Signals whose inputs were recorded after the as-of dates (account snapshots). */
  recordedAfter?: ReadonlySet<string>;
  warnings?: string[];
  lambda?: number;
}

/** Per date, what a drill-down or live validation needs beside the report. */
export interface BacktestState {
  dates: { input: BacktestDate; counts: ClassCounts; packKeys: Float64Array; suggestedKeys: Float64Array }[];
  suggestedPack: RulePack;
}

const partCode = (d: BacktestDate): Uint8Array | number =>
  d.part.kind === 'holdout'
    ? d.part.heldOut
    : d.part.kind === 'test'
      ? heldOutPart
      : d.part.kind === 'gap'
        ? 2
        : trainPart;

function countsFor(d: BacktestDate): ClassCounts {
  const code = partCode(d);
  const t = d.engine.table;
  if (code === 2) return countByClass(t.of, t.size, new Int8Array(t.of.length).fill(-1), 0); // a gap date counts nowhere
  return countByClass(t.of, t.size, d.labels.labels, code);
}

const ladderOf = (engine: Engine): Ladder => ({
  stages: engine.model.stages.map((s) => ({ id: s.id, label: s.label })),
  top: engine.model.top,
});

const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

export function runBacktest(pack: RulePack, dates: readonly BacktestDate[], options: BacktestOptions) {
  const lambda = options.lambda ?? defaultLambda;
  const counts = dates.map(countsFor);
  const ladder = ladderOf(dates[0]!.engine);

  // The pack as it is.
  const packTrain = dates.map((d, k) =>
    classRows(d.engine.table, d.engine.outcomes, counts[k]!.trainPos, counts[k]!.trainNeg),
  );
  const packTest = dates.map((d, k) =>
    classRows(d.engine.table, d.engine.outcomes, counts[k]!.testPos, counts[k]!.testNeg),
  );
  assignStageScoreKeys([...packTrain, ...packTest]);
  const model = modelMetrics(concatRows(packTest), concatRows(packTrain), ladder);

  // The regression and the points it suggests.
  const designSets: DesignSet[] = dates.map((d, k) => ({
    table: d.engine.table,
    pos: counts[k]!.trainPos,
    neg: counts[k]!.trainNeg,
  }));
  const design = designFor(pack, designSets);
  const fit = fitDesign(design, designSets, lambda);
  const coefficients = coefficientsOf(pack, design, fit, designSets);
  const points = pointsFor(pack, coefficients);
  const suggestedPack = applySuggestion(pack, points.weights);
  const suggestedModel = compileScoring(suggestedPack);
  const suggestedOutcomes: ClassOutcomes[] = dates.map((d) => evaluateClasses(suggestedModel, d.engine.table));
  const sugTrain = dates.map((d, k) =>
    classRows(d.engine.table, suggestedOutcomes[k]!, counts[k]!.trainPos, counts[k]!.trainNeg),
  );
  const sugTest = dates.map((d, k) =>
    classRows(d.engine.table, suggestedOutcomes[k]!, counts[k]!.testPos, counts[k]!.testNeg),
  );
  assignStageScoreKeys([...sugTrain, ...sugTest]);
  const suggestedMetrics = modelMetrics(concatRows(sugTest), concatRows(sugTrain), ladder);
  const regressionTest: MetricRows[] = dates.map((d, k) => {
    const rows = classRows(d.engine.table, d.engine.outcomes, counts[k]!.testPos, counts[k]!.testNeg);
    rows.key.set(linearPredictor(design, fit.coefficients, d.engine.table));
    return rows;
  });
  const regression = rankingMetrics(groupsOf(concatRows(regressionTest)), (t) => 1 / (1 + Math.exp(-t)));

  // Per-signal statistics on the training part.
  const signals = signalReports(
    pack.signals,
    dates.map((d, k) => ({
      engine: d.engine,
      labels: d.labels.labels,
      counts: counts[k]!,
      isTraining:
        d.part.kind === 'holdout'
          ? (i: number) => (d.part as { heldOut: Uint8Array }).heldOut[i] === 0
          : () => d.part.kind === 'train',
    })),
    options.recordedAfter ?? new Set(),
  );
  const thresholds = Object.fromEntries(
    signals.flatMap((s) =>
      s.suggestedThreshold !== null && typeof s.threshold === 'number' && s.suggestedThreshold !== s.threshold
        ? [[s.id, s.suggestedThreshold]]
        : [],
    ),
  );

  const dateReports: DateReport[] = dates.map((d, k) => {
    // Every labelled account of the date, whichever part it is in (gap dates included).
    const all = countByClass(d.engine.table.of, d.engine.table.size, d.labels.labels, trainPart);
    const packAuc = aucWithCi(toGroups(packTrain[k]!.key, all.trainPos, all.trainNeg));
    return {
      asOf: d.asOf,
      part: d.part.kind,
      snapshotOnly: d.snapshotOnly,
      positives: d.labels.positives,
      negatives: d.labels.negatives,
      excluded: d.labels.excluded,
      excludedBy: d.labels.excludedBy,
      auc: packAuc.auc,
      aucCi: packAuc.ci,
      suggestedAuc: aucWithCi(toGroups(sugTrain[k]!.key, all.trainPos, all.trainNeg)).auc,
    };
  });

  const labelTotals = {
    positives: dates.reduce((s, d) => s + d.labels.positives, 0),
    negatives: dates.reduce((s, d) => s + d.labels.negatives, 0),
    excluded: dates.reduce((s, d) => s + d.labels.excluded, 0),
    excludedBy: {
      notCustomer: dates.reduce((s, d) => s + d.labels.excludedBy.notCustomer, 0),
      openAtAsOf: dates.reduce((s, d) => s + d.labels.excludedBy.openAtAsOf, 0),
      unknownType: dates.reduce((s, d) => s + d.labels.excludedBy.unknownType, 0),
    },
    training: {
      positives: counts.reduce((s, c) => s + sum(c.trainPos), 0),
      negatives: counts.reduce((s, c) => s + sum(c.trainNeg), 0),
    },
    heldOut: {
      positives: counts.reduce((s, c) => s + sum(c.testPos), 0),
      negatives: counts.reduce((s, c) => s + sum(c.testNeg), 0),
    },
  };
  const heldOut = headline(suggestedMetrics);
  const { verdict, reason } = verdictOf(labelTotals.training.positives + labelTotals.heldOut.positives, heldOut);

  const report: CalibrationReport = {
    pack: pack.name,
    asOf: dates.map((d) => d.asOf),
    horizonDays: options.horizonDays,
    seed: options.seed,
    split: options.split,
    labels: labelTotals,
    dates: dateReports,
    model,
    signals,
    suggested: {
      weights: points.weights,
      thresholds,
      removal: points.removal,
      scale: points.scale,
      coefficients: coefficients.signals.map((c) => ({
        id: c.id,
        coefficient: c.coefficient,
        standardError: c.standardError,
      })),
      intercept: coefficients.intercept,
      segments: coefficients.segments.map((s) => ({ ...s, segment: segmentNames[s.segment]! })),
      lambda,
      converged: fit.converged,
      heldOut,
      regression: headline(regression),
      current: headline(model),
      heldOutDetail: suggestedMetrics,
      regressionDeciles: regression.deciles,
    },
    verdict,
    verdictReason: reason,
    warnings: [...(options.warnings ?? [])],
  };
  const state: BacktestState = {
    suggestedPack,
    dates: dates.map((d, k) => ({
      input: d,
      counts: counts[k]!,
      packKeys: packTest[k]!.key,
      suggestedKeys: sugTest[k]!.key,
    })),
  };
  return { report, state };
}
