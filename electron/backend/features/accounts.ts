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
  const n = Number(db.prepare('SELECT count(*) FROM accounts').pluck().get());
  const keys = new Int32Array(n);
  const ids: string[] = new Array(n);
  const names: string[] = new Array(n);
  const numeric = new Map(numericColumns.map((c) => [c, new Float64Array(n)] as const));
  const encoders = new Map(categoryColumns.map((c) => [c, encoder()] as const));
  const codes = new Map(categoryColumns.map((c) => [c, new Int32Array(n)] as const));
  const segment = new Uint8Array(n);
  const rows = db
    .prepare(
      `SELECT key, id, name, arr, seats_licensed, employees, health_score, nps, economic_buyer_known,
              CASE journey_stage WHEN 'baseline' THEN 0 WHEN 'live' THEN 1 WHEN 'first_results' THEN 2
                WHEN 'tangible_roi' THEN 3 WHEN 'expansion_ready' THEN 4 END AS journey_stage_rank,
              julianday(renewal_date) - julianday(@asOf) AS days_to_renewal,
              julianday(@asOf) - julianday(contract_start) AS contract_age_days,
              segment, tier, region, industry, owner_csm, owner_am, journey_stage
       FROM accounts ORDER BY key`,
    )
    .raw()
    .iterate({ asOf }) as IterableIterator<unknown[]>;
  let i = 0;
  for (const row of rows) {
    keys[i] = row[0] as number;
    ids[i] = row[1] as string;
    names[i] = row[2] as string;
    numericColumns.forEach((c, k) => {
      const v = row[3 + k];
      numeric.get(c)![i] = typeof v === 'number' ? v : NaN;
    });
    categoryColumns.forEach((c, k) => {
      codes.get(c)![i] = encoders.get(c)!.encode((row[3 + numericColumns.length + k] as string | null) ?? null);
    });
    segment[i] = segmentCode(row[3 + numericColumns.length] as string | null);
    i++;
  }
  const categories = new Map(
    categoryColumns.map((c) => [c, { codes: codes.get(c)!, dictionary: encoders.get(c)!.dictionary }] as const),
  );
  return { keys, ids, names, arr: numeric.get('arr')!, segment, numeric, categories };
}
