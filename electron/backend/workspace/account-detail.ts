// One account with its whole period series, for the account drawer's charts.
import { LadderError } from '#shared/api/result';
import type { AccountDetail } from '#shared/domain/models';
import { periodMetricIds } from '#shared/domain/period-metrics';
import type { Db } from '../store/sqlite';

export function readAccountDetail(db: Db, accountId: string, asOf?: string): AccountDetail {
  const row = db
    .prepare(
      `SELECT key, id, name, segment, owner_csm, owner_am, tier, arr, seats_licensed, renewal_date, health_score, nps,
              journey_stage, economic_buyer_known FROM accounts WHERE id = ?`,
    )
    .get(accountId) as Record<string, unknown> | undefined;
  if (!row) throw new LadderError('not_found', `There is no account "${accountId.slice(0, 80)}" in this workspace.`);
  const periods = db
    .prepare(
      `SELECT period_start, ${periodMetricIds.join(', ')} FROM periods WHERE account_key = ? AND period_start <= ? ORDER BY period_start`,
    )
    .all(row.key, asOf ?? '9999-12-31') as Record<string, number | string | null>[];
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(row.id),
    name: String(row.name),
    segment: str(row.segment),
    ownerCsm: str(row.owner_csm),
    ownerAm: str(row.owner_am),
    tier: str(row.tier),
    arr: num(row.arr),
    seatsLicensed: num(row.seats_licensed),
    renewalDate: str(row.renewal_date),
    healthScore: num(row.health_score),
    nps: num(row.nps),
    journeyStage: str(row.journey_stage),
    economicBuyerKnown:
      row.economic_buyer_known === null || row.economic_buyer_known === undefined
        ? null
        : row.economic_buyer_known === 1,
    periods,
  };
}
