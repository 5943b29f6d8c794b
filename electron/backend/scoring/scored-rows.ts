// Scored accounts as rows with the fixed columns other tools read (docs/ARCHITECTURE.md §5): account_id,
// score, stage, then one 0/1 column per signal id (fired and enabled) and per filter id (enabled
// and its condition holds).
import type { Engine } from '#shared/engine/engine';
import { filterHit, hasBit } from '#shared/engine/classes';

export function scoredColumns(engine: Engine): string[] {
  return [
    'account_id',
    'score',
    'stage',
    ...engine.pack.signals.map((s) => s.id),
    ...engine.pack.filters.map((f) => f.id),
  ];
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
