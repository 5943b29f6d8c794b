// The report as `ladder calibrate --json` prints it: the keys the CLI documents, at the top level
// exactly these (asOf, horizonDays, split, labels, model, signals, suggested, verdict, warnings).
// NaN (a metric without enough data) prints as null.
import type { CalibrationReport } from './report';

export function calibrationSummary(r: CalibrationReport) {
  const m = r.model;
  return {
    asOf: r.asOf,
    horizonDays: r.horizonDays,
    split: r.split,
    labels: {
      positives: r.labels.positives,
      negatives: r.labels.negatives,
      excluded: r.labels.excluded,
      excludedBy: r.labels.excludedBy,
      training: r.labels.training,
      heldOut: r.labels.heldOut,
    },
    model: {
      auc: m.auc,
      aucCi: m.aucCi,
      prAuc: m.prAuc,
      brier: m.brier,
      liftTopDecile: m.liftTopDecile,
      captureTopDecile: m.captureTopDecile,
      readyPrecision: m.readyPrecision,
      readyRecall: m.readyRecall,
      stages: m.stages,
      reliability: m.reliability.map(({ keyFrom: _from, keyTo: _to, ...row }) => row),
      segments: m.segments,
      dates: r.dates.map((d) => ({ asOf: d.asOf, part: d.part, auc: d.auc, aucCi: d.aucCi, positives: d.positives })),
    },
    signals: r.signals.map((s) => ({
      id: s.id,
      fireRate: s.fireRate,
      convFired: s.convFired,
      convNotFired: s.convNotFired,
      lift: s.lift,
      liftCi: s.liftCi,
      iv: s.iv,
      auc: s.auc,
      suggestedThreshold: s.suggestedThreshold,
      leakage: s.leakage,
    })),
    suggested: {
      weights: r.suggested.weights,
      thresholds: r.suggested.thresholds,
      removal: r.suggested.removal,
      heldOut: {
        auc: r.suggested.heldOut.auc,
        aucCi: r.suggested.heldOut.aucCi,
        liftTopDecile: r.suggested.heldOut.liftTopDecile,
      },
      regression: { auc: r.suggested.regression.auc, aucCi: r.suggested.regression.aucCi },
      current: { auc: r.suggested.current.auc, aucCi: r.suggested.current.aucCi },
    },
    verdict: r.verdict,
    warnings: [r.verdictReason, ...r.warnings],
  };
}
