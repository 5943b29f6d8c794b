// Score → observed conversion, with counts: does a higher score really convert more, and do the
// probabilities learnt on the training part hold on the held-out part?
import type { ScoreGroups } from './groups';

export interface ReliabilityRow {
  scoreFrom: number;
  scoreTo: number;
  accounts: number;
  positives: number;
  /** Held-out conversion in the bin. */
  observed: number;
  /** Mean probability the training part gave the bin's accounts. */
  predicted: number;
}

export const maxBins = 10;

/** One row per score when there are few, else about ten bins of similar size, lowest score first. */
export function reliabilityTable(g: ScoreGroups, probability: (score: number) => number): ReliabilityRow[] {
  const n = g.positives + g.negatives;
  if (n === 0) return [];
  const rows: ReliabilityRow[] = [];
  const perBin = g.size <= maxBins + 2 ? 0 : n / maxBins;
  let open: ReliabilityRow | null = null;
  let weighted = 0;
  const close = () => {
    if (!open) return;
    open.observed = open.positives / open.accounts;
    open.predicted = weighted / open.accounts;
    rows.push(open);
    open = null;
    weighted = 0;
  };
  for (let i = g.size - 1; i >= 0; i--) {
    const size = g.pos[i]! + g.neg[i]!;
    const score = g.score[i]!;
    open ??= { scoreFrom: score, scoreTo: score, accounts: 0, positives: 0, observed: NaN, predicted: NaN };
    open.scoreTo = score;
    open.accounts += size;
    open.positives += g.pos[i]!;
    weighted += size * probability(score);
    if (perBin === 0 || open.accounts >= perBin) close();
  }
  close();
  return rows;
}
