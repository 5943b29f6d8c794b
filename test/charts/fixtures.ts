// Small, fixed books of accounts scored by the real engine, for the chart cases: every number a
// snapshot shows is the engine's answer on these inputs.
import { createEngine, type Engine } from '#shared/engine/engine';
import type { RulePackInput } from '#shared/pack/schema';
import type { AccountDetail } from '#shared/domain/models';
import { basicStages, features, signal, valid } from '../unit/engine/fixtures';

const n = 240;
const at = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

export const book = features({
  segment: at((i) => i % 3),
  arr: at((i) => 5_000 + ((i * 7919) % 113) * 1_250),
  columns: {
    nps: at((i) => ((i * 37) % 200) - 100),
    departments_active: at((i) => (i * 11) % 7),
    advanced_features_used: at((i) => (i * 13) % 6),
    health_score: at((i) => 30 + ((i * 29) % 70)),
    users_top_share: at((i) => ((i * 17) % 100) / 100),
  },
});

export const pack: RulePackInput = {
  schemaVersion: 1,
  name: 'Chart cases',
  signals: [
    signal('promoter', 'nps', '>=', 40, 4),
    signal('spread', 'departments_active', '>=', 3, 3),
    signal('depth', 'advanced_features_used', '>=', 3, 2),
    signal('healthy', 'health_score', '>=', 70, 2),
  ] as RulePackInput['signals'],
  ladder: { stages: basicStages },
  filters: [
    {
      id: 'single_champion',
      label: 'Single champion',
      kind: 'single_champion',
      action: 'demote',
      appliesFrom: 'ready',
      conditions: [{ metric: 'users_top_share', operator: '>', value: 0.6 }],
    },
    {
      id: 'unhappy',
      label: 'Unhappy customer',
      kind: 'unhappy_customer',
      action: 'exclude',
      appliesFrom: 'emerging',
      conditions: [{ metric: 'health_score', operator: '<', value: 40 }],
    },
  ],
} as RulePackInput;

export const withWeight = (p: RulePackInput, id: string, weight: number): RulePackInput => ({
  ...p,
  signals: p.signals.map((s) => (s.id === id ? { ...s, weight } : s)),
});

export const engineFor = (p: RulePackInput, table = book): Engine => createEngine(table, valid(p));

/** The same accounts, every one scoring 0 and with no ARR (an empty or freshly imported book). */
export const zeroBook = features({
  segment: at(() => 0),
  arr: at(() => 0),
  columns: {
    nps: at(() => 0),
    departments_active: at(() => 0),
    advanced_features_used: at(() => 0),
    health_score: at(() => 50),
    users_top_share: at(() => 0),
  },
});

/** Stage thresholds close together, whose labels would overlap on one line. */
export const closeThresholds: RulePackInput = {
  ...pack,
  ladder: {
    stages: [
      { id: 'not_ready', label: 'Not ready' },
      { id: 'emerging', label: 'Emerging', minScore: 5, minSignals: 1 },
      { id: 'ready', label: 'Ready', minScore: 6, minSignals: 2 },
    ],
  },
} as RulePackInput;

/** A big account: tick labels in the millions must not be clipped. */
export const largeAccount: AccountDetail = {
  id: 'ACC-BIG',
  name: 'Very Large Corp',
  segment: 'Enterprise',
  ownerCsm: 'Dana',
  ownerAm: 'Lee',
  tier: 'Enterprise',
  arr: 4_800_000,
  seatsLicensed: 1_200_000,
  renewalDate: '2027-03-01',
  healthScore: 80,
  nps: 30,
  journeyStage: 'live',
  economicBuyerKnown: true,
  periods: Array.from({ length: 12 }, (_, w) => ({
    period_start: `2026-${String(9 + Math.floor(w / 4)).padStart(2, '0')}-${String(1 + (w % 4) * 7).padStart(2, '0')}`,
    active_users: w === 7 ? 1_900_000 : 600_000 + w * 20_000,
    non_admin_active_users: 500_000 + w * 15_000,
    seats_used: 800_000 + w * 25_000,
    departments_active: 8 + (w % 3),
  })),
};
