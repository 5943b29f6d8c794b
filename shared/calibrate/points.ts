// From regression coefficients to a rule pack's points. Points are proportional to the
// coefficients, scaled so the strongest signal gets the largest weight the pack already uses
// (so stage thresholds keep their meaning), and rounded to whole numbers. A signal whose
// coefficient is not positive is flagged for removal and gets no points — never negative ones.
// One whose 95 % interval reaches zero is flagged for removal too (the data cannot tell it from
// noise) but keeps its proportional points: it still ranks, and the analyst decides.

export type RemovalReason = 'non-positive' | 'unstable' | 'never-fires' | 'always-fires';

export interface SignalCoefficient {
  id: string;
  coefficient: number;
  standardError: number;
  /** Training rows where the signal fired, and all training rows. */
  fired: number;
  rows: number;
}

export interface PointsSuggestion {
  weights: Record<string, number>;
  removal: { id: string; reason: RemovalReason }[];
  /** The weight the strongest signal got: the pack's largest current weight (at least 1). */
  scale: number;
}

const z95 = 1.959963984540054;

export function removalReason(c: SignalCoefficient): RemovalReason | null {
  if (c.fired === 0) return 'never-fires';
  if (c.fired === c.rows) return 'always-fires';
  if (!(c.coefficient > 0)) return 'non-positive';
  if (!(c.coefficient - z95 * c.standardError > 0)) return 'unstable';
  return null;
}

export function suggestPoints(
  coefficients: readonly SignalCoefficient[],
  currentWeights: readonly number[],
): PointsSuggestion {
  const largest = Math.max(0, ...currentWeights.filter(Number.isFinite));
  const scale = Math.max(1, Math.round(largest));
  const removal: PointsSuggestion['removal'] = [];
  const kept: SignalCoefficient[] = [];
  for (const c of coefficients) {
    const reason = removalReason(c);
    if (reason) removal.push({ id: c.id, reason });
    if (!reason || reason === 'unstable') kept.push(c);
  }
  const strongest = Math.max(0, ...kept.map((c) => c.coefficient));
  const weights: Record<string, number> = {};
  for (const c of coefficients) {
    const keep = kept.includes(c) && strongest > 0;
    weights[c.id] = keep ? Math.round((c.coefficient / strongest) * scale) : 0;
  }
  return { weights, removal, scale };
}
