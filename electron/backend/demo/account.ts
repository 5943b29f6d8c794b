// One demo account's static attributes, shaped by its planted pattern.
import type { Rng } from '#shared/random';
import type { JourneyStage, Segment, Tier } from '#shared/domain/workspace';
import { accountManagers, csmsBySegment, industries, namePrefixes, nameSuffixes, regions, seatPrice } from './catalog';
import type { DemoPattern } from './patterns';

export interface DemoAccount {
  key: number;
  id: string;
  name: string;
  domain: string;
  segment: Segment;
  industry: string;
  region: string;
  employees: number;
  ownerCsm: string;
  ownerAm: string;
  tier: Tier;
  arr: number;
  seats: number;
  contractStart: string;
  renewalDate: string;
  health: number;
  nps: number;
  journey: JourneyStage;
  buyerKnown: 0 | 1;
  pattern: DemoPattern;
  /** Days from the end of the series to the renewal date. */
  renewalInDays: number;
  /** An ordinary account whose company is growing and has an executive sponsor: these often expand
   * without saturating their seats — the pattern a seat-led model underrates. */
  growing: boolean;
}

const nameCombos = namePrefixes.length * nameSuffixes.length;

/** A unique, readable name for every index: all prefix × suffix pairs first, then numbered rounds. */
export function demoName(index: number): string {
  const combo = (index * 7919) % nameCombos; // 7919 is prime and coprime to the combo count
  const prefix = namePrefixes[combo % namePrefixes.length];
  const suffix = nameSuffixes[Math.floor(combo / namePrefixes.length)];
  const round = Math.floor(index / nameCombos);
  return round === 0 ? `${prefix} ${suffix}` : `${prefix} ${suffix} ${round + 1}`;
}

function pickSegment(rng: Rng, pattern: DemoPattern): Segment {
  const r = rng.next();
  // Expanders and no-buying-path accounts lean larger: broad usage needs room to spread.
  const big = pattern === 'true_expander' || pattern === 'no_buying_path' ? 0.1 : 0;
  if (r < 0.55 - big) return 'SMB';
  if (r < 0.85 - big / 2) return 'Mid-Market';
  return 'Enterprise';
}

const tierOdds: Record<Segment, readonly [Tier, number][]> = {
  SMB: [
    ['Starter', 0.5],
    ['Growth', 0.4],
    ['Business', 0.1],
  ],
  'Mid-Market': [
    ['Growth', 0.35],
    ['Business', 0.5],
    ['Enterprise', 0.15],
  ],
  Enterprise: [
    ['Business', 0.35],
    ['Enterprise', 0.65],
  ],
};

function pickTier(rng: Rng, segment: Segment): Tier {
  let r = rng.next();
  for (const [tier, p] of tierOdds[segment]) {
    if (r < p) return tier;
    r -= p;
  }
  return tierOdds[segment][tierOdds[segment].length - 1]![0];
}

const sizeBySegment: Record<Segment, { employees: [number, number]; seats: [number, number] }> = {
  SMB: { employees: [12, 200], seats: [5, 45] },
  'Mid-Market': { employees: [200, 2000], seats: [40, 300] },
  Enterprise: { employees: [2000, 60000], seats: [250, 2500] },
};

/** Log-uniform draw: company sizes are spread over orders of magnitude. */
function logUniform(rng: Rng, [min, max]: [number, number]): number {
  return Math.round(Math.exp(rng.uniform(Math.log(min), Math.log(max))));
}

function healthFor(rng: Rng, pattern: DemoPattern): { health: number; nps: number } {
  switch (pattern) {
    case 'unhappy_high_usage':
      return { health: rng.int(22, 45), nps: rng.int(-70, -15) };
    case 'ordinary':
      return rng.chance(0.2)
        ? { health: rng.int(25, 55), nps: rng.int(-50, 10) }
        : { health: rng.int(55, 85), nps: rng.int(-10, 50) };
    case 'true_expander':
      return { health: rng.int(72, 96), nps: rng.int(30, 80) };
    default:
      return { health: rng.int(62, 92), nps: rng.int(10, 70) };
  }
}

const journeyByPattern: Record<DemoPattern, readonly JourneyStage[]> = {
  true_expander: ['tangible_roi', 'expansion_ready', 'expansion_ready'],
  healthy_narrow: ['live', 'first_results', 'first_results'],
  single_champion: ['live', 'first_results', 'tangible_roi'],
  launch_spike: ['baseline', 'live', 'live'],
  admin_only: ['baseline', 'live'],
  no_buying_path: ['live', 'first_results'],
  unhappy_high_usage: ['baseline', 'live'],
  ordinary: ['baseline', 'live', 'first_results', 'tangible_roi'],
};

function renewalDaysFor(rng: Rng, pattern: DemoPattern): number {
  if (pattern === 'true_expander') return rng.int(20, 150);
  if (pattern === 'no_buying_path') return rng.int(200, 360);
  return rng.int(1, 364);
}

export function makeAccount(
  index: number,
  pattern: DemoPattern,
  rng: Rng,
  endDay: number,
  dayToIso: (d: number) => string,
): DemoAccount {
  const segment = pickSegment(rng, pattern);
  const tier = pickTier(rng, segment);
  const size = sizeBySegment[segment];
  const employees = logUniform(rng, size.employees);
  const seats = Math.max(size.seats[0], Math.min(logUniform(rng, size.seats), Math.round(employees * 0.9)));
  const arr = Math.round(seats * seatPrice[tier] * rng.uniform(0.82, 1.05));
  const renewalInDays = renewalDaysFor(rng, pattern);
  const termYears = rng.int(1, 3);
  const renewalDay = endDay + renewalInDays;
  const name = demoName(index);
  const { health, nps } = healthFor(rng, pattern);
  const buyerKnown = pattern === 'no_buying_path' ? 0 : pattern === 'true_expander' ? 1 : rng.chance(0.6) ? 1 : 0;
  const account: DemoAccount = {
    key: index + 1,
    id: `ACC-${String(index + 1).padStart(7, '0')}`,
    name,
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.com`,
    segment,
    industry: rng.pick(industries),
    region: rng.pick(regions),
    employees,
    ownerCsm: rng.pick(csmsBySegment[segment]),
    ownerAm: rng.pick(accountManagers),
    tier,
    arr,
    seats,
    contractStart: dayToIso(renewalDay - 365 * termYears),
    renewalDate: dayToIso(renewalDay),
    health,
    nps,
    journey: rng.pick(journeyByPattern[pattern]),
    buyerKnown,
    pattern,
    renewalInDays,
    growing: false,
  };
  // Drawn last, and only for ordinary accounts, so every other account's draws stay as they were.
  if (pattern === 'ordinary' && health >= 55) account.growing = rng.chance(0.5);
  return account;
}
