// Score and stage for each class of accounts (see classes.ts). Everything here depends only on a
// class's key, the weights, the stage thresholds and which gates and filters are switched on.
import { signalCategories, packSegments, type RulePack } from '../pack/schema';
import { hasBit, gateBitsOfContext, filterBitsOfContext, segmentOfContext, type ClassTable } from './classes';
import { isSet } from '../missing';

export interface ScoringModel {
  signalCount: number;
  enabledSignals: number;
  enabled: Uint8Array;
  /** weight[s * 4 + segment] */
  weight: Float64Array;
  categoryOf: Int32Array;
  /** Categories in use, in canonical order; shares/caps NaN when not set. */
  categories: { id: string; share: number; cap: number }[];
  /** The most each category can add for a segment: categoryMax[segment * categories + c], the sum of
   * its switched-on positive weights, capped. Shares divide by it; computed once per pack. */
  categoryMax: Float64Array;
  categorized: boolean;
  stages: { id: string; label: string; minScore: number; minSignals: number; gateOnly: boolean }[];
  /** Stage indices reachable by score, lowest first. */
  scored: number[];
  catchAll: number;
  top: number;
  gates: { enabled: boolean; action: 'assign' | 'cap'; stage: number }[];
  filters: { enabled: boolean; action: 'demote' | 'exclude'; appliesFrom: number }[];
}

export function compileScoring(pack: RulePack): ScoringModel {
  const n = pack.signals.length;
  const weight = new Float64Array(n * 4);
  const used = new Set(pack.signals.map((s) => s.category));
  const categories = signalCategories
    .filter((c) => used.has(c))
    .map((id) => ({
      id,
      share: pack.scoring.categoryWeights?.[id] ?? NaN,
      cap: pack.scoring.categoryCaps?.[id] ?? NaN,
    }));
  pack.signals.forEach((s, i) => {
    for (let seg = 0; seg < 4; seg++) {
      const segment = packSegments[seg];
      weight[i * 4 + seg] = (segment && s.segmentOverrides?.[segment]?.weight) ?? s.weight;
    }
  });
  const stages = pack.ladder.stages.map((s) => ({
    id: s.id,
    label: s.label,
    minScore: s.minScore,
    minSignals: s.minSignals,
    gateOnly: s.gateOnly,
  }));
  const scored = stages.flatMap((s, i) => (s.gateOnly ? [] : [i]));
  const stageIndex = (id: string) => stages.findIndex((s) => s.id === id);
  const enabled = Uint8Array.from(pack.signals, (s) => (s.enabled ? 1 : 0));
  const categoryOf = Int32Array.from(pack.signals, (s) => categories.findIndex((c) => c.id === s.category));
  return {
    signalCount: n,
    enabledSignals: enabled.reduce((a, b) => a + b, 0),
    enabled,
    weight,
    categoryOf,
    categories,
    categoryMax: categoryMaxima(categories, categoryOf, enabled, weight),
    categorized: pack.scoring.categoryWeights !== undefined || pack.scoring.categoryCaps !== undefined,
    stages,
    scored,
    catchAll: scored[0]!,
    top: scored[scored.length - 1]!,
    gates: pack.ladder.gates.map((g) => ({
      enabled: g.enabled,
      action: g.onFail.action,
      stage: stageIndex(g.onFail.stage),
    })),
    filters: pack.filters.map((f) => ({
      enabled: f.enabled,
      action: f.action,
      appliesFrom: stageIndex(f.appliesFrom),
    })),
  };
}

function categoryMaxima(
  categories: ScoringModel['categories'],
  categoryOf: Int32Array,
  enabled: Uint8Array,
  weight: Float64Array,
): Float64Array {
  const k = categories.length;
  const max = new Float64Array(4 * k);
  for (let seg = 0; seg < 4; seg++) {
    // Added in pack order, as the compiled SQL and JSON Logic constants are.
    for (let s = 0; s < categoryOf.length; s++) {
      const w = weight[s * 4 + seg]!;
      if (enabled[s] && w > 0) max[seg * k + categoryOf[s]!]! += w;
    }
    categories.forEach(({ cap }, c) => {
      if (isSet(cap)) max[seg * k + c] = Math.min(max[seg * k + c]!, cap);
    });
  }
  return max;
}

export interface ClassOutcomes {
  size: number;
  score: Float64Array;
  /** subtotal[c * categories + k] */
  subtotal: Float64Array;
  distinct: Uint8Array;
  /** Stage from the score alone, after gates, and final (after filters). */
  baseStage: Int8Array;
  gatedStage: Int8Array;
  stage: Int8Array;
  failedGates: Uint8Array;
  appliedFilters: Uint8Array;
  /** The first filter that moved the class down, or -1. */
  removedBy: Int8Array;
}

function lowerScoredStage(model: ScoringModel, stage: number): number {
  const at = model.scored.indexOf(stage);
  return at > 0 ? model.scored[at - 1]! : model.catchAll;
}

function scoreClass(
  model: ScoringModel,
  mask: number,
  segment: number,
  subtotal: Float64Array,
  offset: number,
): number {
  const k = model.categories.length;
  if (!model.categorized) {
    // Plain sum of fired weights in pack order (compiled SQL adds them in the same order).
    let score = 0;
    for (let s = 0; s < model.signalCount; s++) {
      const w = model.enabled[s] && hasBit(mask, s) ? model.weight[s * 4 + segment]! : 0;
      score += w;
      subtotal[offset + model.categoryOf[s]!]! += w;
    }
    return score;
  }
  for (let s = 0; s < model.signalCount; s++) {
    if (model.enabled[s] && hasBit(mask, s)) subtotal[offset + model.categoryOf[s]!]! += model.weight[s * 4 + segment]!;
  }
  let score = 0;
  for (let c = 0; c < k; c++) {
    const { share, cap } = model.categories[c]!;
    if (isSet(cap)) subtotal[offset + c] = Math.min(subtotal[offset + c]!, cap);
    const max = model.categoryMax[segment * k + c]!;
    if (isSet(share)) score += max > 0 ? share * (subtotal[offset + c]! / max) : 0;
    else score += subtotal[offset + c]!;
  }
  return model.categories.some((c) => isSet(c.share)) ? score * 100 : score;
}

export function evaluateClasses(model: ScoringModel, table: ClassTable): ClassOutcomes {
  const size = table.size;
  const k = model.categories.length;
  const out: ClassOutcomes = {
    size,
    score: new Float64Array(size),
    subtotal: new Float64Array(size * k),
    distinct: new Uint8Array(size),
    baseStage: new Int8Array(size),
    gatedStage: new Int8Array(size),
    stage: new Int8Array(size),
    failedGates: new Uint8Array(size),
    appliedFilters: new Uint8Array(size),
    removedBy: new Int8Array(size).fill(-1),
  };
  for (let c = 0; c < size; c++) {
    const mask = table.mask[c]!;
    const context = table.context[c]!;
    const segment = segmentOfContext(context);
    const score = scoreClass(model, mask, segment, out.subtotal, c * k);
    let distinct = 0;
    for (let s = 0; s < model.signalCount; s++) if (model.enabled[s] && hasBit(mask, s)) distinct++;
    let stage = model.catchAll;
    for (const i of model.scored) {
      const st = model.stages[i]!;
      if (score >= st.minScore && distinct >= st.minSignals) stage = i;
    }
    out.score[c] = score;
    out.distinct[c] = distinct;
    out.baseStage[c] = stage;

    const gatePass = gateBitsOfContext(context);
    let assigned = false;
    model.gates.forEach((g, gi) => {
      if (!g.enabled || hasBit(gatePass, gi) || assigned) return;
      out.failedGates[c]! |= 1 << gi;
      if (g.action === 'assign') {
        stage = g.stage;
        assigned = true;
      } else if (stage > g.stage) stage = g.stage;
    });
    out.gatedStage[c] = stage;

    if (!assigned) {
      const hits = filterBitsOfContext(context);
      model.filters.forEach((f, fi) => {
        if (!f.enabled || !hasBit(hits, fi) || stage < f.appliesFrom) return;
        const next = f.action === 'exclude' ? model.catchAll : lowerScoredStage(model, stage);
        if (next === stage) return;
        stage = next;
        out.appliedFilters[c]! |= 1 << fi;
        if (out.removedBy[c] === -1) out.removedBy[c] = fi;
      });
    }
    out.stage[c] = stage;
  }
  return out;
}
