// A synthetic workspace whose outcomes follow a known logistic model: each account gets four
// independent 0/1 behaviours in the week that ends on the as-of date (pricing-page views, executive
// meetings, exploratory tickets, invitations), and wins an expansion within the horizon with
// probability σ(β₀ + Σ βⱼ xⱼ). With `random`, outcomes ignore the behaviours entirely.
import { createRng } from '#shared/random';
import { addDays } from '#shared/dates';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { createBatchInserter } from '../../electron/backend/store/batch-insert';
import type { RulePackInput } from '#shared/pack/schema';

/** A Sunday: the as-of date's calendar week (Monday 23 February to it) holds the behaviours. */
export const syntheticAsOf = '2026-03-01';
export const behaviours = ['pricing_page_views', 'exec_meetings', 'tickets_exploratory', 'invites_sent'] as const;

export interface SyntheticModel {
  intercept: number;
  /** One coefficient per behaviour, in the order above. */
  coefficients: readonly number[];
  /** Share of accounts showing each behaviour. */
  rates: readonly number[];
}

export interface Synthetic {
  /** Each account's true linear predictor, by account id. */
  truth: Map<string, number>;
}

export async function writeSyntheticWorkspace(
  path: string,
  accounts: number,
  model: SyntheticModel,
  options: { seed: number; random?: boolean },
): Promise<Synthetic> {
  const ws = await openWorkspace(path, { create: true });
  const db = ws.db;
  const rng = createRng(options.seed);
  const truth = new Map<string, number>();
  const week = addDays(syntheticAsOf, -6);
  const accountRows = createBatchInserter(db, 'accounts', ['key', 'id', 'name', 'segment', 'contract_start', 'arr']);
  const periodRows = createBatchInserter(db, 'periods', ['account_key', 'period_start', ...behaviours]);
  const outcomeRows = createBatchInserter(db, 'outcomes', [
    'id',
    'account_key',
    'type',
    'stage',
    'opened_date',
    'close_date',
    'won',
    'is_expansion',
  ]);
  const overall =
    1 / (1 + Math.exp(-model.intercept - model.coefficients.reduce((s, b, j) => s + b * model.rates[j]!, 0)));
  db.exec('BEGIN');
  db.pragma('defer_foreign_keys = ON'); // periods may be flushed before their accounts
  for (let i = 0; i < accounts; i++) {
    const key = i + 1;
    const id = `SYN-${String(key).padStart(6, '0')}`;
    const x = model.rates.map((r) => (rng.chance(r) ? 1 : 0));
    const eta = model.intercept + model.coefficients.reduce((s, b, j) => s + b * x[j]!, 0);
    truth.set(id, eta);
    accountRows.add([key, id, `Synthetic ${key}`, 'SMB', '2025-01-06', 10_000]);
    periodRows.add([key, week, ...x]);
    const p = options.random ? overall : 1 / (1 + Math.exp(-eta));
    if (rng.chance(p)) {
      const close = addDays(syntheticAsOf, rng.int(5, 85));
      outcomeRows.add([`${id}-W`, key, 'Upsell', 'Closed Won', addDays(close, -3), close, 1, 1]);
    }
  }
  accountRows.flush();
  periodRows.flush();
  outcomeRows.flush();
  db.exec('COMMIT');
  db.close();
  return { truth };
}

/** A pack with one signal per behaviour, equal weights of 3, and stages by score alone. */
export function syntheticPack(): RulePackInput {
  return {
    schemaVersion: 1,
    name: 'Synthetic behaviours',
    signals: behaviours.map((metric) => ({
      id: metric,
      label: metric,
      category: 'engagement',
      metric,
      operator: '>=',
      threshold: 1,
      weight: 3,
      urgency: 'medium',
      approach: 'growth_conversation',
    })),
    ladder: {
      stages: [
        { id: 'low', label: 'Low' },
        { id: 'mid', label: 'Mid', minScore: 3 },
        { id: 'ready', label: 'Ready', minScore: 6 },
      ],
    },
  } as RulePackInput;
}
