// Metric rows from an engine's classes: one row per class and part, with the class's final stage,
// score and segment, and its positives and negatives. Keys are assigned over all rows at once,
// so keys from several as-of dates (and from the training and the held-out part) compare.
import type { ClassTable } from '../engine/classes';
import { segmentOfContext } from '../engine/classes';
import type { ClassOutcomes } from '../engine/scoring';
import type { ClassCounts } from './class-counts';
import { lexicographicRank } from './groups';
import type { MetricRows } from './model-metrics';

export function classRows(
  table: Pick<ClassTable, 'size' | 'context'>,
  outcomes: Pick<ClassOutcomes, 'score' | 'stage'>,
  pos: Float64Array,
  neg: Float64Array,
): MetricRows {
  const n = table.size;
  return {
    key: new Float64Array(n),
    score: outcomes.score.slice(0, n),
    stage: Int32Array.from(outcomes.stage.subarray(0, n)),
    segment: Uint8Array.from({ length: n }, (_, c) => segmentOfContext(table.context[c]!)),
    pos: pos.slice(0, n),
    neg: neg.slice(0, n),
  };
}

export function trainRows(table: ClassTable, outcomes: ClassOutcomes, counts: ClassCounts): MetricRows {
  return classRows(table, outcomes, counts.trainPos, counts.trainNeg);
}

export function testRows(table: ClassTable, outcomes: ClassOutcomes, counts: ClassCounts): MetricRows {
  return classRows(table, outcomes, counts.testPos, counts.testNeg);
}

/** Ranks every row of every set by (stage, score), writing the shared dense rank into each row's key. */
export function assignStageScoreKeys(sets: readonly MetricRows[]): void {
  const total = sets.reduce((n, s) => n + s.key.length, 0);
  const stage = new Float64Array(total);
  const score = new Float64Array(total);
  let at = 0;
  for (const s of sets) {
    stage.set(s.stage, at);
    score.set(s.score, at);
    at += s.key.length;
  }
  const rank = lexicographicRank(stage, score);
  at = 0;
  for (const s of sets) {
    s.key.set(rank.subarray(at, at + s.key.length));
    at += s.key.length;
  }
}
