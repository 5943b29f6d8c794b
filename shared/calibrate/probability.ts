// Turning a points score into a probability, and scoring probabilities. A rule pack's score is
// points, not a probability: each score group gets the conversion it had on the training part,
// shrunk toward the overall rate when the group is small, and the Brier score measures those
// probabilities on the held-out part.
import type { ScoreGroups } from './groups';
import { isSet } from '../missing';

/** Pseudo-accounts at the overall rate added to each group (additive smoothing). */
export const shrinkage = 2;

export interface ScoreCalibration {
  baseRate: number;
  /** Probability for a score; scores unseen in training get the overall rate. */
  probability(score: number): number;
}

export function calibrateScores(train: ScoreGroups): ScoreCalibration {
  const n = train.positives + train.negatives;
  const baseRate = n > 0 ? train.positives / n : NaN;
  const byScore = new Map<number, number>();
  for (let i = 0; i < train.size; i++) {
    const pos = train.pos[i]!;
    const size = pos + train.neg[i]!;
    byScore.set(train.score[i]!, (pos + shrinkage * baseRate) / (size + shrinkage));
  }
  return { baseRate, probability: (score) => byScore.get(score) ?? baseRate };
}

/** Mean squared difference between probability and outcome (0 is perfect; 0.25 a coin toss). */
export function brierScore(probability: ArrayLike<number>, pos: ArrayLike<number>, neg: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i]!;
    if (!isSet(p)) continue;
    sum += pos[i]! * (1 - p) ** 2 + neg[i]! * p ** 2;
    n += pos[i]! + neg[i]!;
  }
  return n > 0 ? sum / n : NaN;
}

/** The Brier score of groups with a probability per group. */
export function groupsBrier(g: ScoreGroups, probability: (score: number) => number): number {
  return brierScore(Array.from(g.score, probability), g.pos, g.neg);
}
