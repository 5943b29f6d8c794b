// Where a `custom.NAME` reference reads from: the accounts' custom fields or the periods' custom
// metrics. A name the workspace has in both places is ambiguous and refused, with the two spellings
// that choose; a name it has nowhere reads as missing (pack diagnostics then say so).
import { LadderError } from '#shared/api/result';
import { customRefId, type CustomRef } from '#shared/pack/catalog';
import type { Db } from '../store/sqlite';

export type CustomSource = 'account' | 'period' | 'none';

export function accountsHaveCustom(db: Db, name: string): boolean {
  return (
    db
      .prepare(
        'SELECT EXISTS (SELECT 1 FROM accounts WHERE custom IS NOT NULL AND json_extract(custom, ?) IS NOT NULL)',
      )
      .pluck()
      .get(`$.${name}`) === 1
  );
}

export function periodsHaveCustom(db: Db, name: string, asOf: string): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM periods
           WHERE custom IS NOT NULL AND json_extract(custom, ?) IS NOT NULL AND period_start <= ?)`,
      )
      .pluck()
      .get(`$.${name}`, asOf) === 1
  );
}

export function ambiguityMessage(name: string): string {
  return (
    `"custom.${name}" is both an account custom field and a per-period custom metric in this workspace: ` +
    `write account.custom.${name} or period.custom.${name} to say which.`
  );
}

export function resolveCustomSource(db: Db, ref: CustomRef, asOf: string): CustomSource {
  if (ref.scope === 'account') return accountsHaveCustom(db, ref.name) ? 'account' : 'none';
  if (ref.scope === 'period') return periodsHaveCustom(db, ref.name, asOf) ? 'period' : 'none';
  const account = accountsHaveCustom(db, ref.name);
  const period = periodsHaveCustom(db, ref.name, asOf);
  if (account && period) throw new LadderError('bad_request', ambiguityMessage(ref.name));
  return account ? 'account' : period ? 'period' : 'none';
}

export { customRefId };
