// The workspace as the two raw relations the whole-model SQL reads (shared/compile/raw/schema.ts):
// `accounts` and `periods`, canonical columns first, then one column per custom key, named as the
// compiler names it and holding the number the engine reads (JSON numbers and booleans; anything
// else NULL). Keys that cannot be named, or whose name another key already took, are reported.
import { customColumnOf, rawAccountColumns, rawPeriodColumns, type RawColumn } from '#shared/compile/raw/schema';
import { customPath } from '../features/custom-fields';
import type { Db } from '../store/sqlite';

export interface RawRelation {
  name: 'accounts' | 'periods';
  columns: RawColumn[];
  rows(): Generator<(string | number | null)[]>;
}

export interface RawRelations {
  accounts: RawRelation;
  periods: RawRelation;
  /** Custom keys left out, each with the reason. */
  skipped: string[];
}

function customColumns(db: Db, table: 'accounts' | 'periods', taken: Set<string>, skipped: string[]) {
  const keys = db
    .prepare(`SELECT DISTINCT j.key FROM ${table} t, json_each(t.custom) j WHERE t.custom IS NOT NULL ORDER BY j.key`)
    .pluck()
    .all() as string[];
  const out: { key: string; column: string }[] = [];
  for (const key of keys) {
    const column = customColumnOf(key);
    if (column === undefined) skipped.push(`${table}: the custom key ${JSON.stringify(key)} has no usable name`);
    else if (taken.has(column))
      skipped.push(`${table}: the custom key ${JSON.stringify(key)} would be ${column}, which another column has`);
    else {
      taken.add(column);
      out.push({ key, column });
    }
  }
  return out;
}

const numeric = (v: unknown) => (typeof v === 'number' ? v : null);
const dateText = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null);

export function rawRelations(db: Db): RawRelations {
  const skipped: string[] = [];
  const accountCustom = customColumns(db, 'accounts', new Set(rawAccountColumns.map((c) => c.name)), skipped);
  const periodCustom = customColumns(db, 'periods', new Set(rawPeriodColumns.map((c) => c.name)), skipped);
  const customSelect = (custom: { key: string }[], alias: string) =>
    custom.map((_, i) => `, json_extract(${alias}.custom, @c${i})`).join('');
  const customParams = (custom: { key: string }[]) =>
    Object.fromEntries(custom.map((c, i) => [`c${i}`, customPath(c.key)]));
  const reader = (columns: readonly RawColumn[]) => (row: unknown[]) =>
    row.map((v, k) => {
      const type = columns[k]?.type ?? 'double';
      if (type === 'double') return numeric(v);
      if (type === 'date') return dateText(v);
      return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
    });

  const accountsColumns = [
    ...rawAccountColumns,
    ...accountCustom.map((c) => ({ name: c.column, type: 'double' as const })),
  ];
  const periodsColumns = [
    ...rawPeriodColumns,
    ...periodCustom.map((c) => ({ name: c.column, type: 'double' as const })),
  ];
  const accountFields = rawAccountColumns.map((c) => (c.name === 'account_id' ? 'a.id' : `a."${c.name}"`)).join(', ');
  const periodFields = rawPeriodColumns.map((c) => (c.name === 'account_id' ? 'a.id' : `p."${c.name}"`)).join(', ');
  return {
    skipped,
    accounts: {
      name: 'accounts',
      columns: accountsColumns,
      *rows() {
        const read = reader(accountsColumns);
        const rows = db
          .prepare(`SELECT ${accountFields}${customSelect(accountCustom, 'a')} FROM accounts a ORDER BY a.key`)
          .raw()
          .iterate(customParams(accountCustom)) as IterableIterator<unknown[]>;
        for (const row of rows) yield read(row);
      },
    },
    periods: {
      name: 'periods',
      columns: periodsColumns,
      *rows() {
        const read = reader(periodsColumns);
        const rows = db
          .prepare(
            `SELECT ${periodFields}${customSelect(periodCustom, 'p')}
             FROM periods p JOIN accounts a ON a.key = p.account_key ORDER BY p.account_key, p.period_start`,
          )
          .raw()
          .iterate(customParams(periodCustom)) as IterableIterator<unknown[]>;
        for (const row of rows) yield read(row);
      },
    },
  };
}
