// The engine's answer per account, in the shape of the scored-accounts relation the exports
// return: account_id, score, stage, 0/1 per signal and per filter, category subtotals, and the
// whitespace columns (null when unknown).
import type { Engine } from '#shared/engine/engine';
import type { SqlRow } from './sql-engines';
import { filterHit, hasBit } from '#shared/engine/classes';
import { isSet } from '#shared/missing';

const orNull = (v: number) => (isSet(v) ? v : null);

/** Potential seats, potential ARR and whitespace of account i, as the exports name them. */
export function whitespaceRow(engine: Engine, i: number): SqlRow {
  const { seats, arr, whitespace } = engine.potential;
  return { potential_seats: orNull(seats[i]!), potential_arr: orNull(arr[i]!), whitespace: orNull(whitespace[i]!) };
}

export function engineRows(engine: Engine): SqlRow[] {
  const { features, pack, table, outcomes, model } = engine;
  const k = model.categories.length;
  return Array.from({ length: features.accounts }, (_, i) => {
    const c = table.of[i]!;
    const row: SqlRow = {
      account_id: features.accountIds[i]!,
      score: outcomes.score[c]!,
      stage: model.stages[outcomes.stage[c]!]!.id,
    };
    pack.signals.forEach((s, b) => (row[s.id] = s.enabled && hasBit(table.mask[c]!, b) ? 1 : 0));
    pack.filters.forEach((f, b) => (row[f.id] = f.enabled && filterHit(table.context[c]!, b) ? 1 : 0));
    model.categories.forEach((cat, j) => (row[`subtotal_${cat.id}`] = outcomes.subtotal[c * k + j]!));
    Object.assign(row, whitespaceRow(engine, i));
    return row;
  });
}

/** The first few accounts where two row sets differ, described for a failure message. */
export function differences(expected: SqlRow[], actual: SqlRow[], limit = 5): string[] {
  const byId = new Map(actual.map((r) => [String(r.account_id), r]));
  const out: string[] = [];
  if (actual.length !== expected.length) out.push(`${actual.length} rows instead of ${expected.length}`);
  for (const want of expected) {
    const got = byId.get(String(want.account_id));
    if (!got) {
      out.push(`${want.account_id}: missing`);
    } else {
      const keys = Object.keys(want).filter((key) => !Object.is(want[key], got[key]));
      if (keys.length > 0)
        out.push(`${want.account_id}: ${keys.map((key) => `${key} engine ${want[key]} vs ${got[key]}`).join('; ')}`);
    }
    if (out.length >= limit) break;
  }
  return out;
}
