// Finds the workspace account a row belongs to: by account id, by an outcome it references
// (RavenStack feature usage names a subscription), or by a user already imported (Amplitude events
// name only the user). Each lookup table is loaded once per import, on first use.
import type { Db } from '../../store/sqlite';

export interface AccountLookup {
  byAccountId(id: string): number | undefined;
  byOutcome(id: string): number | undefined;
  byUser(idOrEmail: string): number | undefined;
}

export function createAccountLookup(db: Db): AccountLookup {
  let accounts: Map<string, number> | undefined;
  let outcomes: Map<string, number> | undefined;
  let users: Map<string, number> | undefined;
  const load = (sql: string) => {
    const map = new Map<string, number>();
    for (const [id, key] of db.prepare(sql).raw().iterate() as IterableIterator<[unknown, number]>) {
      if (id !== null && !map.has(String(id))) map.set(String(id), key);
    }
    return map;
  };
  return {
    byAccountId: (id) => (accounts ??= load('SELECT id, key FROM accounts')).get(id),
    byOutcome: (id) => (outcomes ??= load('SELECT id, account_key FROM outcomes')).get(id),
    byUser(idOrEmail) {
      users ??= load(
        'SELECT user_id, account_key FROM users UNION ALL SELECT lower(email), account_key FROM users WHERE email IS NOT NULL',
      );
      return users.get(idOrEmail) ?? users.get(idOrEmail.toLowerCase());
    },
  };
}
