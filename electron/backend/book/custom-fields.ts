// Custom text fields of the accounts (columns an import kept under `custom`) as heatmap axes:
// which exist, and each as a dictionary-encoded column in the feature table's account order.
import type { CategoryColumn } from '#shared/engine/features';
import { customFieldPrefix } from '#shared/book/fields';
import { LadderError } from '#shared/api/result';
import type { Db } from '../store/sqlite';

/** A text field with more distinct values than this is an identifier or a note, not a category. */
export const maxCategoryValues = 5000;

export interface CustomTextField {
  id: string;
  name: string;
  distinct: number;
}

export function listCustomTextFields(db: Db): CustomTextField[] {
  const rows = db
    .prepare(
      `SELECT j.key AS name, count(DISTINCT j.value) AS distinct_values
       FROM accounts, json_each(accounts.custom) AS j
       WHERE accounts.custom IS NOT NULL AND j.type = 'text'
       GROUP BY j.key ORDER BY j.key`,
    )
    .all() as { name: string; distinct_values: number }[];
  return rows
    .filter((r) => r.distinct_values <= maxCategoryValues)
    .map((r) => ({ id: `${customFieldPrefix}${r.name}`, name: r.name, distinct: r.distinct_values }));
}

/** The field's values per account (accounts by key); anything but non-empty text is blank. */
export function loadCustomTextField(db: Db, name: string): CategoryColumn {
  const exists = db
    .prepare(`SELECT 1 FROM accounts WHERE json_type(custom, '$.' || json_quote(?)) = 'text' LIMIT 1`)
    .pluck()
    .get(name);
  if (!exists)
    throw new LadderError('bad_request', `No account field "${customFieldPrefix}${name}": no account has text in it.`);
  const values = db
    .prepare(`SELECT json_extract(custom, '$.' || json_quote(?)) FROM accounts ORDER BY key`)
    .pluck()
    .all(name) as unknown[];
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (typeof v !== 'string' || v.trim() === '') return -1;
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(v);
      index.set(v, code);
    }
    return code;
  });
  return { codes, dictionary };
}
