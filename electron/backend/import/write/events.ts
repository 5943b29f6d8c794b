// Product-analytics events become weekly period metrics per account: distinct active users,
// distinct sessions, pricing-page views and invitations (by event name), and the event count kept
// as the custom metric `events`. Weeks start on Monday.
import type { RejectedValue } from '#shared/import/report';
import type { Db } from '../../store/sqlite';
import type { PendingRow } from './table-types';
import { createTableWriter } from './table-writer';

interface Week {
  users: Set<string>;
  sessions: Set<string>;
  events: number;
  pricing: number;
  invites: number;
}

/** Monday of the week holding an ISO date or date-time. */
export function weekStart(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - offset);
  return day.toISOString().slice(0, 10);
}

const pricingPattern = /pric|plan|upgrade|billing/i;
const invitePattern = /invit/i;

export function createEventAggregator(db: Db, importId: number, options: { sessions: boolean }) {
  const weeks = new Map<number, Map<string, Week>>();
  return {
    add(account: number, timestamp: string, user: unknown, name: unknown, session: unknown, count: unknown): void {
      let byWeek = weeks.get(account);
      if (!byWeek) weeks.set(account, (byWeek = new Map()));
      const start = weekStart(timestamp);
      let w = byWeek.get(start);
      if (!w) byWeek.set(start, (w = { users: new Set(), sessions: new Set(), events: 0, pricing: 0, invites: 0 }));
      const n = typeof count === 'number' && count >= 0 ? count : 1;
      if (user !== null && user !== undefined && user !== '') w.users.add(String(user));
      if (session !== null && session !== undefined && session !== '' && session !== '-1')
        w.sessions.add(String(session));
      w.events += n;
      const event = typeof name === 'string' ? name : '';
      if (pricingPattern.test(event)) w.pricing += n;
      if (invitePattern.test(event)) w.invites += n;
    },
    finish(rejections: RejectedValue[]): { inserted: number; updated: number } {
      const columns = [
        'account_key',
        'period_start',
        'grain',
        'active_users',
        'pricing_page_views',
        'invites_sent',
        ...(options.sessions ? ['total_sessions'] : []),
        'custom',
      ];
      const writer = createTableWriter(
        db,
        {
          table: 'periods',
          keys: ['account_key', 'period_start'],
          columns,
          jsonMerge: ['custom'],
          keyLabel: 'account and week',
        },
        importId,
      );
      let batch: PendingRow[] = [];
      for (const [account, byWeek] of weeks) {
        for (const [start, w] of byWeek) {
          const values: unknown[] = [
            account,
            start,
            'week',
            w.users.size > 0 ? w.users.size : null,
            w.pricing,
            w.invites,
          ];
          if (options.sessions) values.push(w.sessions.size > 0 ? w.sessions.size : null);
          values.push(JSON.stringify({ events: w.events }));
          batch.push({ values, row: 0, line: 0, keyText: start, keyColumn: 'week' });
          if (batch.length >= 2000) {
            writer.write(batch, rejections);
            batch = [];
          }
        }
      }
      writer.write(batch, rejections);
      writer.finish(rejections);
      return { inserted: writer.inserted, updated: writer.updated };
    },
  };
}
