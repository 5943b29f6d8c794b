// The scoring engine: pure and columnar. Signals, gates and filters become bits per account;
// accounts with identical bits and segment form classes; scores and stages are computed per class.
// Edits are incremental — weights and stages re-evaluate classes only; a changed threshold of a
// `>`/`>=`/`<`/`<=` signal finds the accounts whose bit flips in a sorted index of its column and
// moves only those; any other changed condition rescans one column — and always equal a fresh run.
import type { RulePack, Signal } from '../pack/schema';
import type { ValidPack } from '../pack/validate';
import { aggregate, type ModelResult } from './aggregate';
import {
  filterConditionKey,
  filterHitBits,
  gateConditionKey,
  gatePassBits,
  signalBits,
  signalConditionKey,
} from './bits';
import { classify, filterBit, gateBit, toCents, type ClassTable } from './classes';
import { isCategoryMetric, scoringFeatures, signalFeature, type FeatureTable } from './features';
import { createMoveLog, moveAccounts, type MoveLog } from './moves';
import { buildThresholdIndex, thresholdFlips, type Flips, type ThresholdIndex } from './threshold-index';
import { compileScoring, evaluateClasses, type ClassOutcomes, type ScoringModel } from './scoring';
import { computePotential, type PotentialColumns } from './potential';

export type EditKind = 'none' | 'classes' | 'rescan' | 'rebuild';

export interface Engine {
  readonly features: FeatureTable;
  readonly pack: RulePack;
  readonly result: ModelResult;
  readonly table: ClassTable;
  readonly outcomes: ClassOutcomes;
  readonly model: ScoringModel;
  /** Condition bits per account: signals (mask), and segment/gates/filters (context). */
  readonly masks: Uint32Array;
  readonly contexts: Uint32Array;
  /** The validated pack (its metrics and potential) the engine runs. */
  readonly validPack: ValidPack;
  /** Whitespace per account (computed on first use, kept while the potential and features stay). */
  readonly potential: PotentialColumns;
  /**
   * The accounts the last update moved between classes, in order — or null when it does not know
   * them (a rebuild, or a whole-column rescan): then per-class sums must be recounted. The log is
   * reused by the next update.
   */
  readonly moves: MoveLog | null;
  update(next: ValidPack, features?: FeatureTable): EditKind;
}

function checkFeatures(features: FeatureTable, valid: ValidPack): void {
  const missing = scoringFeatures(valid).filter(
    (f) => !features.columns.has(f.key) && !features.categories.has(f.metric),
  );
  if (missing.length > 0) throw new Error(`The feature table lacks ${missing.map((f) => f.key).join(', ')}.`);
}

function computeBits(
  features: FeatureTable,
  pack: RulePack,
  scratch: Uint8Array,
): { masks: Uint32Array; contexts: Uint32Array } {
  const n = features.accounts;
  const masks = new Uint32Array(n);
  pack.signals.forEach((signal, s) => {
    const bits = signalBits(features, signal, scratch);
    // bits are 0/1, so shifting them into place avoids a branch per account.
    for (let i = 0; i < n; i++) masks[i] = masks[i]! | (bits[i]! << s);
  });
  const contexts = new Uint32Array(n);
  for (let i = 0; i < n; i++) contexts[i] = features.segment[i]! & 3;
  pack.ladder.gates.forEach((gate, g) => {
    const bits = gatePassBits(features, gate);
    for (let i = 0; i < n; i++) if (bits[i]) contexts[i] = (contexts[i]! | (1 << gateBit(g))) >>> 0;
  });
  pack.filters.forEach((filter, f) => {
    const bits = filterHitBits(features, filter);
    for (let i = 0; i < n; i++) if (bits[i]) contexts[i] = (contexts[i]! | (1 << filterBit(f))) >>> 0;
  });
  return { masks, contexts };
}

const sameIds = (a: { id: string }[], b: { id: string }[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id);

export function createEngine(initialFeatures: FeatureTable, initial: ValidPack): Engine {
  checkFeatures(initialFeatures, initial);
  let features = initialFeatures;
  let pack = initial.pack;
  const arrCents = toCents(features.arr);
  const scratch = new Uint8Array(features.accounts);
  let { masks, contexts } = computeBits(features, pack, scratch);
  let table = classify(masks, contexts, arrCents);
  let model = compileScoring(pack);
  let outcomes = evaluateClasses(model, table);
  let result = aggregate(pack, model, table, outcomes);
  let valid = initial;
  let potential: { key: string; features: FeatureTable; columns: PotentialColumns } | null = null;

  // The accounts the last update moved, when it knows them all (see Engine.moves).
  const log = createMoveLog();
  let logComplete = true;
  // Per feature column, accounts sorted by (segment, value), built the first time a threshold on it
  // is edited; keyed by the column array, so a recomputed column gets a new index.
  const indexes = new WeakMap<Float64Array, ThresholdIndex | null>();
  const indexOf = (column: Float64Array) => () => {
    if (!indexes.has(column)) indexes.set(column, buildThresholdIndex(column, features.segment, arrCents));
    return indexes.get(column)!;
  };

  let flipped: Int32Array | null = null; // scratch: the accounts a rescan flips

  /** Applies new bits for one position of the mask or context, moving accounts whose bit flipped. */
  const applyBits = (bits: Uint8Array, target: 'mask' | 'context', position: number) => {
    logComplete = false; // a whole-column rescan may move any number of accounts: not logged
    const words = target === 'mask' ? masks : contexts;
    const list = (flipped ??= new Int32Array(bits.length));
    let length = 0;
    for (let i = 0; i < bits.length; i++) if (((words[i]! >>> position) & 1) !== bits[i]) list[length++] = i;
    moveAccounts(table, masks, contexts, words, position, arrCents, list, null, length, null);
  };

  /** Moves the accounts a threshold edit of signal `s` flips, logging each move. */
  const moveFlips = (flips: Flips[], s: number) => {
    for (const f of flips)
      moveAccounts(table, masks, contexts, masks, s, arrCents, f.accounts, f.cents, f.accounts.length, log);
  };

  /** The accounts a threshold-only edit of a numeric signal flips, or null to rescan its column. */
  const flipsOf = (before: Signal, after: Signal): Flips[] | null => {
    if (isCategoryMetric(after.metric)) return null;
    const column = features.columns.get(signalFeature(after).key);
    return column ? thresholdFlips(indexOf(column), before, after) : null;
  };

  const engine: Engine = {
    get features() {
      return features;
    },
    get pack() {
      return pack;
    },
    get result() {
      return result;
    },
    get table() {
      return table;
    },
    get outcomes() {
      return outcomes;
    },
    get model() {
      return model;
    },
    get masks() {
      return masks;
    },
    get contexts() {
      return contexts;
    },
    get validPack() {
      return valid;
    },
    get potential() {
      const key = JSON.stringify(valid.potential.definition);
      if (!potential || potential.key !== key || potential.features !== features)
        potential = { key, features, columns: computePotential(valid.potential, features) };
      return potential.columns;
    },
    get moves() {
      return logComplete ? log : null;
    },
    update(next, nextFeatures = features) {
      const prev = pack;
      const prevFeatures = features;
      const np = next.pack;
      log.length = 0;
      logComplete = true;
      if (prev === np && prevFeatures === nextFeatures) return 'none';
      checkFeatures(nextFeatures, next);
      if (
        nextFeatures.accounts !== prevFeatures.accounts ||
        nextFeatures.arr !== prevFeatures.arr ||
        nextFeatures.segment !== prevFeatures.segment
      ) {
        throw new Error('A new feature table with other accounts needs a new engine.');
      }
      features = nextFeatures;
      pack = np;
      valid = next;
      let kind: EditKind = 'classes';
      if (
        !sameIds(prev.signals, np.signals) ||
        !sameIds(prev.ladder.gates, np.ladder.gates) ||
        !sameIds(prev.filters, np.filters)
      ) {
        ({ masks, contexts } = computeBits(features, np, scratch));
        table = classify(masks, contexts, arrCents);
        kind = 'rebuild';
        logComplete = false;
      } else {
        const columnChanged = (key: string) => prevFeatures.columns.get(key) !== features.columns.get(key);
        np.signals.forEach((s, i) => {
          const old = prev.signals[i]!;
          const columnSame = !columnChanged(signalFeature(s).key);
          if (columnSame && signalConditionKey(old) === signalConditionKey(s)) return;
          const flips = columnSame ? flipsOf(old, s) : null;
          if (flips) moveFlips(flips, i);
          else applyBits(signalBits(features, s, scratch), 'mask', i);
          kind = 'rescan';
        });
        np.ladder.gates.forEach((g, i) => {
          if (gateConditionKey(prev.ladder.gates[i]!) !== gateConditionKey(g) || columnChanged(g.condition.metric)) {
            applyBits(gatePassBits(features, g), 'context', gateBit(i));
            kind = 'rescan';
          }
        });
        np.filters.forEach((f, i) => {
          if (
            filterConditionKey(prev.filters[i]!) !== filterConditionKey(f) ||
            f.conditions.some((c) => columnChanged(c.metric))
          ) {
            applyBits(filterHitBits(features, f), 'context', filterBit(i));
            kind = 'rescan';
          }
        });
      }
      model = compileScoring(np);
      outcomes = evaluateClasses(model, table);
      result = aggregate(np, model, table, outcomes);
      return kind;
    },
  };
  return engine;
}

/** Per-account arrays for tables and exports (materialized on demand: O(accounts)). */
export function accountScores(engine: Engine): { score: Float64Array; stage: Int8Array } {
  const { table, outcomes } = engine;
  const n = engine.features.accounts;
  const score = new Float64Array(n);
  const stage = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const c = table.of[i]!;
    score[i] = outcomes.score[c]!;
    stage[i] = outcomes.stage[c]!;
  }
  return { score, stage };
}
