// Profiles a workspace's metrics (see shared/domain/metric-catalogue.ts): one pass over accounts,
// one grouped pass over periods, the custom keys of both. Workspaces above `sampleLimit` accounts
// are profiled on their first accounts (a contiguous key range, so the passes stay index scans).
import type { MetricCatalogue, MetricValueType, WorkspaceMetric } from '#shared/domain/metric-catalogue';
import { periodMetricIds } from '#shared/domain/period-metrics';
import { baseMetrics, customFillOf, customNameOf } from '#shared/pack/catalog';
import type { Db } from '../store/sqlite';

export const sampleLimit = 100_000;

/** The account column (or expression) whose non-null count says an account has the metric. */
const accountPresence: Record<string, string> = {
  journey_stage_rank: 'journey_stage',
  days_to_renewal: 'renewal_date',
  contract_age_days: 'contract_start',
};

interface CustomKey {
  name: string;
  accounts: number;
  numeric: number;
  booleans: number;
}

/** Custom keys of a table's `custom` JSON: accounts having each, and how many values are numbers / booleans. */
export function customKeys(db: Db, table: 'accounts' | 'periods', maxKey: number): CustomKey[] {
  const key = table === 'accounts' ? 'key' : 'account_key';
  const rows = db
    .prepare(
      `SELECT j.key AS name, count(DISTINCT t.${key}) AS accounts,
              sum(j.type IN ('integer', 'real')) AS numeric, sum(j.type IN ('true', 'false')) AS booleans
       FROM ${table} t, json_each(t.custom) j
       WHERE t.custom IS NOT NULL AND t.${key} <= ? AND j.type <> 'null'
       GROUP BY j.key ORDER BY j.key`,
    )
    .all(maxKey) as CustomKey[];
  return rows.filter((r) => customNameOf(r.name) !== undefined);
}

const typeOf = (k: CustomKey): MetricValueType => (k.numeric > 0 ? 'number' : k.booleans > 0 ? 'bool' : 'text');

export function readMetricCatalogue(db: Db): MetricCatalogue {
  const accounts = Number(db.prepare('SELECT count(*) FROM accounts').pluck().get());
  const sampled = accounts > sampleLimit;
  const counted = sampled ? sampleLimit : accounts;
  const maxKey = sampled
    ? (db
        .prepare('SELECT key FROM accounts ORDER BY key LIMIT 1 OFFSET ?')
        .pluck()
        .get(sampleLimit - 1) as number)
    : Number.MAX_SAFE_INTEGER;

  const accountColumns = baseMetrics.filter((m) => m.source === 'account' || m.source === 'computed');
  const accountCounts = db
    .prepare(
      `SELECT ${accountColumns.map((m) => `count("${accountPresence[m.id] ?? m.id}")`).join(', ')}
       FROM accounts WHERE key <= ?`,
    )
    .raw()
    .get(maxKey) as number[];
  const periodCounts = (db
    .prepare(
      `SELECT ${periodMetricIds.map((id) => `coalesce(sum(has_${id}), 0)`).join(', ')} FROM (
         SELECT ${periodMetricIds.map((id) => `max("${id}" IS NOT NULL) AS has_${id}`).join(', ')}
         FROM periods WHERE account_key <= ? GROUP BY account_key)`,
    )
    .raw()
    .get(maxKey) ?? []) as number[];
  const users = Number(
    db.prepare('SELECT count(DISTINCT account_key) FROM users WHERE account_key <= ?').pluck().get(maxKey),
  );
  const countOf = new Map<string, number>();
  accountColumns.forEach((m, i) => countOf.set(m.id, accountCounts[i] ?? 0));
  periodMetricIds.forEach((id, i) => countOf.set(id, periodCounts[i] ?? 0));
  const share = (n: number) => (counted === 0 ? 0 : n / counted);

  const metrics: WorkspaceMetric[] = baseMetrics.map((m) => {
    const n = m.source === 'users' ? users : (countOf.get(m.id) ?? 0);
    return {
      id: m.id,
      label: m.label,
      description: m.description,
      source: m.source,
      type: m.kind,
      level: m.level,
      ...(m.fill ? { fill: m.fill } : {}),
      accounts: n,
      share: share(n),
    };
  });

  // Keys are listed by the name expressions use for them (customNameOf).
  const named = (keys: CustomKey[]) => {
    const seen = new Set<string>();
    return keys
      .map((k) => ({ ...k, name: customNameOf(k.name)! }))
      .filter((k) => !seen.has(k.name) && seen.add(k.name));
  };
  const onAccounts = named(customKeys(db, 'accounts', maxKey));
  const onPeriods = named(customKeys(db, 'periods', maxKey));
  const periodNames = new Set(onPeriods.map((k) => k.name));
  const ambiguous = onAccounts.filter((k) => periodNames.has(k.name)).map((k) => k.name);
  const isAmbiguous = new Set(ambiguous);
  for (const k of onAccounts) {
    metrics.push({
      id: isAmbiguous.has(k.name) ? `account.custom.${k.name}` : `custom.${k.name}`,
      label: k.name.replaceAll('_', ' '),
      description: 'Custom field of the account record (from an import).',
      source: 'account custom',
      type: typeOf(k),
      level: 'account',
      accounts: k.accounts,
      share: share(k.accounts),
    });
  }
  for (const k of onPeriods) {
    metrics.push({
      id: isAmbiguous.has(k.name) ? `period.custom.${k.name}` : `custom.${k.name}`,
      label: k.name.replaceAll('_', ' '),
      description: 'Custom per-period metric (from a periods or events import).',
      source: 'period custom',
      type: typeOf(k),
      level: 'period',
      fill: customFillOf(k.name),
      accounts: k.accounts,
      share: share(k.accounts),
    });
  }
  return { accounts, sampledAccounts: sampled ? counted : null, metrics, ambiguous };
}
