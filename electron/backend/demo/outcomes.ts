// Historical opportunities over the last four quarters: the ground truth calibration learns from.
// Planted patterns differ in how often an expansion was won, so a good model should separate them.
import type { Rng } from '#shared/random';
import type { DemoAccount } from './account';
import type { DemoPattern } from './patterns';

export interface DemoOutcome {
  id: string;
  type: string;
  stage: string;
  openedDay: number;
  closeDay: number;
  amount: number;
  won: 0 | 1;
  isExpansion: 0 | 1;
}

const expansionOdds: Record<DemoPattern, { won: number; lost: number }> = {
  true_expander: { won: 0.78, lost: 0.15 },
  healthy_narrow: { won: 0.06, lost: 0.12 },
  single_champion: { won: 0.12, lost: 0.3 },
  launch_spike: { won: 0.08, lost: 0.25 },
  admin_only: { won: 0.05, lost: 0.2 },
  no_buying_path: { won: 0.1, lost: 0.35 },
  unhappy_high_usage: { won: 0.03, lost: 0.2 },
  ordinary: { won: 0.08, lost: 0.1 },
};

const expansionTypes = ['Seat expansion', 'Tier upgrade', 'Cross-sell'] as const;

/** Growing ordinary accounts expand almost as often as true expanders, at any time of the year. */
const growingOdds = { won: 0.9, lost: 0.15 };

export function makeOutcomes(account: DemoAccount, rng: Rng, endDay: number): DemoOutcome[] {
  const odds = account.growing ? growingOdds : expansionOdds[account.pattern];
  const out: DemoOutcome[] = [];
  const add = (type: string, won: 0 | 1, isExpansion: 0 | 1, share: number) => {
    // Expanders close late in the window, after their signals built up; others anywhere.
    // Expanders close late in the window, after their seats and departments filled up; growing
    // accounts (steady growth, a sponsor all year) and everyone else at any time.
    const closeDay = endDay - (won && account.pattern === 'true_expander' ? rng.int(0, 120) : rng.int(0, 363));
    out.push({
      id: `${account.id}-OPP-${out.length + 1}`,
      type,
      stage: won ? 'Closed Won' : 'Closed Lost',
      // Expansions of existing customers move fast: a week to five from opening to close.
      openedDay: closeDay - rng.int(7, 35),
      closeDay,
      amount: Math.round(account.arr * share),
      won,
      isExpansion,
    });
  };
  if (rng.chance(odds.won)) add(rng.pick(expansionTypes), 1, 1, rng.uniform(0.15, 0.5));
  if (rng.chance(odds.lost)) add(rng.pick(expansionTypes), 0, 1, rng.uniform(0.1, 0.4));
  if (account.renewalInDays > 300) add('Renewal', 1, 0, 1);
  return out;
}
