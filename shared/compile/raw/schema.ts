// The two raw relations the whole-model SQL reads (README, "The raw relations"), written by
// `ladder export raw` exactly as the SQL expects: `accounts`, one row per account, and `periods`,
// one row per account and period start. Custom fields are columns too, named custom_<name> in lower
// case (so a warehouse folding unquoted names finds them), holding the numeric reading the engine
// uses (numbers, booleans as 1/0; anything else is NULL).
import { periodMetricIds } from '../../domain/period-metrics';
import { customNameOf } from '../../pack/catalog';

export type RawType = 'text' | 'double' | 'date';

export interface RawColumn {
  name: string;
  type: RawType;
}

export const rawAccountColumns: readonly RawColumn[] = [
  { name: 'account_id', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'domain', type: 'text' },
  { name: 'segment', type: 'text' },
  { name: 'industry', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'employees', type: 'double' },
  { name: 'owner_csm', type: 'text' },
  { name: 'owner_am', type: 'text' },
  { name: 'tier', type: 'text' },
  { name: 'arr', type: 'double' },
  { name: 'seats_licensed', type: 'double' },
  { name: 'contract_start', type: 'date' },
  { name: 'renewal_date', type: 'date' },
  { name: 'health_score', type: 'double' },
  { name: 'nps', type: 'double' },
  { name: 'journey_stage', type: 'text' },
  { name: 'economic_buyer_known', type: 'double' },
];

export const rawPeriodColumns: readonly RawColumn[] = [
  { name: 'account_id', type: 'text' },
  { name: 'period_start', type: 'date' },
  { name: 'grain', type: 'text' },
  ...periodMetricIds.map((id) => ({ name: id, type: 'double' as const })),
];

/** The column a stored custom key becomes (undefined when the key cannot be named). */
export function customColumnOf(key: string): string | undefined {
  const name = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key) ? key : customNameOf(key);
  return name === undefined ? undefined : `custom_${name.toLowerCase()}`;
}

/** Default names of the raw relations. */
export const rawTables = { accounts: 'accounts', periods: 'periods' } as const;
