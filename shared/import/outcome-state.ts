// Whether one outcome row was won, lost or is still open, from what its columns say, in this order:
// a churned/cancelled flag (a churned subscription is not won); a won flag (IsWon), unless a closed
// flag or an open stage says it is still open; the stage text's vocabulary; a probability of 100
// (or 0) with a closed flag; for subscriptions, a row nothing speaks against is a sale (won).
// Anything else is unknown. The table stores won = 1, lost = 0, open and unknown = NULL.
import type { OutcomeState, OutcomeVocabulary } from './outcome-words';

export interface OutcomeInputs {
  won: boolean | null;
  stage: string | null;
  /** 0–1 (the field is a percentage). */
  probability: number | null;
  isClosed: boolean | null;
  churned: boolean | null;
}

export type OutcomeSource = 'opportunities' | 'subscriptions';

export function outcomeState(v: OutcomeInputs, vocab: OutcomeVocabulary, source: OutcomeSource): OutcomeState | null {
  if (v.churned === true) return 'lost';
  const stage = v.stage !== null && v.stage.trim() !== '' ? vocab.stageState(v.stage).state : null;
  if (v.won === true) return v.isClosed === false ? 'open' : 'won';
  if (v.isClosed === false) return 'open';
  if (v.won === false) return v.isClosed !== true && stage === 'open' ? 'open' : 'lost';
  if (stage === 'won' || stage === 'lost') return stage;
  if (v.isClosed === true && v.probability !== null) return v.probability >= 1 ? 'won' : 'lost';
  if (stage === 'open') return 'open';
  if (source === 'subscriptions' && v.churned === false) return 'won';
  if (source === 'subscriptions' && v.isClosed !== true) return 'won';
  return null;
}

export const wonColumn = (state: OutcomeState | null): 0 | 1 | null =>
  state === 'won' ? 1 : state === 'lost' ? 0 : null;
