// The calibration report: what `ladder calibrate --json` prints and the Calibrate tab shows.
import type { LabelCounts } from './labels';
import type { ModelMetrics, RankingMetrics } from './model-metrics';
import type { RemovalReason } from './points';
import type { SignalReport } from './signal-report';
import type { Split } from './split';
import { isSet } from '../missing';

export type Verdict = 'calibrated' | 'too-little-signal';

export interface DateReport extends LabelCounts {
  asOf: string;
  part: 'train' | 'test' | 'gap' | 'holdout';
  snapshotOnly: boolean;
  /** AUC of the pack and of the suggestion over this date's labelled accounts. */
  auc: number;
  aucCi: [number, number];
  suggestedAuc: number;
}

export interface HeadlineMetrics {
  auc: number;
  aucCi: [number, number];
  liftTopDecile: number;
  captureTopDecile: number;
  prAuc: number;
  brier: number;
  readyPrecision?: number;
  readyRecall?: number;
}

export interface Suggestion {
  weights: Record<string, number>;
  thresholds: Record<string, number>;
  removal: { id: string; reason: RemovalReason }[];
  scale: number;
  coefficients: { id: string; coefficient: number; standardError: number }[];
  intercept: number;
  segments: { segment: string; coefficient: number; standardError: number }[];
  lambda: number;
  converged: boolean;
  /** Held-out metrics of the pack with the suggested points, of the unrounded regression, and of the pack as it is. */
  heldOut: HeadlineMetrics;
  regression: HeadlineMetrics;
  current: HeadlineMetrics;
  heldOutDetail: ModelMetrics;
  regressionDeciles: RankingMetrics['deciles'];
}

export interface CalibrationReport {
  pack: string;
  asOf: string[];
  horizonDays: number;
  seed: number;
  split: Split;
  labels: LabelCounts & {
    training: { positives: number; negatives: number };
    heldOut: { positives: number; negatives: number };
  };
  dates: DateReport[];
  model: ModelMetrics;
  signals: SignalReport[];
  suggested: Suggestion;
  verdict: Verdict;
  /** One sentence saying why, for the verdict. */
  verdictReason: string;
  warnings: string[];
}

export const minPositives = 30;

export function headline(m: ModelMetrics | RankingMetrics): HeadlineMetrics {
  const out: HeadlineMetrics = {
    auc: m.auc,
    aucCi: m.aucCi,
    liftTopDecile: m.liftTopDecile,
    captureTopDecile: m.captureTopDecile,
    prAuc: m.prAuc,
    brier: m.brier,
  };
  if ('readyPrecision' in m) {
    out.readyPrecision = m.readyPrecision;
    out.readyRecall = m.readyRecall;
  }
  return out;
}

const fmt = (x: number) => (isSet(x) ? x.toFixed(2) : 'n/a');

/** Too few positives, or a held-out AUC whose interval contains 0.5: the data cannot calibrate. */
export function verdictOf(positives: number, heldOut: HeadlineMetrics): { verdict: Verdict; reason: string } {
  if (positives < minPositives)
    return {
      verdict: 'too-little-signal',
      reason: `The data hold too little signal to calibrate: ${positives} positive${positives === 1 ? '' : 's'} in all, and at least ${minPositives} are needed.`,
    };
  const [lo, hi] = heldOut.aucCi;
  if (!isSet(heldOut.auc) || !(lo > 0.5) || !(hi >= lo))
    return {
      verdict: 'too-little-signal',
      reason: `The data hold too little signal to calibrate: the suggested weights' held-out AUC (${fmt(heldOut.auc)}, 95 % CI ${fmt(lo)}–${fmt(hi)}) cannot be told apart from chance.`,
    };
  return {
    verdict: 'calibrated',
    reason: `The suggested weights reach a held-out AUC of ${fmt(heldOut.auc)} (95 % CI ${fmt(lo)}–${fmt(hi)}).`,
  };
}
