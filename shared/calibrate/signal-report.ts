// Per-signal statistics on the training part: how often each signal fires, conversion when it
// fires and when it does not, lift with its interval, information value, the univariate AUC of the
// metric it reads, a threshold scan with a suggestion, and leakage flags.
import { signalFeature } from '../engine/features';
import type { Engine } from '../engine/engine';
import type { Signal } from '../pack/schema';
import type { ClassCounts } from './class-counts';
import { sortMetric, sortedAuc, sortedIv, sortedScan, type ThresholdCandidate } from './metric-stats';
import { splitStats } from './two-by-two';

export type LeakageFlag = 'auc-above-0.85' | 'iv-above-0.5' | 'recorded-after-outcome';

export interface SignalReport {
  id: string;
  label: string;
  enabled: boolean;
  fireRate: number;
  convFired: number;
  convNotFired: number;
  lift: number;
  liftCi: [number, number];
  /** Information value of the signal as it fires now. */
  iv: number;
  /** Information value of its metric over deciles. */
  metricIv: number;
  /** Univariate AUC of the metric it reads (oriented by the operator). */
  auc: number;
  threshold: Signal['threshold'];
  suggestedThreshold: number | null;
  scan: ThresholdCandidate[];
  leakage: LeakageFlag[];
}

/** The training accounts of one as-of date: their engine, labels and which are in the training part. */
export interface TrainingSet {
  engine: Engine;
  labels: Int8Array;
  counts: ClassCounts;
  isTraining(account: number): boolean;
}

export const leakageAuc = 0.85;
export const leakageIv = 0.5;

/** The training accounts' values of one feature column and their labels, over every date. */
function trainingValues(sets: readonly TrainingSet[], key: string): { values: Float64Array; labels: Int8Array } {
  let n = 0;
  for (const set of sets) for (let i = 0; i < set.labels.length; i++) if (set.labels[i]! >= 0 && set.isTraining(i)) n++;
  const values = new Float64Array(n);
  const labels = new Int8Array(n);
  let k = 0;
  for (const set of sets) {
    const column = set.engine.features.columns.get(key);
    for (let i = 0; i < set.labels.length; i++) {
      if (set.labels[i]! < 0 || !set.isTraining(i)) continue;
      values[k] = column ? column[i]! : NaN;
      labels[k++] = set.labels[i]!;
    }
  }
  return { values, labels };
}

export function signalReports(
  signals: readonly Signal[],
  sets: readonly TrainingSet[],
  recordedAfter: ReadonlySet<string>,
): SignalReport[] {
  return signals.map((signal, s) => {
    const counts = { firedPos: 0, firedNeg: 0, otherPos: 0, otherNeg: 0 };
    for (const set of sets) {
      const { table } = set.engine;
      for (let c = 0; c < table.size; c++) {
        const fired = (table.mask[c]! >>> s) & 1;
        if (fired) {
          counts.firedPos += set.counts.trainPos[c]!;
          counts.firedNeg += set.counts.trainNeg[c]!;
        } else {
          counts.otherPos += set.counts.trainPos[c]!;
          counts.otherNeg += set.counts.trainNeg[c]!;
        }
      }
    }
    const stats = splitStats(counts);
    const { values, labels } = trainingValues(sets, signalFeature(signal).key);
    const sorted = sortMetric(values, labels);
    const auc = sortedAuc(sorted, signal.operator);
    const ivOfMetric = sortedIv(sorted);
    const op = signal.operator;
    const scan = op === '>' || op === '>=' || op === '<' || op === '<=' ? sortedScan(sorted, op) : null;
    const leakage: LeakageFlag[] = [];
    if (Math.max(auc, 1 - auc) > leakageAuc) leakage.push('auc-above-0.85');
    if (stats.iv > leakageIv || ivOfMetric > leakageIv) leakage.push('iv-above-0.5');
    if (recordedAfter.has(signal.id)) leakage.push('recorded-after-outcome');
    return {
      id: signal.id,
      label: signal.label,
      enabled: signal.enabled,
      fireRate: stats.fireRate,
      convFired: stats.convFired,
      convNotFired: stats.convNotFired,
      lift: stats.lift,
      liftCi: stats.liftCi,
      iv: stats.iv,
      metricIv: ivOfMetric,
      auc,
      threshold: signal.threshold,
      suggestedThreshold: scan?.suggested ?? null,
      scan: scan?.candidates ?? [],
      leakage,
    };
  });
}
