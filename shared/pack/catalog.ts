// The metrics every workspace provides, before a rule pack adds derived ones. Period metrics,
// used outside a window function, mean their value in the latest period on or before the as-of date.
import { periodMetrics, type FillRule } from '../domain/period-metrics';

export type MetricKind = 'number' | 'bool' | 'category';

export interface BaseMetric {
  id: string;
  label: string;
  description: string;
  kind: MetricKind;
  level: 'account' | 'period';
  /** Where the value comes from, for the feature builder. */
  source: 'account' | 'period' | 'users' | 'computed';
  /** Period metrics: what a calendar period without a value means (see FillRule). */
  fill?: FillRule;
}

const accountMetrics: BaseMetric[] = [
  {
    id: 'arr',
    label: 'ARR',
    description: 'Annual recurring revenue.',
    kind: 'number',
    level: 'account',
    source: 'account',
  },
  {
    id: 'seats_licensed',
    label: 'Seats licensed',
    description: 'Seats in the current contract.',
    kind: 'number',
    level: 'account',
    source: 'account',
  },
  {
    id: 'employees',
    label: 'Employees',
    description: 'Company headcount on the account record.',
    kind: 'number',
    level: 'account',
    source: 'account',
  },
  {
    id: 'health_score',
    label: 'Health score',
    description: 'Customer health, 0–100.',
    kind: 'number',
    level: 'account',
    source: 'account',
  },
  {
    id: 'nps',
    label: 'NPS',
    description: 'Net promoter score of the account (−100 to 100).',
    kind: 'number',
    level: 'account',
    source: 'account',
  },
  {
    id: 'economic_buyer_known',
    label: 'Economic buyer known',
    description: '1 when the budget holder is identified and engaged.',
    kind: 'bool',
    level: 'account',
    source: 'account',
  },
  {
    id: 'journey_stage_rank',
    label: 'Value-journey stage',
    description: '0 baseline, 1 live, 2 first results, 3 tangible ROI, 4 expansion-ready.',
    kind: 'number',
    level: 'account',
    source: 'computed',
  },
  {
    id: 'days_to_renewal',
    label: 'Days to renewal',
    description: 'Days from the as-of date to the renewal date.',
    kind: 'number',
    level: 'account',
    source: 'computed',
  },
  {
    id: 'contract_age_days',
    label: 'Contract age (days)',
    description: 'Days since the contract started, at the as-of date.',
    kind: 'number',
    level: 'account',
    source: 'computed',
  },
  {
    id: 'segment',
    label: 'Segment',
    description: 'SMB, Mid-Market or Enterprise.',
    kind: 'category',
    level: 'account',
    source: 'account',
  },
  {
    id: 'tier',
    label: 'Plan tier',
    description: 'The plan the account is on.',
    kind: 'category',
    level: 'account',
    source: 'account',
  },
  {
    id: 'region',
    label: 'Region',
    description: 'Sales region.',
    kind: 'category',
    level: 'account',
    source: 'account',
  },
  {
    id: 'industry',
    label: 'Industry',
    description: 'Industry of the customer.',
    kind: 'category',
    level: 'account',
    source: 'account',
  },
  {
    id: 'owner_csm',
    label: 'CSM',
    description: 'Customer success manager who owns the account.',
    kind: 'category',
    level: 'account',
    source: 'account',
  },
];

const userMetrics: BaseMetric[] = [
  {
    id: 'users_total',
    label: 'Users on roster',
    description: 'Users in the imported roster.',
    kind: 'number',
    level: 'account',
    source: 'users',
  },
  {
    id: 'users_active_30d',
    label: 'Users active (30 days)',
    description: 'Roster users active in the 30 days before the as-of date.',
    kind: 'number',
    level: 'account',
    source: 'users',
  },
  {
    id: 'users_departments',
    label: 'Departments using',
    description: 'Distinct departments among users active in the last 30 days.',
    kind: 'number',
    level: 'account',
    source: 'users',
  },
  {
    id: 'users_top_share',
    label: 'Top-user share',
    description: "The most active user's share of all sessions (champion concentration).",
    kind: 'number',
    level: 'account',
    source: 'users',
  },
  {
    id: 'users_admin_share',
    label: 'Admin-only share',
    description: 'Share of active users who are admins.',
    kind: 'number',
    level: 'account',
    source: 'users',
  },
  {
    id: 'users_power',
    label: 'Power users (roster)',
    description: 'Users averaging three or more hours a day.',
    kind: 'number',
    level: 'account',
    source: 'users',
  },
];

const periodLevel: BaseMetric[] = periodMetrics.map((m) => ({
  ...m,
  kind: 'number',
  level: 'period',
  source: 'period',
}));

export const baseMetrics: readonly BaseMetric[] = [...accountMetrics, ...userMetrics, ...periodLevel];

const byId = new Map(baseMetrics.map((m) => [m.id, m]));

export function baseMetric(id: string): BaseMetric | undefined {
  return byId.get(id);
}

/**
 * Custom fields from imports, read as numbers: `custom.NAME` is an account's custom field or a key
 * of its periods' custom metrics (periods.custom), whichever the workspace has; when it has both,
 * `account.custom.NAME` or `period.custom.NAME` says which.
 */
export const customFieldPattern = /^(?:(account|period)\.)?custom\.([A-Za-z_][A-Za-z0-9_]{0,63})$/;

export type CustomScope = 'any' | 'account' | 'period';

export interface CustomRef {
  scope: CustomScope;
  /** The field or key name, as stored. */
  name: string;
}

/**
 * The name expressions use for a stored custom key: imports keep headers as they were ("Has SSO"),
 * and such a key is written with every run of other characters as one underscore (`custom.Has_SSO`).
 * Undefined for keys that cannot be named (nothing left, or quotes and backslashes).
 */
export function customNameOf(key: string): string | undefined {
  if (/["\\]/.test(key)) return undefined;
  const name = key.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+(?=.)|_+$/g, '');
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(safe) ? safe : undefined;
}

export function parseCustomRef(id: string): CustomRef | undefined {
  const match = customFieldPattern.exec(id);
  if (!match) return undefined;
  return { scope: (match[1] as 'account' | 'period' | undefined) ?? 'any', name: match[2]! };
}

export const customRefId = (ref: CustomRef): string =>
  ref.scope === 'any' ? `custom.${ref.name}` : `${ref.scope}.custom.${ref.name}`;

/**
 * Fill rules of custom period metrics: the keys Ladder itself writes (the events import keeps its
 * event count as `events`) are counts; any other key is treated as a snapshot (missing when a
 * period has no value), because nothing says it counts things.
 */
export const customPeriodFill: Readonly<Record<string, FillRule>> = { events: 'zero' };

export function customFillOf(name: string): FillRule {
  return Object.hasOwn(customPeriodFill, name) ? customPeriodFill[name]! : 'missing';
}

export const journeyStageRank: Record<string, number> = {
  baseline: 0,
  live: 1,
  first_results: 2,
  tangible_roi: 3,
  expansion_ready: 4,
};
