// Scored accounts as rows with the fixed columns other tools read (docs/ARCHITECTURE.md §5): account_id,
// score, stage, then one 0/1 column per signal id (fired and enabled) and per filter id (enabled
// and its condition holds), then the whitespace columns (potential_seats, potential_arr,
// whitespace; empty when unknown).
import type { Engine } from '#shared/engine/engine';
import { potentialColumns } from '#shared/pack/potential';
import { filterHit, hasBit } from '#shared/engine/classes';
import { isSet } from '#shared/missing';

export function scoredColumns(engine: Engine): string[] {
  return [
    'account_id',
    'score',
    'stage',
    ...engine.pack.signals.map((s) => s.id),
    ...engine.pack.filters.map((f) => f.id),
  ];
}

/** The whitespace columns, as they follow the scored columns (or the account details) in every export. */
export const whitespaceColumns: readonly string[] = potentialColumns;

/** Account i's potential seats, potential ARR and whitespace (null when unknown). */
export function whitespaceCells(engine: Engine, i: number): (number | null)[] {
  const { seats, arr, whitespace } = engine.potential;
  const orNull = (v: number) => (isSet(v) ? v : null);
  return [orNull(seats[i]!), orNull(arr[i]!), orNull(whitespace[i]!)];
}

export function* scoredRows(engine: Engine): Generator<(string | number)[]> {
  const { features, pack, table, outcomes, model } = engine;
  const signals = pack.signals.length;
  for (let i = 0; i < features.accounts; i++) {
    const c = table.of[i]!;
    const mask = table.mask[c]!;
    const context = table.context[c]!;
    const row: (string | number)[] = [
      features.accountIds[i]!,
      outcomes.score[c]!,
      model.stages[outcomes.stage[c]!]!.id,
    ];
    for (let s = 0; s < signals; s++) row.push(pack.signals[s]!.enabled && hasBit(mask, s) ? 1 : 0);
    pack.filters.forEach((f, k) => row.push(f.enabled && filterHit(context, k) ? 1 : 0));
    yield row;
  }
}
