// What an outcome row means: was it won, lost or still open, and was it an expansion? Both are
// read from documented vocabularies, matched by whole words, never by substring ("Renewal" does
// not contain the word "new"). A type in neither expansion list is unknown (NULL), listed for the
// user to classify; it is never guessed. Stage words cover opportunity stages and subscription
// statuses alike.
import { z } from 'zod';

export const outcomeStates = ['won', 'lost', 'open'] as const;
export type OutcomeState = (typeof outcomeStates)[number];

export const outcomeWordLists = z
  .object({
    expansion: z.array(z.string().min(1).max(200)).max(500),
    notExpansion: z.array(z.string().min(1).max(200)).max(500),
  })
  .strict();
export type OutcomeWordLists = z.infer<typeof outcomeWordLists>;

/** Opportunity types: which words make an expansion, and which make it not one. Editable. */
export const defaultOutcomeWords: OutcomeWordLists = {
  expansion: [
    'upgrade',
    'upsell',
    'up-sell',
    'cross-sell',
    'crosssell',
    'add-on',
    'addon',
    'expansion',
    'expand',
    'additional seats',
    'additional licenses',
    'additional users',
    'more seats',
    'seat expansion',
    'tier upgrade',
    'plan upgrade',
  ],
  notExpansion: [
    'new business',
    'newbusiness',
    'new customer',
    'new logo',
    'renewal',
    'renew',
    'downgrade',
    'contraction',
    'churn',
    'cancellation',
    'cancelled',
    'canceled',
  ],
};

/** Stage texts (and subscription statuses) that mean won or lost; every other stage is open. */
export const stageWords: Record<'won' | 'lost', readonly string[]> = {
  won: [
    'closed won',
    'closedwon',
    'won',
    'closed - won',
    'booked',
    'signed',
    'contract signed',
    'active',
    'live',
    'paid',
    'renewed',
  ],
  lost: [
    'closed lost',
    'closedlost',
    'lost',
    'closed - lost',
    'disqualified',
    'unqualified',
    'churned',
    'churn',
    'cancelled',
    'canceled',
    'non renewing',
    'expired',
    'incomplete expired',
    'ended',
    'dead',
    'closed no decision',
    'no decision',
    'rejected',
  ],
};

/** Stage words that decide only as the whole stage text ("Active", not "Inactive - Live Demo"). */
const weakStageWords = new Set(['active', 'live', 'paid', 'signed', 'booked', 'renewed', 'ended', 'dead', 'expired']);

/** Words as compared: lowercase, hyphens and other punctuation as spaces ("Up-sell" → "up sell"). */
export const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface ExpansionVerdict {
  expansion: boolean | null;
  /** The word that decided, when one did. */
  word: string | null;
}

export interface OutcomeVocabulary {
  classifyType(type: string): ExpansionVerdict & { by: 'your mapping' | 'words' | 'none' };
  stageState(stage: string): { state: OutcomeState; by: 'your mapping' | 'words' | 'none' };
}

function phraseMatcher(list: readonly string[]): (padded: string) => string | null {
  const phrases = list.map((p) => ({ text: p, padded: ` ${wordsOf(p)} ` })).filter((p) => p.padded.trim() !== '');
  return (padded) => phrases.find((p) => padded.includes(p.padded))?.text ?? null;
}

const lookupOf = <T>(entries: Record<string, T> | undefined) =>
  new Map(Object.entries(entries ?? {}).map(([k, v]) => [wordsOf(k), v] as const));

/**
 * The vocabulary in force: the user's per-type and per-stage choices first (matched on the whole
 * text, ignoring case and punctuation), then the word lists. A type matching both lists is
 * unknown: "Renewal with upsell" is for the user to decide.
 */
export function outcomeVocabulary(
  words: OutcomeWordLists = defaultOutcomeWords,
  types?: Record<string, boolean | null>,
  stages?: Record<string, OutcomeState>,
): OutcomeVocabulary {
  const expansion = phraseMatcher(words.expansion);
  const notExpansion = phraseMatcher(words.notExpansion);
  const strong = (list: readonly string[]) => list.filter((p) => !weakStageWords.has(p));
  const won = phraseMatcher(strong(stageWords.won));
  const lost = phraseMatcher(strong(stageWords.lost));
  const typeChoices = lookupOf(types);
  const stageChoices = lookupOf(stages);
  const exact = (list: readonly string[]) => new Set(list.map(wordsOf));
  const wonExact = exact(stageWords.won);
  const lostExact = exact(stageWords.lost);
  return {
    classifyType(type) {
      const key = wordsOf(type);
      if (typeChoices.has(key)) return { expansion: typeChoices.get(key)!, word: null, by: 'your mapping' };
      const padded = ` ${key} `;
      const yes = expansion(padded);
      const no = notExpansion(padded);
      if (yes && !no) return { expansion: true, word: yes, by: 'words' };
      if (no && !yes) return { expansion: false, word: no, by: 'words' };
      return { expansion: null, word: null, by: 'none' };
    },
    stageState(stage) {
      const key = wordsOf(stage);
      const chosen = stageChoices.get(key);
      if (chosen) return { state: chosen, by: 'your mapping' };
      // Whole stage texts first ("Closed Won", "active"), then stage texts that contain a strong
      // won or lost phrase ("06 - Closed Won", "Lost to competitor"); a stage naming both is open.
      if (wonExact.has(key)) return { state: 'won', by: 'words' };
      if (lostExact.has(key)) return { state: 'lost', by: 'words' };
      const padded = ` ${key} `;
      const w = won(padded);
      const l = lost(padded);
      if (w && !l) return { state: 'won', by: 'words' };
      if (l && !w) return { state: 'lost', by: 'words' };
      return { state: 'open', by: 'none' };
    },
  };
}
