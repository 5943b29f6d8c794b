// Support tickets as a signal: reactive ("how do I…", something is broken) or exploratory ("can we
// also…", asking for more). Phrase lists are editable per workspace; a ticket matching neither is
// "other". Exploratory wins a tie, because one "can we also" is the rarer, stronger signal.
import type { PhraseLists } from './mapping';

export const defaultTicketPhrases: PhraseLists = {
  reactive: [
    'how do i',
    'how to',
    'how can i',
    'not working',
    "doesn't work",
    'does not work',
    'error',
    'broken',
    'bug',
    'crash',
    'unable to',
    "can't",
    'cannot',
    'failed',
    'failing',
    'fails',
    'timeout',
    'timed out',
    'times out',
    // Zendesk's ticket type for "something is broken" (its others: question, problem, task).
    'incident',
    'issue with',
    'problem with',
    'reset',
    'locked out',
    'password',
    'troubleshoot',
    'slow',
    'missing',
    'transaction issue',
    'billing inquiry',
  ],
  exploratory: [
    'can we also',
    'can we add',
    'is it possible',
    'would it be possible',
    'do you support',
    'does it support',
    'could we',
    'we would like to',
    'roadmap',
    'integrate with',
    'integration with',
    'more seats',
    'additional seats',
    'add users',
    'another team',
    'new team',
    'other departments',
    'upgrade',
    'higher plan',
    'enterprise plan',
    'api access',
    'automate',
    'automation',
    'expand',
    'rollout',
    'roll out',
    'new use case',
  ],
};

export type TicketKind = 'reactive' | 'exploratory' | 'other';

export function createTicketClassifier(phrases: PhraseLists = defaultTicketPhrases): (text: string) => TicketKind {
  const reactive = phrases.reactive.map((p) => p.toLowerCase());
  const exploratory = phrases.exploratory.map((p) => p.toLowerCase());
  return (text) => {
    const t = text.toLowerCase().replace(/[’‘]/g, "'");
    const r = reactive.filter((p) => t.includes(p)).length;
    const e = exploratory.filter((p) => t.includes(p)).length;
    if (e === 0 && r === 0) return 'other';
    return e >= r ? 'exploratory' : 'reactive';
  };
}
