// How good a model is on a set of labelled accounts, computed from rows that each stand for a
// group of accounts (an engine class at one as-of date): ROC AUC with its CI, PR AUC, Brier,
// top-decile lift and capture, per stage the share of accounts and of conversions, Ready
// precision and recall, the reliability table and a per-segment breakdown.
import { segmentNames } from '../engine/features';
import { toGroups, type ScoreGroups } from './groups';
import { calibrateScores, groupsBrier } from './probability';
import { prAuc, deciles, topShare, type TopShare } from './ranking';
import { reliabilityTable, type ReliabilityRow } from './reliability';
import { aucWithCi } from './roc';

/** One row per group of accounts; `key` ranks them (higher = more likely to convert). */
export interface MetricRows {
  key: Float64Array;
  score: Float64Array;
  stage: Int32Array;
  segment: Uint8Array;
  pos: Float64Array;
  neg: Float64Array;
}

export interface RankingMetrics {
  accounts: number;
  positives: number;
  auc: number;
  aucCi: [number, number];
  prAuc: number;
  brier: number;
  liftTopDecile: number;
  captureTopDecile: number;
  deciles: TopShare[];
}

export interface StageRow {
  id: string;
  label: string;
  accounts: number;
  positives: number;
  shareOfAccounts: number;
  shareOfConversions: number;
  conversion: number;
}

export interface SegmentRow {
  segment: string;
  accounts: number;
  positives: number;
  conversion: number;
  auc: number;
  aucCi: [number, number];
  liftTopDecile: number;
}

export interface ModelMetrics extends RankingMetrics {
  readyPrecision: number;
  readyRecall: number;
  stages: StageRow[];
  /** Bins in ranking order; keyFrom/keyTo are the bin's ranking keys, scoreFrom/scoreTo its pack scores. */
  reliability: (ReliabilityRow & { stage: string; keyFrom: number; keyTo: number })[];
  segments: SegmentRow[];
}

export const emptyRows = (): MetricRows => ({
  key: new Float64Array(0),
  score: new Float64Array(0),
  stage: new Int32Array(0),
  segment: new Uint8Array(0),
  pos: new Float64Array(0),
  neg: new Float64Array(0),
});

export function concatRows(parts: readonly MetricRows[]): MetricRows {
  const cat = <T extends Float64Array | Int32Array | Uint8Array>(
    pick: (r: MetricRows) => T,
    make: (n: number) => T,
  ) => {
    const out = make(parts.reduce((n, p) => n + pick(p).length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += pick(p).length;
    }
    return out;
  };
  return {
    key: cat(
      (r) => r.key,
      (n) => new Float64Array(n),
    ),
    score: cat(
      (r) => r.score,
      (n) => new Float64Array(n),
    ),
    stage: cat(
      (r) => r.stage,
      (n) => new Int32Array(n),
    ),
    segment: cat(
      (r) => r.segment,
      (n) => new Uint8Array(n),
    ),
    pos: cat(
      (r) => r.pos,
      (n) => new Float64Array(n),
    ),
    neg: cat(
      (r) => r.neg,
      (n) => new Float64Array(n),
    ),
  };
}

export function filterRows(rows: MetricRows, keep: (i: number) => boolean): MetricRows {
  const idx: number[] = [];
  for (let i = 0; i < rows.key.length; i++) if (keep(i)) idx.push(i);
  return {
    key: Float64Array.from(idx, (i) => rows.key[i]!),
    score: Float64Array.from(idx, (i) => rows.score[i]!),
    stage: Int32Array.from(idx, (i) => rows.stage[i]!),
    segment: Uint8Array.from(idx, (i) => rows.segment[i]!),
    pos: Float64Array.from(idx, (i) => rows.pos[i]!),
    neg: Float64Array.from(idx, (i) => rows.neg[i]!),
  };
}

export const groupsOf = (rows: MetricRows): ScoreGroups => toGroups(rows.key, rows.pos, rows.neg);

/** The ranking measures of groups, with a probability per key for the Brier score. */
export function rankingMetrics(test: ScoreGroups, probability: (key: number) => number): RankingMetrics {
  const { auc, ci } = aucWithCi(test);
  const top = topShare(test, 0.1);
  return {
    accounts: test.positives + test.negatives,
    positives: test.positives,
    auc,
    aucCi: ci,
    prAuc: prAuc(test),
    brier: groupsBrier(test, probability),
    liftTopDecile: top.lift,
    captureTopDecile: top.capture,
    deciles: deciles(test),
  };
}

export interface Ladder {
  stages: readonly { id: string; label: string }[];
  /** Index of the top ("Ready") stage. */
  top: number;
}

function stageRows(test: MetricRows, ladder: Ladder): StageRow[] {
  let total = 0;
  let positives = 0;
  const rows = ladder.stages.map((s) => ({ id: s.id, label: s.label, accounts: 0, positives: 0 }));
  for (let i = 0; i < test.key.length; i++) {
    const n = test.pos[i]! + test.neg[i]!;
    rows[test.stage[i]!]!.accounts += n;
    rows[test.stage[i]!]!.positives += test.pos[i]!;
    total += n;
    positives += test.pos[i]!;
  }
  return rows.map((r) => ({
    ...r,
    shareOfAccounts: total > 0 ? r.accounts / total : NaN,
    shareOfConversions: positives > 0 ? r.positives / positives : NaN,
    conversion: r.accounts > 0 ? r.positives / r.accounts : NaN,
  }));
}

function segmentRows(test: MetricRows): SegmentRow[] {
  const out: SegmentRow[] = [];
  segmentNames.forEach((segment, code) => {
    const rows = filterRows(test, (i) => test.segment[i] === code);
    const g = groupsOf(rows);
    const accounts = g.positives + g.negatives;
    if (accounts === 0) return;
    const { auc, ci } = aucWithCi(g);
    out.push({
      segment,
      accounts,
      positives: g.positives,
      conversion: g.positives / accounts,
      auc,
      aucCi: ci,
      liftTopDecile: topShare(g, 0.1).lift,
    });
  });
  return out;
}

/** Stage names of the rows in each reliability bin (one id, or ids joined by " + "). */
function reliabilityStages(test: MetricRows, rows: ReliabilityRow[], ladder: Ladder): string[] {
  return rows.map((bin) => {
    const ids = new Set<string>();
    for (let i = 0; i < test.key.length; i++) {
      const k = test.key[i]!;
      if (k >= bin.scoreFrom && k <= bin.scoreTo && test.pos[i]! + test.neg[i]! > 0)
        ids.add(ladder.stages[test.stage[i]!]!.id);
    }
    return [...ids].join(' + ');
  });
}

/** Pack score range of the rows whose key falls in [from, to]. */
function scoreRange(test: MetricRows, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < test.key.length; i++) {
    const k = test.key[i]!;
    if (k < from || k > to || test.pos[i]! + test.neg[i]! === 0) continue;
    lo = Math.min(lo, test.score[i]!);
    hi = Math.max(hi, test.score[i]!);
  }
  return [lo, hi];
}

/**
 * The metrics of a rule pack on the held-out rows. Keys rank (stage, score); each key's
 * probability is its smoothed conversion on the training rows.
 */
export function modelMetrics(test: MetricRows, train: MetricRows, ladder: Ladder): ModelMetrics {
  const testGroups = groupsOf(test);
  const calibration = calibrateScores(groupsOf(train));
  const ranking = rankingMetrics(testGroups, calibration.probability);
  const stages = stageRows(test, ladder);
  const ready = stages[ladder.top]!;
  const byKey = reliabilityTable(testGroups, calibration.probability);
  const binStages = reliabilityStages(test, byKey, ladder);
  const reliability = byKey.map((row, b) => {
    const [scoreFrom, scoreTo] = scoreRange(test, row.scoreFrom, row.scoreTo);
    return { ...row, keyFrom: row.scoreFrom, keyTo: row.scoreTo, scoreFrom, scoreTo, stage: binStages[b]! };
  });
  return {
    ...ranking,
    readyPrecision: ready.conversion,
    readyRecall: ranking.positives > 0 ? ready.positives / ranking.positives : NaN,
    stages,
    reliability,
    segments: segmentRows(test),
  };
}
