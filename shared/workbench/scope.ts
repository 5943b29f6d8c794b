// "My book": the workbench restricted to one owner's accounts. Scores do not change — only what is
// counted — so the scoped views re-sum the engine's classes with the owner's counts per class (one
// pass over the accounts per model change, cached), and the aggregate functions run unchanged.
import { aggregate, type ModelResult } from '../engine/aggregate';
import type { ClassTable } from '../engine/classes';
import type { Engine } from '../engine/engine';
import type { CategoryColumn } from '../engine/features';
import { isSet } from '../missing';

/** 1 for the owner's accounts; null when the owner is unknown here (then nobody is in scope). */
export function ownerMask(owners: CategoryColumn | undefined, owner: string, accounts: number): Uint8Array {
  const mask = new Uint8Array(accounts);
  const code = owners?.dictionary.indexOf(owner) ?? -1;
  if (owners && code >= 0) for (let i = 0; i < accounts; i++) mask[i] = owners.codes[i] === code ? 1 : 0;
  return mask;
}

/** The engine's class table with only the scoped accounts counted (same classes, same keys). */
export function scopedClassTable(engine: Engine, scope: Uint8Array): ClassTable {
  const t = engine.table;
  const count = new Float64Array(t.size);
  const arrCents = new Float64Array(t.size);
  const arr = engine.features.arr;
  const of = t.of;
  for (let i = 0; i < of.length; i++) {
    if (scope[i] === 0) continue;
    const c = of[i]!;
    count[c]! += 1;
    const a = arr[i]!;
    arrCents[c]! += isSet(a) ? Math.round(a * 100) : 0;
  }
  return { ...t, count, arrCents, classOf: t.classOf } as ClassTable;
}

export const scopedResult = (engine: Engine, table: ClassTable): ModelResult =>
  aggregate(engine.pack, engine.model, table, engine.outcomes);
