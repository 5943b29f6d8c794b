// The top stage's false-positive funnel, defined once: the funnel's counts (aggregate.ts) and its
// drill-downs (the accounts query) both ask this function where each class of accounts sits, so a
// step's number and the accounts it opens cannot disagree.
import type { ClassOutcomes, ScoringModel } from './scoring';

/** Not a candidate for the top stage: gates (or the score) kept it below. */
export const notCandidate = -2;
/** A candidate no filter moved down: it is in the top stage. */
export const remainsInTop = -1;

/** notCandidate, remainsInTop, or the index of the first filter that moved the class down. */
export function funnelStepOf(model: ScoringModel, outcomes: ClassOutcomes, c: number): number {
  if (outcomes.gatedStage[c] !== model.top) return notCandidate;
  const by = outcomes.removedBy[c]!;
  return by >= 0 ? by : remainsInTop;
}

/** Whether a class belongs to a funnel step: `candidates`, `remaining`, or a filter id. */
export function inFunnelStep(
  step: string,
  filterIds: readonly string[],
  model: ScoringModel,
  outcomes: ClassOutcomes,
  c: number,
): boolean {
  const at = funnelStepOf(model, outcomes, c);
  if (step === 'candidates') return at !== notCandidate;
  if (step === 'remaining') return at === remainsInTop;
  return at >= 0 && filterIds[at] === step;
}
