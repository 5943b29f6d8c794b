// Per-signal statistics on small hand-worked tables.
import { informationValue, splitStats } from '#shared/calibrate/two-by-two';
import { metricIv, thresholdScan, univariateAuc } from '#shared/calibrate/metric-stats';

describe('a fired / not-fired split', () => {
  // Fired: 8 positives, 2 negatives; not fired: 2 positives, 8 negatives.
  const stats = splitStats({ firedPos: 8, firedNeg: 2, otherPos: 2, otherNeg: 8 });

  it('conversion 0.8 vs 0.2, lift 4 with the log interval 4·exp(±1.96·√(1/8 − 1/10 + 1/2 − 1/10))', () => {
    expect(stats.fired).toBe(10);
    expect(stats.fireRate).toBe(0.5);
    expect(stats.convFired).toBe(0.8);
    expect(stats.convNotFired).toBe(0.2);
    expect(stats.lift).toBeCloseTo(4, 15);
    // √0.425 = 0.6519202; 1.959964 × 0.6519202 = 1.277740; 4·e^−1.277740 = 1.114665, 4·e^1.277740 = 14.354085.
    expect(stats.liftCi[0]).toBeCloseTo(1.114665, 5);
    expect(stats.liftCi[1]).toBeCloseTo(14.354085, 5);
  });

  it('information value (0.8 − 0.2)·ln 4 + (0.2 − 0.8)·ln ¼ = 1.2·ln 4 = 1.663553', () => {
    expect(stats.iv).toBeCloseTo(1.2 * Math.log(4), 12);
    expect(
      informationValue([
        { pos: 5, neg: 5 },
        { pos: 5, neg: 5 },
      ]),
    ).toBe(0);
  });

  it('adds half an account to empty cells so lift and IV stay finite', () => {
    const s = splitStats({ firedPos: 3, firedNeg: 0, otherPos: 0, otherNeg: 5 });
    // Corrected: (3.5/4) / (0.5/6) = 10.5.
    expect(s.lift).toBeCloseTo(10.5, 12);
    expect(Number.isFinite(s.liftCi[1])).toBe(true);
    // Corrected IV: p = (3.5/4, 0.5/4), q = (0.5/6, 5.5/6).
    const p = [3.5 / 4, 0.5 / 4];
    const q = [0.5 / 6, 5.5 / 6];
    expect(s.iv).toBeCloseTo((p[0]! - q[0]!) * Math.log(p[0]! / q[0]!) + (p[1]! - q[1]!) * Math.log(p[1]! / q[1]!), 12);
  });
});

describe('metric statistics', () => {
  // Ten accounts: value i, positives at 6, 8, 9 (the high end converts).
  const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const labels = [0, 0, 0, 0, 0, 0, 1, 0, 1, 1];

  it('univariate AUC: 3 positives × 7 negatives, positives beat 6 + 7 + 7 = 20 of 21 pairs', () => {
    expect(univariateAuc(values, labels, '>')).toBeCloseTo(20 / 21, 15);
    expect(univariateAuc(values, labels, '<')).toBeCloseTo(1 / 21, 15);
  });

  it('leaves missing values out of the AUC and puts them in their own IV bin', () => {
    expect(univariateAuc([...values, NaN], [...labels, 1], '>')).toBeCloseTo(20 / 21, 15);
    expect(metricIv([...values, NaN], [...labels, 1])).toBeGreaterThan(metricIv(values, labels) - 10);
  });

  it('scans quantile thresholds and suggests the one with the highest IV and enough support', () => {
    const n = 200;
    // Value v = i mod 100 (each value twice); above 70 the even values convert, below one account in twenty.
    // Candidates sit at the 5 %, 10 %, … quantiles: values 4, 9, 14, … 94.
    const v = Array.from({ length: n }, (_, i) => i % 100);
    const y = v.map((x, i) => (x > 70 ? (i % 2 === 0 ? 1 : 0) : i % 20 === 0 ? 1 : 0));
    const scan = thresholdScan(v, y, '>');
    expect(scan.candidates.length).toBe(19);
    expect(scan.candidates.map((c) => c.threshold)).toEqual(Array.from({ length: 19 }, (_, k) => 5 * k + 4));
    const at69 = scan.candidates.find((c) => c.threshold === 69)!;
    expect(at69.fired).toBe(60); // values 70…99, twice
    expect(at69.positives).toBe(28); // even values 72…98, twice
    expect(at69.conversion).toBeCloseTo(28 / 60, 15);
    expect(at69.quantile).toBe(0.7);
    expect(scan.suggested).toBeGreaterThanOrEqual(65);
    expect(scan.suggested).toBeLessThanOrEqual(75);
  });

  it('suggests nothing without positives', () => {
    expect(
      thresholdScan(
        values,
        values.map(() => 0),
        '>',
      ).suggested,
    ).toBeNull();
  });
});
