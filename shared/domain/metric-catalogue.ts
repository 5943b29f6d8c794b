// The metrics a workspace can feed a model: every canonical metric and every custom field or custom
// period metric, with where it comes from, its type, its fill rule (period metrics) and the share of
// accounts that have a value. Drives the metric picker, pack diagnostics and "Start from my columns".
import type { FillRule } from './period-metrics';

export type MetricSource = 'account' | 'computed' | 'users' | 'period' | 'account custom' | 'period custom';
export type MetricValueType = 'number' | 'bool' | 'category' | 'text';

export interface WorkspaceMetric {
  /** The name expressions use: a canonical id, `custom.NAME`, or `account.`/`period.custom.NAME` when ambiguous. */
  id: string;
  label: string;
  description: string;
  source: MetricSource;
  type: MetricValueType;
  level: 'account' | 'period';
  fill?: FillRule;
  /** Accounts with at least one value (in the accounts counted: see sampledAccounts). */
  accounts: number;
  /** accounts ÷ accounts counted, 0–1. */
  share: number;
}

export interface MetricCatalogue {
  accounts: number;
  /** Large workspaces are profiled on the first N accounts; null when every account was counted. */
  sampledAccounts: number | null;
  /** Every canonical metric (with or without data), then custom ones with data. */
  metrics: WorkspaceMetric[];
  /** Custom names present both on accounts and on periods: usable only as account./period.custom.NAME. */
  ambiguous: string[];
}

/** Metrics with at least one value in the workspace. */
export const withData = (catalogue: MetricCatalogue): WorkspaceMetric[] =>
  catalogue.metrics.filter((m) => m.accounts > 0);
