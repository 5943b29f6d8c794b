// Where a `custom.NAME` reference reads from: the accounts' custom fields or the periods' custom
// metrics, and under which stored key (imports keep headers as they were: `custom.Has_SSO` reads
// the key "Has SSO"; see customNameOf). A name the workspace has in both places is ambiguous and
// refused, with the two spellings that choose; a name it has nowhere reads as missing (pack
// diagnostics then say so).
import { LadderError } from '#shared/api/result';
import { customNameOf, type CustomRef } from '#shared/pack/catalog';
import type { Db } from '../store/sqlite';

export interface CustomSource {
  where: 'account' | 'period' | 'none';
  /** The key as stored in the `custom` JSON. */
  key: string;
}

/** SQLite JSON path of a stored key. */
export const customPath = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `$.${key}` : `$."${key}"`);

type Table = 'accounts' | 'periods';

function hasKey(db: Db, table: Table, key: string, asOf: string): boolean {
  const when = table === 'periods' ? ' AND period_start <= @asOf' : '';
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM ${table}
           WHERE custom IS NOT NULL AND json_extract(custom, @path) IS NOT NULL${when})`,
      )
      .pluck()
      .get({ path: customPath(key), ...(table === 'periods' ? { asOf } : {}) }) === 1
  );
}

/** The stored key a name reads: the name itself, else the one key whose written form it is. */
function findKey(db: Db, table: Table, name: string, asOf: string): string | null {
  if (hasKey(db, table, name, asOf)) return name;
  const when = table === 'periods' ? ' AND t.period_start <= @asOf' : '';
  const keys = db
    .prepare(
      `SELECT DISTINCT j.key FROM ${table} t, json_each(t.custom) j
       WHERE t.custom IS NOT NULL AND j.type <> 'null'${when}`,
    )
    .pluck()
    .all(table === 'periods' ? { asOf } : {}) as string[];
  const matches = keys.filter((k) => k !== name && customNameOf(k) === name);
  return matches.length === 1 ? matches[0]! : null;
}

export function ambiguityMessage(name: string): string {
  return (
    `"custom.${name}" is both an account custom field and a per-period custom metric in this workspace: ` +
    `write account.custom.${name} or period.custom.${name} to say which.`
  );
}

export function resolveCustomSource(db: Db, ref: CustomRef, asOf: string): CustomSource {
  const account = ref.scope !== 'period' ? findKey(db, 'accounts', ref.name, asOf) : null;
  const period = ref.scope !== 'account' ? findKey(db, 'periods', ref.name, asOf) : null;
  if (account !== null && period !== null) throw new LadderError('bad_request', ambiguityMessage(ref.name));
  if (account !== null) return { where: 'account', key: account };
  if (period !== null) return { where: 'period', key: period };
  return { where: 'none', key: ref.name };
}
