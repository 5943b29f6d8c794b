// Live validation: the draft's held-out AUC, top-decile lift and Ready precision after every edit.
// Each held-out as-of date keeps an engine and the positives and negatives of each of its classes;
// an edit re-evaluates classes (the engine does that anyway), and the metrics are sums over
// classes — microseconds at any number of accounts. An edit that moves accounts between classes
// updates the counts for the accounts that moved (the engine logs them for a threshold edit), or
// recounts them in one pass over the accounts when the engine rescanned or rebuilt.
import type { ClassTable } from '../engine/classes';
import { createEngine, type Engine } from '../engine/engine';
import type { FeatureTable } from '../engine/features';
import { compileScoring, evaluateClasses, type ClassOutcomes } from '../engine/scoring';
import type { RulePack } from '../pack/schema';
import type { ValidPack } from '../pack/validate';
import type { MoveLog } from '../engine/moves';
import { countByClass, heldOutPart, type ClassCounts } from './class-counts';
import { lexicographicRank, toGroups } from './groups';
import { topShare } from './ranking';
import { aucWithCi } from './roc';
import { summarize } from '../workbench/class-summary';

export interface LiveMetrics {
  accounts: number;
  positives: number;
  auc: number;
  aucCi: [number, number];
  liftTopDecile: number;
  captureTopDecile: number;
  readyPrecision: number;
  readyRecall: number;
  /** Lift and capture at each tenth of the list (the gains chart). */
  deciles: { share: number; lift: number; capture: number }[];
}

/** The held-out classes of one as-of date: the class keys, and positives and negatives per class. */
export interface LiveClasses {
  size: number;
  mask: Uint32Array;
  context: Uint32Array;
  count: Float64Array;
  arrCents: Float64Array;
  pos: Float64Array;
  neg: Float64Array;
}

/** Metrics from each date's classes and the outcomes the model gives them. */
export function liveMetricsOf(
  sets: readonly {
    pos: Float64Array;
    neg: Float64Array;
    outcomes: Pick<ClassOutcomes, 'score' | 'stage'>;
    size: number;
  }[],
  top: number,
): LiveMetrics {
  const total = sets.reduce((n, s) => n + s.size, 0);
  const stage = new Float64Array(total);
  const score = new Float64Array(total);
  const pos = new Float64Array(total);
  const neg = new Float64Array(total);
  let at = 0;
  let readyPos = 0;
  let readyAll = 0;
  for (const s of sets) {
    for (let c = 0; c < s.size; c++, at++) {
      stage[at] = s.outcomes.stage[c]!;
      score[at] = s.outcomes.score[c]!;
      pos[at] = s.pos[c]!;
      neg[at] = s.neg[c]!;
      if (stage[at] === top) {
        readyPos += pos[at]!;
        readyAll += pos[at]! + neg[at]!;
      }
    }
  }
  const groups = toGroups(lexicographicRank(stage, score), pos, neg);
  const { auc, ci } = aucWithCi(groups);
  const decile = topShare(groups, 0.1);
  return {
    accounts: groups.positives + groups.negatives,
    positives: groups.positives,
    auc,
    aucCi: ci,
    liftTopDecile: decile.lift,
    captureTopDecile: decile.capture,
    readyPrecision: readyAll > 0 ? readyPos / readyAll : NaN,
    readyRecall: groups.positives > 0 ? readyPos / groups.positives : NaN,
    deciles: Array.from({ length: 10 }, (_, d) => {
      const t = topShare(groups, (d + 1) / 10);
      return { share: t.share, lift: t.lift, capture: t.capture };
    }),
  };
}

/** The same, for a pack over class summaries (the UI thread's same-frame answer to a weight edit). */
export function liveMetricsForPack(pack: RulePack, sets: readonly LiveClasses[]): LiveMetrics {
  const model = compileScoring(pack);
  return liveMetricsOf(
    sets.map((s) => ({
      pos: s.pos,
      neg: s.neg,
      size: s.size,
      outcomes: evaluateClasses(model, s as unknown as ClassTable),
    })),
    model.top,
  );
}

export interface LiveSet {
  features: FeatureTable;
  /** 1, 0, or negative (excluded) per account. */
  labels: Int8Array;
  /** Per account 1 when held out; or 1 for a whole held-out date. */
  heldOut: Uint8Array | number;
}

/** The counts after the logged moves (arrays grown when the engine added classes). */
function applyMoves(counts: ClassCounts, size: number, moves: MoveLog, set: LiveSet): ClassCounts {
  const grow = (a: Float64Array) => {
    if (a.length >= size) return a;
    const b = new Float64Array(Math.max(size, a.length * 2));
    b.set(a);
    return b;
  };
  const out: ClassCounts = {
    size,
    trainPos: grow(counts.trainPos),
    trainNeg: grow(counts.trainNeg),
    testPos: grow(counts.testPos),
    testNeg: grow(counts.testNeg),
  };
  const { labels, heldOut } = set;
  for (let j = 0; j < moves.length; j++) {
    const i = moves.account[j]!;
    const label = labels[i]!;
    if (label < 0) continue;
    const held = (typeof heldOut === 'number' ? heldOut : heldOut[i]!) === heldOutPart;
    const target = held ? (label === 1 ? out.testPos : out.testNeg) : label === 1 ? out.trainPos : out.trainNeg;
    target[moves.from[j]!]! -= 1;
    target[moves.to[j]!]! += 1;
  }
  return out;
}

export interface LiveValidator {
  readonly metrics: LiveMetrics;
  /** Scores the pack on every held-out date (with new feature tables when its columns changed). */
  update(valid: ValidPack, features?: readonly FeatureTable[]): LiveMetrics;
  /** The held-out classes, for same-frame recomputation elsewhere. */
  classes(): LiveClasses[];
  readonly engines: readonly Engine[];
}

export function createLiveValidator(sets: readonly LiveSet[], initial: ValidPack): LiveValidator {
  const engines = sets.map((s) => createEngine(s.features, initial));
  const count = (k: number) => {
    const t = engines[k]!.table;
    return countByClass(t.of, t.size, sets[k]!.labels, sets[k]!.heldOut);
  };
  const counts = sets.map((_, k) => count(k));
  const measure = () =>
    liveMetricsOf(
      engines.map((e, k) => ({
        pos: counts[k]!.testPos,
        neg: counts[k]!.testNeg,
        outcomes: e.outcomes,
        size: e.table.size,
      })),
      engines[0]!.model.top,
    );
  let metrics = measure();
  return {
    get metrics() {
      return metrics;
    },
    engines,
    update(valid, features) {
      for (const [k, e] of engines.entries()) {
        const kind = e.update(valid, features?.[k]);
        if (kind !== 'rescan' && kind !== 'rebuild') continue;
        const moves = e.moves;
        counts[k] = moves ? applyMoves(counts[k]!, e.table.size, moves, sets[k]!) : count(k);
      }
      metrics = measure();
      return metrics;
    },
    classes: () =>
      engines.map((e, k) => ({
        ...summarize(e),
        pos: counts[k]!.testPos.slice(0, e.table.size),
        neg: counts[k]!.testNeg.slice(0, e.table.size),
      })),
  };
}
