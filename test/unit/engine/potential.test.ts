// Whitespace against hand computations: the default (a share of employees by segment, priced at
// today's price per seat) and a pack's own definition, missing inputs, the clamp at 0, and the
// checks a potential section goes through.
import { createEngine } from '#shared/engine/engine';
import { checkPack } from '#shared/pack/validate';
import { defaultPotential } from '#shared/pack/potential';
import { basicStages, features, signal, valid } from './fixtures';

const pack = (potential?: unknown, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  name: 'whitespace',
  signals: [signal('healthy', 'health_score', '>=', 50, 5)],
  ladder: { stages: basicStages },
  ...(potential ? { potential } : {}),
  ...extra,
});

// A small book as a CRM would export it: SMB, Mid-Market, Enterprise, an account with no segment,
// one without a headcount, one already paying for more than it could use, one with no seats.
const book = features({
  segment: [0, 1, 2, 3, 0, 1, 2],
  columns: {
    health_score: [80, 60, 70, 90, 40, 75, 65],
    employees: [40, 600, 12000, 100, NaN, 100, 5000],
    seats_licensed: [10, 120, 800, 20, 8, 80, 0],
    arr: [6000, 96000, 960000, 14000, 4000, 64000, 50000],
    nps: [30, 10, -20, 50, 0, 20, 5],
  },
});

describe('whitespace', () => {
  it('the default: share of employees by segment × current price per seat, minus ARR, never below 0', () => {
    const engine = createEngine(book, valid(pack()));
    const { seats, arr, whitespace } = engine.potential;
    // SMB: 40 × 0.5 = 20 seats at 6,000 / 10 = 600 a seat → 12,000; whitespace 12,000 − 6,000.
    // Mid-Market: 600 × 0.3 = 180 seats at 800 → 144,000; whitespace 48,000.
    // Enterprise: 12,000 × 0.15 = 1,800 seats at 1,200 → 2,160,000; whitespace 1,200,000.
    // No segment (the default share): 100 × 0.3 = 30 seats at 700 → 21,000; whitespace 7,000.
    // No headcount: unknown. Paying for 80 seats, could use 30: no whitespace (0, not negative).
    // No seats licensed: no price per seat, so unknown.
    expect(Array.from(seats)).toEqual([20, 180, 1800, 30, NaN, 30, 750]);
    expect(Array.from(arr)).toEqual([12000, 144000, 2160000, 21000, NaN, 24000, NaN]);
    expect(Array.from(whitespace)).toEqual([6000, 48000, 1200000, 7000, NaN, 0, NaN]);
  });

  it("a pack's own definition, with a per-segment override and potential_seats in the ARR", () => {
    const own = {
      seats: 'max(seats_licensed, employees * 0.1)',
      arr: 'potential_seats * 500 + if(nps > 25, 1000, 0)',
      segmentOverrides: { Enterprise: { arr: 'potential_seats * 900' } },
    };
    const { seats, arr, whitespace } = createEngine(book, valid(pack(own))).potential;
    // max ignores missing values: no headcount leaves the seats licensed.
    expect(Array.from(seats)).toEqual([10, 120, 1200, 20, 8, 80, 500]);
    expect(Array.from(arr)).toEqual([6000, 60000, 1080000, 11000, 4000, 40000, 450000]);
    expect(Array.from(whitespace)).toEqual([0, 0, 120000, 0, 0, 0, 400000]);
  });

  it('is unknown, not zero, when the feature table has none of the inputs', () => {
    const bare = features({ segment: [0, 1], columns: { health_score: [80, 20] } });
    expect(Array.from(createEngine(bare, valid(pack())).potential.whitespace)).toEqual([NaN, NaN]);
  });

  it('follows an edit of the potential, and keeps its columns while the potential stays', () => {
    const engine = createEngine(book, valid(pack()));
    const first = engine.potential;
    engine.update(valid(pack(undefined, { name: 'renamed' })));
    expect(engine.potential).toBe(first);
    engine.update(valid(pack({ seats: 'employees', arr: 'potential_seats * 10' })));
    expect(engine.potential.whitespace[0]).toBe(0); // 40 seats × 10 = 400, below the 6,000 paid
    expect(engine.potential.arr[0]).toBe(400);
  });

  it('the default potential is the documented one and validates', () => {
    expect(valid(pack()).potential.source).toBe('default');
    expect(valid(pack(defaultPotential)).potential.source).toBe('pack');
    expect(valid(pack()).potential.inputs).toEqual(['employees', 'arr', 'seats_licensed']);
  });

  it.each([
    [{ seats: 'rolling_mean(seats_used, 4)', arr: 'arr' }, 'potential.seats', 'Window functions cannot be used here'],
    [{ seats: 'headcount_typo * 2', arr: 'arr' }, 'potential.seats', 'Unknown metric "headcount_typo"'],
    [{ seats: 'tier * 2', arr: 'arr' }, 'potential.seats', 'Unknown metric "tier"'],
    [{ seats: 'employees > 5', arr: 'arr' }, 'potential.seats', 'must be a number'],
    [{ seats: 'potential_seats', arr: 'arr' }, 'potential.seats', 'Unknown metric "potential_seats"'],
    [{ seats: 'employees', arr: 'arr / 0' }, 'potential.arr', 'Division by zero'],
    [
      { seats: 'employees', arr: 'arr', segmentOverrides: { SMB: { seats: 'employees *' } } },
      'potential.segmentOverrides.SMB.seats',
      '',
    ],
    [{ seats: 'employees', arr: 'arr', extra: 1 }, 'potential', 'Unrecognized key'],
  ])('refuses %j with its path and reason', (potential, path, reason) => {
    const checked = checkPack(pack(potential));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const issue = checked.issues.find((i) => i.path.startsWith(path));
    expect(issue, JSON.stringify(checked.issues)).toBeDefined();
    expect(issue!.message).toContain(reason);
  });

  it('refuses ids that would collide with the whitespace columns of the exports', () => {
    const checked = checkPack(pack(undefined, { signals: [signal('whitespace', 'health_score', '>=', 50, 5)] }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues[0]!.message).toContain('"whitespace" is a reserved name');
  });
});
