// Same-frame answers for class-only edits (weights, stage thresholds, switches): recompute the
// aggregates from the classes the worker last sent, with the engine's own functions, so the
// ladder repaints in the frame of the slider input. Anything that changes which class an account
// is in (a threshold, a metric) waits for the worker.
import { checkPack } from '#shared/pack/validate';
import type { RulePackInput } from '#shared/pack/schema';
import { classKey, outcomesFor } from '#shared/workbench/class-summary';
import { moversMatrix } from '#shared/workbench/movers';
import type { ClassesSnapshot } from '#shared/workbench/workbench';
import type { Snapshot } from './protocol';

let classes: ClassesSnapshot | null = null;
let baselineCache: { pack: RulePackInput; value: ReturnType<typeof outcomesFor> } | null = null;

export function rememberClasses(next: ClassesSnapshot | null): void {
  classes = next;
  baselineCache = null;
}

export function fastSnapshot(baseline: RulePackInput, draft: RulePackInput): Snapshot | null {
  if (!classes) return null;
  const checked = checkPack(draft);
  if (!checked.ok || classKey(checked.value) !== classes.key) return null;
  if (!baselineCache || baselineCache.pack !== baseline) {
    const base = checkPack(baseline);
    if (!base.ok) return null;
    baselineCache = { pack: baseline, value: outcomesFor(base.value.pack, classes.from) };
  }
  const b = baselineCache.value;
  const d = outcomesFor(checked.value.pack, classes.to);
  return {
    baseline: b.result,
    draft: d.result,
    movers: moversMatrix(b.stages, d.stages, b.outcomes.stage, d.outcomes.stage, classes.pairs),
  };
}
