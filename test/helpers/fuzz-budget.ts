// How much each fuzz target runs, and from which seed. `npm test` runs a few thousand cases from
// fixed seeds (fast, and the same every time); `npm run fuzz` sets LADDER_FUZZ_CASES (100,000) and a
// fresh LADDER_FUZZ_SEED, printed so a failure can be replayed with the same two variables.
const fromEnv = (name: string): number | null => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
};

/** Cases for one target: its share of LADDER_FUZZ_CASES when set, else the fixed count `npm test` uses. */
export function fuzzCases(inTestSuite: number, share = 1): number {
  const total = fromEnv('LADDER_FUZZ_CASES');
  return total === null ? inTestSuite : Math.max(1, Math.round(total * share));
}

/** The seed of one target: LADDER_FUZZ_SEED mixed with the target's own number, else that number. */
export function fuzzSeed(target: number): number {
  const base = fromEnv('LADDER_FUZZ_SEED');
  return base === null ? target : Math.imul(base ^ target, 0x9e3779b1) >>> 0 || 1;
}

/** `npm run fuzz -- --per-format`: each import format gets the whole LADDER_FUZZ_CASES, not a ninth of it. */
export const filesPerFormat = process.env.LADDER_FUZZ_PER_FORMAT === '1';
