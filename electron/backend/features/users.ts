// Roster-based metrics (departments using, champion concentration, admin share, power users),
// available when a users export was imported; missing otherwise.
import type { Db } from '../store/sqlite';

export const userMetricIds = [
  'users_total',
  'users_active_30d',
  'users_departments',
  'users_top_share',
  'users_admin_share',
  'users_power',
] as const;

export function loadUserMetrics(db: Db, keys: Int32Array, asOf: string): Map<string, Float64Array> {
  const n = keys.length;
  const columns = new Map(userMetricIds.map((id) => [id, new Float64Array(n).fill(NaN)] as const));
  const hasUsers = db.prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1;
  if (!hasUsers) return columns;
  const index = new Map<number, number>();
  keys.forEach((k, i) => index.set(k, i));
  const rows = db
    .prepare(
      `WITH u AS (
         SELECT account_key, department, is_admin, sessions_30d, hours_per_day,
                (last_active IS NOT NULL AND last_active <= @asOf AND last_active > date(@asOf, '-30 days')) AS active
         FROM users WHERE created_at IS NULL OR created_at <= @asOf)
       SELECT account_key, count(*), sum(active),
              count(DISTINCT CASE WHEN active THEN department END),
              max(sessions_30d) * 1.0 / nullif(sum(sessions_30d), 0),
              avg(CASE WHEN active THEN is_admin END),
              sum(hours_per_day >= 3)
       FROM u GROUP BY account_key`,
    )
    .raw()
    .iterate({ asOf }) as IterableIterator<unknown[]>;
  for (const row of rows) {
    const i = index.get(row[0] as number);
    if (i === undefined) continue;
    userMetricIds.forEach((id, k) => {
      const v = row[1 + k];
      columns.get(id)![i] = typeof v === 'number' ? v : NaN;
    });
  }
  return columns;
}
