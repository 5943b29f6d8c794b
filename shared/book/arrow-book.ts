// The book's per-account columns (won expansion ARR and conversions in the outcome window, custom
// text fields) from the backend to the engine worker as Arrow IPC, aligned with the feature
// table's accounts; dictionaries ride in the schema metadata.
import { makeTable, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { CategoryColumn } from '../engine/features';

export interface BookColumnsPayload {
  asOf: string;
  days: number;
  accounts: number;
  wonArr: Float64Array;
  converted: Uint8Array;
  fields: Map<string, CategoryColumn>;
}

interface Meta {
  asOf: string;
  days: number;
  accounts: number;
  fields: Record<string, string[]>;
}

export function encodeBookColumns(p: BookColumnsPayload): Uint8Array {
  const meta: Meta = { asOf: p.asOf, days: p.days, accounts: p.accounts, fields: {} };
  const vectors: Record<string, Float64Array | Uint8Array | Int32Array> = { won: p.wonArr, converted: p.converted };
  for (const [name, column] of p.fields) {
    vectors[`field:${name}`] = column.codes;
    meta.fields[name] = column.dictionary;
  }
  const table = makeTable(vectors as Parameters<typeof makeTable>[0]);
  table.schema.metadata.set('ladder-book', JSON.stringify(meta));
  return tableToIPC(table, 'stream');
}

export function decodeBookColumns(bytes: Uint8Array): BookColumnsPayload {
  const table = tableFromIPC(bytes);
  const raw = table.schema.metadata.get('ladder-book');
  if (!raw) throw new Error('These are not Ladder book columns.');
  const meta = JSON.parse(raw) as Meta;
  const child = (name: string) => {
    const v = table.getChild(name);
    if (!v) throw new Error(`The book columns have no ${name}.`);
    return v.toArray();
  };
  return {
    asOf: meta.asOf,
    days: meta.days,
    accounts: meta.accounts,
    wonArr: child('won') as Float64Array,
    converted: child('converted') as Uint8Array,
    fields: new Map(
      Object.entries(meta.fields).map(([name, dictionary]) => [
        name,
        { dictionary, codes: child(`field:${name}`) as Int32Array },
      ]),
    ),
  };
}
