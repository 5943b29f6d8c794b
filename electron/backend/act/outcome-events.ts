// Expansion outcomes as the act features read them: by the index of the account in a feature table.
import type { OutcomeEvent } from '#shared/act/play-funnel';
import type { FeatureTable } from '#shared/engine/features';
import type { Db } from '../store/sqlite';

/** Expansion outcomes opened or closed in (from, to], each tied to its account's row in `features`. */
export function expansionEvents(db: Db, features: FeatureTable, from: string, to: string): OutcomeEvent[] {
  const index = new Map(features.accountIds.map((id, i) => [id, i] as const));
  const rows = db
    .prepare(
      `SELECT a.id AS id, o.opened_date AS opened, o.close_date AS closed, o.won AS won, o.amount AS amount
         FROM outcomes o JOIN accounts a ON a.key = o.account_key
        WHERE o.is_expansion = 1
          AND ((o.opened_date > ? AND o.opened_date <= ?) OR (o.close_date > ? AND o.close_date <= ?))`,
    )
    .all(from, to, from, to) as {
    id: string;
    opened: string | null;
    closed: string | null;
    won: number | null;
    amount: number | null;
  }[];
  const events: OutcomeEvent[] = [];
  for (const r of rows) {
    const account = index.get(r.id);
    if (account === undefined) continue;
    events.push({
      account,
      opened: r.opened?.slice(0, 10) ?? null,
      closed: r.closed?.slice(0, 10) ?? null,
      won: r.won === 1,
      amount: typeof r.amount === 'number' ? r.amount : null,
    });
  }
  return events;
}
