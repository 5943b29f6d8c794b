// Account-level inputs of the feature table: ids, ARR, segment, categories and the base metrics
// that live on the account record (some computed relative to the as-of date).
import { segmentCode, type CategoryColumn } from '#shared/engine/features';
import type { Db } from '../store/sqlite';

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

export function loadAccountColumns(db: Db, asOf: string): AccountColumns {
  return loadAccountColumnsForDates(db, [asOf])[0]!;
}

/**
 * The account columns as of each date from one read of the accounts: only days_to_renewal and
 * contract_age_days depend on the date. They are the same double subtraction SQLite's
 * `julianday(a) - julianday(b)` makes, so every date's columns equal a read at that date.
 */
export function loadAccountColumnsForDates(db: Db, dates: readonly string[]): AccountColumns[] {
  const n = Number(db.prepare('SELECT count(*) FROM accounts').pluck().get());
  const keys = new Int32Array(n);
  const ids: string[] = new Array(n);
  const names: string[] = new Array(n);
  const fixed = numericColumns.filter((c) => !(c in relativeToDate));
  const numeric = new Map(fixed.map((c) => [c, new Float64Array(n)] as const));
  const renewalDay = new Float64Array(n);
  const contractStartDay = new Float64Array(n);
  const encoders = new Map(categoryColumns.map((c) => [c, encoder()] as const));
  const codes = new Map(categoryColumns.map((c) => [c, new Int32Array(n)] as const));
  const segment = new Uint8Array(n);
  const rows = db
    .prepare(
      `SELECT key, id, name, arr, seats_licensed, employees, health_score, nps, economic_buyer_known,
              CASE journey_stage WHEN 'baseline' THEN 0 WHEN 'live' THEN 1 WHEN 'first_results' THEN 2
                WHEN 'tangible_roi' THEN 3 WHEN 'expansion_ready' THEN 4 END AS journey_stage_rank,
              julianday(renewal_date), julianday(contract_start),
              segment, tier, region, industry, owner_csm, owner_am, journey_stage
       FROM accounts ORDER BY key`,
    )
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  const number = (v: unknown) => (typeof v === 'number' ? v : NaN);
  let i = 0;
  for (const row of rows) {
    keys[i] = row[0] as number;
    ids[i] = row[1] as string;
    names[i] = row[2] as string;
    fixed.forEach((c, k) => {
      numeric.get(c)![i] = number(row[3 + k]);
    });
    renewalDay[i] = number(row[3 + fixed.length]);
    contractStartDay[i] = number(row[4 + fixed.length]);
    const category = 5 + fixed.length;
    categoryColumns.forEach((c, k) => {
      codes.get(c)![i] = encoders.get(c)!.encode((row[category + k] as string | null) ?? null);
    });
    segment[i] = segmentCode(row[category] as string | null);
    i++;
  }
  const categories = new Map(
    categoryColumns.map((c) => [c, { codes: codes.get(c)!, dictionary: encoders.get(c)!.dictionary }] as const),
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
