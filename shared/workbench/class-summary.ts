// The few hundred classes behind a model's result, small enough to send to the UI thread with
// every snapshot. With them the UI recomputes a weight, stage or switch edit itself, in the same
// frame as the slider input, using the engine's own functions (so the numbers are identical);
// the worker's answer arrives a moment later and confirms it.
import { aggregate, type ModelResult } from '../engine/aggregate';
import { signalConditionKey, gateConditionKey, filterConditionKey } from '../engine/bits';
import type { ClassTable } from '../engine/classes';
import type { Engine } from '../engine/engine';
import { featureSignature, numericSpecs } from '../engine/features';
import { compileScoring, evaluateClasses, type ClassOutcomes } from '../engine/scoring';
import type { RulePack } from '../pack/schema';
import type { ValidPack } from '../pack/validate';

export interface ClassSummary {
  size: number;
  mask: Uint32Array;
  context: Uint32Array;
  count: Float64Array;
  arrCents: Float64Array;
}

/** The engine's classes (with `counted`, the counts of a scoped table over the same classes). */
export function summarize(
  engine: Engine,
  counted: Pick<ClassTable, 'count' | 'arrCents'> = engine.table,
): ClassSummary {
  const t = engine.table;
  return {
    size: t.size,
    mask: t.mask.slice(0, t.size),
    context: t.context.slice(0, t.size),
    count: counted.count.slice(0, t.size),
    arrCents: counted.arrCents.slice(0, t.size),
  };
}

/** What decides which class each account is in: if two packs share this key, they share classes. */
export function classKey(valid: ValidPack): string {
  const p = valid.pack;
  return JSON.stringify([
    p.signals.map((s) => [s.id, signalConditionKey(s)]),
    p.ladder.gates.map((g) => [g.id, gateConditionKey(g)]),
    p.filters.map((f) => [f.id, filterConditionKey(f)]),
    numericSpecs(valid).map((s) => featureSignature(valid, s)),
  ]);
}

const asTable = (c: ClassSummary) => c as unknown as ClassTable; // aggregate/evaluate read only these fields

export function outcomesFor(
  pack: RulePack,
  classes: ClassSummary,
): { result: ModelResult; outcomes: ClassOutcomes; stages: { id: string; label: string }[] } {
  const model = compileScoring(pack);
  const outcomes = evaluateClasses(model, asTable(classes));
  return {
    result: aggregate(pack, model, asTable(classes), outcomes),
    outcomes,
    stages: model.stages.map((s) => ({ id: s.id, label: s.label })),
  };
}
