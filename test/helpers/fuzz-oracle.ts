// What a fuzz case may end in: success, or a LadderError that is a sentence for a person — not an
// internal error, not a JavaScript internal ("Cannot read properties of undefined", "Maximum call
// stack size exceeded", "Invalid typed array length"…). And memory that stays bounded from case to case.
import { LadderError } from '#shared/api/result';

// JavaScript's own phrasings (case matters: "cannot read the file" is a fine sentence).
const internalWording = new RegExp(
  [
    'Cannot (?:read|set) propert',
    'Cannot (?:convert|destructure)',
    "Cannot access '",
    'of undefined',
    'of null\\b',
    'undefined is not',
    'is not a (?:function|constructor)',
    'is not iterable',
    'Maximum call stack',
    'Invalid (?:typed )?array length',
    'Invalid string length',
    'Array buffer allocation',
    'out of memory',
    'heap limit',
    '(?:Range|Type|Syntax|Reference)Error',
    'Offset is outside',
    'outside buffer bounds',
    '\\[object \\w+\\]',
    '\\bNaN\\b',
  ].join('|'),
);

/**
 * Does a message read like a JavaScript internal rather than a sentence for a person? What it quotes
 * (a value, a name from the file) is left out: a cell may well say "undefined".
 */
export const wordedLikeInternals = (message: string) => internalWording.test(message.replace(/"[^"\n]*"/g, '""'));

/** Why an error is not an acceptable outcome, or null when it is one. */
export function problemWith(error: unknown): string | null {
  if (!(error instanceof LadderError)) {
    const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    return `crashed with ${text.slice(0, 2000)}`;
  }
  if (error.code === 'internal') return `internal error: ${error.message}`;
  if (wordedLikeInternals(error.message)) return `internal wording in "${error.message}"`;
  if (error.message.trim() === '') return 'an empty message';
  return null;
}

/** Refusal messages with numbers and quoted names blurred, to list the kinds of sentence a run gave. */
export const messageShape = (message: string) =>
  message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d[\d,.]*/g, 'N')
    .slice(0, 160);

/**
 * Resident memory across the cases of a run. Garbage comes and goes; what a case may not do is
 * take hundreds of megabytes for a file of a few kilobytes (the Arrow stream that grew past 6 GB).
 */
export function memoryWatch(limitMb: number) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let peakCase = '';
  return {
    sample(label: string): void {
      const rss = process.memoryUsage().rss;
      if (rss > peak) {
        peak = rss;
        peakCase = label;
      }
    },
    /** Growth over the baseline in MB, and the case that reached it. */
    get growthMb(): number {
      return Math.round((peak - baseline) / 2 ** 20);
    },
    get peakCase(): string {
      return peakCase;
    },
    limitMb,
  };
}
