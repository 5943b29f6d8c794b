// Suggested weights: an L2-regularised logistic regression of the outcome on the enabled signals'
// bits (and the segment), fitted on the training rows of every date, turned into whole points
// (see points.ts). Rows are engine classes, so the fit costs the same at any number of accounts.
import type { ClassTable } from '../engine/classes';
import { segmentOfContext } from '../engine/classes';
import type { RulePack, RulePackInput } from '../pack/schema';
import { fitLogistic, type LogisticFit } from './logistic';
import { suggestPoints, type PointsSuggestion, type SignalCoefficient } from './points';

export interface DesignSet {
  table: Pick<ClassTable, 'size' | 'mask' | 'context'>;
  pos: Float64Array;
  neg: Float64Array;
}

export interface RegressionDesign {
  /** Pack positions of the signals in the design, in column order after the intercept. */
  signals: number[];
  /** Segment codes with their own column (the most common training segment is the reference). */
  segments: number[];
  columns: number;
}

export const defaultLambda = 1;

export function designFor(pack: RulePack, sets: readonly DesignSet[]): RegressionDesign {
  const signals = pack.signals.flatMap((s, i) => (s.enabled ? [i] : []));
  const bySegment = new Float64Array(4);
  for (const set of sets)
    for (let c = 0; c < set.table.size; c++)
      bySegment[segmentOfContext(set.table.context[c]!)]! += set.pos[c]! + set.neg[c]!;
  const present = [0, 1, 2, 3].filter((s) => bySegment[s]! > 0);
  const reference = present.reduce((best, s) => (bySegment[s]! > bySegment[best]! ? s : best), present[0] ?? 0);
  const segments = present.filter((s) => s !== reference);
  return { signals, segments, columns: 1 + signals.length + segments.length };
}

/** Writes the design row of a class (intercept, signal bits, segment dummies) into `out` at `offset`. */
export function designRow(design: RegressionDesign, mask: number, context: number, out: Float64Array, offset: number) {
  out[offset] = 1;
  design.signals.forEach((s, j) => (out[offset + 1 + j] = (mask >>> s) & 1));
  const segment = segmentOfContext(context);
  design.segments.forEach((code, j) => (out[offset + 1 + design.signals.length + j] = segment === code ? 1 : 0));
}

export function fitDesign(design: RegressionDesign, sets: readonly DesignSet[], lambda = defaultLambda): LogisticFit {
  const rows = sets.reduce((n, s) => n + s.table.size, 0);
  const x = new Float64Array(rows * design.columns);
  const pos = new Float64Array(rows);
  const neg = new Float64Array(rows);
  let r = 0;
  for (const set of sets) {
    for (let c = 0; c < set.table.size; c++, r++) {
      designRow(design, set.table.mask[c]!, set.table.context[c]!, x, r * design.columns);
      pos[r] = set.pos[c]!;
      neg[r] = set.neg[c]!;
    }
  }
  return fitLogistic({ x, rows, columns: design.columns, pos, neg }, { lambda });
}

/** The linear predictor of each class of a table (the unrounded regression's score). */
export function linearPredictor(
  design: RegressionDesign,
  beta: Float64Array,
  table: Pick<ClassTable, 'size' | 'mask' | 'context'>,
): Float64Array {
  const row = new Float64Array(design.columns);
  return Float64Array.from({ length: table.size }, (_, c) => {
    designRow(design, table.mask[c]!, table.context[c]!, row, 0);
    let t = 0;
    for (let j = 0; j < design.columns; j++) t += row[j]! * beta[j]!;
    return t;
  });
}

export interface Coefficients {
  intercept: number;
  signals: SignalCoefficient[];
  segments: { segment: number; coefficient: number; standardError: number }[];
}

export function coefficientsOf(pack: RulePack, design: RegressionDesign, fit: LogisticFit, sets: readonly DesignSet[]) {
  const rows = sets.reduce((n, s) => n + s.pos.reduce((a, b) => a + b, 0) + s.neg.reduce((a, b) => a + b, 0), 0);
  const signals = design.signals.map((s, j): SignalCoefficient => {
    let fired = 0;
    for (const set of sets)
      for (let c = 0; c < set.table.size; c++) if ((set.table.mask[c]! >>> s) & 1) fired += set.pos[c]! + set.neg[c]!;
    return {
      id: pack.signals[s]!.id,
      coefficient: fit.coefficients[1 + j]!,
      standardError: fit.standardErrors[1 + j]!,
      fired,
      rows,
    };
  });
  const offset = 1 + design.signals.length;
  return {
    intercept: fit.coefficients[0]!,
    signals,
    segments: design.segments.map((segment, j) => ({
      segment,
      coefficient: fit.coefficients[offset + j]!,
      standardError: fit.standardErrors[offset + j]!,
    })),
  } satisfies Coefficients;
}

export function pointsFor(pack: RulePack, coefficients: Coefficients): PointsSuggestion {
  const enabled = pack.signals.filter((s) => s.enabled);
  return suggestPoints(
    coefficients.signals,
    enabled.map((s) => s.weight),
  );
}

/**
 * The pack with the suggested points (and, when given, thresholds). Per-segment weight overrides
 * are dropped: the suggestion is one weight per signal. Everything else stays as it was.
 */
export function applySuggestion<P extends RulePack | RulePackInput>(
  pack: P,
  weights: Readonly<Record<string, number>>,
  thresholds: Readonly<Record<string, number>> = {},
): P {
  return {
    ...pack,
    signals: pack.signals.map((s) => {
      const weight = Object.hasOwn(weights, s.id) ? weights[s.id]! : undefined;
      const threshold = Object.hasOwn(thresholds, s.id) ? thresholds[s.id]! : undefined;
      if (weight === undefined && threshold === undefined) return s;
      const next = { ...s };
      if (weight !== undefined) {
        next.weight = weight;
        if (next.segmentOverrides) {
          const overrides = Object.fromEntries(
            Object.entries(next.segmentOverrides).flatMap(([seg, o]) => {
              const { weight: _drop, ...rest } = o ?? {};
              return Object.keys(rest).length > 0 ? [[seg, rest]] : [];
            }),
          );
          next.segmentOverrides = Object.keys(overrides).length > 0 ? overrides : undefined;
          if (next.segmentOverrides === undefined) delete next.segmentOverrides;
        }
      }
      if (threshold !== undefined) next.threshold = threshold;
      return next;
    }),
  };
}
