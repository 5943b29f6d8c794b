// Ranking metrics on small data sets worked out by hand; the expected numbers are written out.
import { groupsOfAccounts, lexicographicRank, toGroups } from '#shared/calibrate/groups';
import { aucWithCi, rocAuc } from '#shared/calibrate/roc';
import { prAuc, topShare } from '#shared/calibrate/ranking';
import { brierScore, calibrateScores } from '#shared/calibrate/probability';
import { reliabilityTable } from '#shared/calibrate/reliability';

// Seven accounts: positives scored 0.9, 0.8, 0.4; negatives 0.7, 0.4, 0.3, 0.2 (one tie at 0.4).
const scores = [0.9, 0.8, 0.4, 0.7, 0.4, 0.3, 0.2];
const labels = [1, 1, 1, 0, 0, 0, 0];
const seven = groupsOfAccounts(scores, labels);

describe('ROC AUC and its DeLong interval', () => {
  it('counts pairs a positive wins (ties half): 4 + 4 + 2.5 of 12 = 0.875', () => {
    expect(rocAuc(seven)).toBeCloseTo(10.5 / 12, 15);
  });

  it('DeLong: placements V10 = (1, 1, 0.625), V01 = (2/3, 5/6, 1, 1); variance 3/64/3 + 11/432/4 = 38/1728', () => {
    // S10 = Σ(V10 − A)²/(P − 1) = (1/64 + 1/64 + 1/16)/2 = 3/64;
    // S01 = Σ(V01 − A)²/(N − 1) = (25 + 1 + 9 + 9)/576/3 = 11/432.
    const { auc, variance, ci } = aucWithCi(seven);
    expect(auc).toBeCloseTo(0.875, 15);
    expect(variance).toBeCloseTo(38 / 1728, 15);
    // 0.875 − 1.959964 × √(38/1728) = 0.875 − 1.959964 × 0.1482928 = 0.584352; the upper end is clipped to 1.
    expect(ci[0]).toBeCloseTo(0.584352, 5);
    expect(ci[1]).toBe(1);
  });

  it('is 0.5 for a constant score and NaN without negatives', () => {
    expect(rocAuc(groupsOfAccounts([1, 1, 1, 1], [1, 0, 1, 0]))).toBe(0.5);
    expect(rocAuc(groupsOfAccounts([1, 2], [1, 1]))).toBeNaN();
  });

  it('groups merge equal scores and drop NaN scores', () => {
    const g = toGroups([3, NaN, 3, 1], [1, 1, 0, 0], [0, 0, 1, 1]);
    expect(Array.from(g.score)).toEqual([3, 1]);
    expect(Array.from(g.pos)).toEqual([1, 0]);
    expect(Array.from(g.neg)).toEqual([1, 1]);
    expect([g.positives, g.negatives]).toEqual([1, 2]);
  });
});

describe('PR AUC (average precision)', () => {
  it('steps at each tied group: 1/3·1 + 1/3·1 + 1/3·(3/5) = 13/15', () => {
    // Cut after 0.9: precision 1, recall 1/3; after 0.8: 1, 2/3; after 0.7: no new positive;
    // after the tie at 0.4: 3 positives of 5 accounts, recall 1.
    expect(prAuc(seven)).toBeCloseTo(13 / 15, 15);
  });
});

describe('Brier score', () => {
  it('is the mean of (p − y)²: (0.01 + 0.04 + 0.36 + 0.49 + 0.16 + 0.09 + 0.04)/7 = 0.17', () => {
    const pos = labels.map((y) => (y === 1 ? 1 : 0));
    const neg = labels.map((y) => (y === 0 ? 1 : 0));
    expect(brierScore(scores, pos, neg)).toBeCloseTo(1.19 / 7, 15);
  });

  it('smooths training conversion toward the base rate with 2 pseudo-accounts', () => {
    // Training: score 2 → 3 of 4 converted; score 1 → 1 of 6; base rate 4/10.
    const train = toGroups([2, 1], [3, 1], [1, 5]);
    const cal = calibrateScores(train);
    expect(cal.baseRate).toBeCloseTo(0.4, 15);
    expect(cal.probability(2)).toBeCloseTo((3 + 2 * 0.4) / (4 + 2), 15); // 0.6333…
    expect(cal.probability(1)).toBeCloseTo((1 + 0.8) / 8, 15); // 0.225
    expect(cal.probability(7)).toBeCloseTo(0.4, 15); // unseen score: the base rate
  });
});

describe('top-decile lift and capture', () => {
  // Twenty accounts, five positive (base rate 1/4). Scores 20 … 1; positives at 20, 18, 15, 10, 5.
  const twenty = groupsOfAccounts(
    Array.from({ length: 20 }, (_, i) => 20 - i),
    Array.from({ length: 20 }, (_, i) => ([20, 18, 15, 10, 5].includes(20 - i) ? 1 : 0)),
  );

  it('top 10 % = the two best accounts, one positive: lift (1/2)/(1/4) = 2, capture 1/5', () => {
    const top = topShare(twenty, 0.1);
    expect(top.accounts).toBe(2);
    expect(top.positives).toBe(1);
    expect(top.lift).toBeCloseTo(2, 15);
    expect(top.capture).toBeCloseTo(0.2, 15);
  });

  it('top 30 % = six accounts with positives 20, 18, 15: lift (3/6)/(1/4) = 2, capture 3/5', () => {
    const top = topShare(twenty, 0.3);
    expect(top.positives).toBe(3);
    expect(top.lift).toBeCloseTo(2, 15);
    expect(top.capture).toBeCloseTo(0.6, 15);
  });

  it('a tie across the cut is taken in proportion: 2 of 4 tied accounts (2 positives) count as 1 positive', () => {
    // Four accounts tied at the top score with 2 positives; 16 more below with 3 positives.
    const g = toGroups([9, 1], [2, 3], [2, 13]);
    const top = topShare(g, 0.1);
    expect(top.accounts).toBe(2);
    expect(top.positives).toBe(1);
    expect(top.lift).toBeCloseTo(0.5 / 0.25, 15);
    expect(top.capture).toBeCloseTo(0.2, 15);
  });
});

describe('reliability table', () => {
  it('one row per score, lowest first, with observed and predicted conversion', () => {
    const heldOut = toGroups([2, 1, 0], [2, 1, 0], [1, 3, 4]);
    const rows = reliabilityTable(heldOut, (s) => [0.05, 0.25, 0.6][s]!);
    expect(rows).toEqual([
      { scoreFrom: 0, scoreTo: 0, accounts: 4, positives: 0, observed: 0, predicted: 0.05 },
      { scoreFrom: 1, scoreTo: 1, accounts: 4, positives: 1, observed: 0.25, predicted: 0.25 },
      { scoreFrom: 2, scoreTo: 2, accounts: 3, positives: 2, observed: 2 / 3, predicted: 0.6 },
    ]);
  });

  it('bins many scores into about ten bins of similar size', () => {
    const n = 200;
    const g = groupsOfAccounts(
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    );
    const rows = reliabilityTable(g, () => 0.3);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.accounts === 20)).toBe(true);
    expect(rows.reduce((s, r) => s + r.positives, 0)).toBe(g.positives);
  });
});

describe('lexicographic ranks', () => {
  it('orders by stage first, then score', () => {
    expect(Array.from(lexicographicRank([0, 1, 1, 0, 2], [9, 1, 3, 9, 0]))).toEqual([0, 1, 2, 0, 3]);
  });
});
