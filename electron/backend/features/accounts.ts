// Account-level inputs of the feature table: ids, ARR, segment, categories and the base metrics
// that live on the account record (some computed relative to the as-of date).
import { segmentCode, type CategoryColumn } from '#shared/engine/features';
import type { Db } from '../store/sqlite';
import { readRowsByCallback, rowsOutOfOrder } from './row-callback';

export interface AccountColumns {
  keys: Int32Array;
  ids: string[];
  names: string[];
  arr: Float64Array;
  segment: Uint8Array;
  numeric: Map<string, Float64Array>;
  categories: Map<string, CategoryColumn>;
}

const numericColumns = [
  'arr',
  'seats_licensed',
  'employees',
  'health_score',
  'nps',
  'economic_buyer_known',
  'journey_stage_rank',
  'days_to_renewal',
  'contract_age_days',
] as const;
/** The columns computed from the as-of date (julianday differences), not read as they are. */
const relativeToDate = { days_to_renewal: true, contract_age_days: true } as const;
// owner_am and journey_stage are not metrics; the book-of-business heatmap cuts accounts by them.
const categoryColumns = ['segment', 'tier', 'region', 'industry', 'owner_csm', 'owner_am', 'journey_stage'] as const;

function encoder(): { encode(value: string | null): number; dictionary: string[] } {
  const dictionary: string[] = [];
  const codes = new Map<string, number>();
  return {
    dictionary,
    encode(value) {
      if (value === null || value === '') return -1;
      let code = codes.get(value);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(value);
        codes.set(value, code);
      }
      return code;
    },
  };
}

/** How the account rows are read: `auto` takes the fast path and falls back by itself (tests pin one). */
export type AccountReadPath = 'auto' | 'rows' | 'callback';

const selectColumns = `key, id, name, arr, seats_licensed, employees, health_score, nps, economic_buyer_known,
  CASE journey_stage WHEN 'baseline' THEN 0 WHEN 'live' THEN 1 WHEN 'first_results' THEN 2
    WHEN 'tangible_roi' THEN 3 WHEN 'expansion_ready' THEN 4 END,
  julianday(renewal_date), julianday(contract_start),
  segment, tier, region, industry, owner_csm, owner_am, journey_stage`;

export function loadAccountColumns(db: Db, asOf: string, path: AccountReadPath = 'auto'): AccountColumns {
  return loadAccountColumnsForDates(db, [asOf], path)[0]!;
}

/**
 * The account columns as of each date from one read of the accounts: only days_to_renewal and
 * contract_age_days depend on the date. They are the same double subtraction SQLite's
 * `julianday(a) - julianday(b)` makes, so every date's columns equal a read at that date.
 */
export function loadAccountColumnsForDates(
  db: Db,
  dates: readonly string[],
  path: AccountReadPath = 'auto',
): AccountColumns[] {
  if (path !== 'rows') {
    const columns = readAccounts(db, dates, 'callback');
    if (columns) return columns;
    if (path === 'callback') throw new Error('The account rows did not arrive in key order.');
  }
  return readAccounts(db, dates, 'rows')!;
}

/** The columns, or null when the callback path saw keys out of order (then the row path is used). */
function readAccounts(db: Db, dates: readonly string[], path: 'rows' | 'callback'): AccountColumns[] | null {
  const n = Number(db.prepare('SELECT count(*) FROM accounts').pluck().get());
  const keys = new Int32Array(n);
  const ids: string[] = new Array(n);
  const names: string[] = new Array(n);
  const fixed = numericColumns.filter((c) => !(c in relativeToDate));
  const numericArrays = fixed.map(() => new Float64Array(n));
  const renewalDay = new Float64Array(n);
  const contractStartDay = new Float64Array(n);
  const encoders = categoryColumns.map(() => encoder());
  const codes = categoryColumns.map(() => new Int32Array(n));
  const segment = new Uint8Array(n);
  const number = (v: unknown) => (typeof v === 'number' ? v : NaN);
  const category = 5 + fixed.length;
  let i = 0;
  const take = (row: ArrayLike<unknown>) => {
    keys[i] = row[0] as number;
    ids[i] = row[1] as string;
    names[i] = row[2] as string;
    for (let k = 0; k < numericArrays.length; k++) numericArrays[k]![i] = number(row[3 + k]);
    renewalDay[i] = number(row[3 + fixed.length]);
    contractStartDay[i] = number(row[4 + fixed.length]);
    for (let k = 0; k < codes.length; k++) {
      codes[k]![i] = encoders[k]!.encode((row[category + k] as string | null) ?? null);
    }
    segment[i] = segmentCode(row[category] as string | null);
    i++;
  };
  if (path === 'rows') {
    const rows = db.prepare(`SELECT ${selectColumns} FROM accounts ORDER BY key`).raw().iterate() as IterableIterator<
      unknown[]
    >;
    for (const row of rows) take(row);
  } else {
    // The rowid scan yields keys in order; a key that does not rise takes the row path instead.
    let lastKey = -Infinity;
    const inOrder = readRowsByCallback(
      db,
      (call) => `SELECT count(${call}(${selectColumns})) FROM accounts`,
      [],
      (row) => {
        const key = row[0];
        if (typeof key !== 'number' || key <= lastKey || i >= n) rowsOutOfOrder();
        lastKey = key;
        take(row);
      },
    );
    if (!inOrder) return null;
  }
  const numeric = new Map(fixed.map((c, k) => [c, numericArrays[k]!] as const));
  const categories = new Map(
    categoryColumns.map((c, k) => [c, { codes: codes[k]!, dictionary: encoders[k]!.dictionary }] as const),
  );
  const julianDay = db.prepare('SELECT julianday(?)').pluck();
  return dates.map((asOf) => {
    // NULL for a date SQLite cannot read, like the per-date query: every relative column is then missing.
    const day = number(julianDay.get(asOf));
    const atDate = new Map(numeric);
    atDate.set(
      'days_to_renewal',
      renewalDay.map((r) => r - day),
    );
    atDate.set(
      'contract_age_days',
      contractStartDay.map((c) => day - c),
    );
    return { keys, ids, names, arr: numeric.get('arr')!, segment, numeric: atDate, categories };
  });
}

/** The accounts' keys, ascending (what loadAccountColumns reads first), from one pass over the table. */
export function readAccountKeys(db: Db): Int32Array {
  const n = Number(db.prepare('SELECT count(*) FROM accounts').pluck().get());
  const keys = new Int32Array(n);
  let i = 0;
  const inOrder = readRowsByCallback(
    db,
    (call) => `SELECT count(${call}(key)) FROM accounts`,
    [],
    (row) => {
      const key = row[0];
      if (typeof key !== 'number' || i >= n || (i > 0 && key <= keys[i - 1]!)) rowsOutOfOrder();
      keys[i++] = key;
    },
  );
  if (inOrder && i === n) return keys;
  return Int32Array.from(db.prepare('SELECT key FROM accounts ORDER BY key').pluck().all() as number[]);
}
