// A key must tell rows apart: unique and non-blank over the profiled rows (the first 20,000). A
// column that repeats its values a lot is the file's grain speaking: many rows per customer means
// order lines, events or subscriptions, not one row per account.
import { normalizeHeader } from './fields';
import { bareId, subjectId } from './header-match';
import { keyCheckRows, type ColumnProfile } from './profile';

const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });
const rowsText = (p: ColumnProfile) =>
  p.keyRows >= keyCheckRows ? `the first ${n(p.keyRows)} rows` : `${n(p.keyRows)} row${p.keyRows === 1 ? '' : 's'}`;

function notIds(header: string, p: ColumnProfile): string | null {
  if (p.nonNull > 0 && p.number && !p.integer)
    return `"${header}" holds numbers with decimals (${n(p.numMin)} to ${n(p.numMax)}), not ids`;
  if (p.nonNull > 0 && p.boolean && !p.number) return `"${header}" holds yes/no values, not ids`;
  return null;
}

/** Why this column cannot be the key, or null when it can (unique and non-blank so far). */
export function keyProblem(header: string, p: ColumnProfile): string | null {
  if (p.keyRows === 0) return null;
  const kind = notIds(header, p);
  if (kind) return kind;
  if (p.keyDistinct + p.keyBlanks === p.keyRows && p.keyBlanks === 0) return null;
  const parts = [`"${header}" has ${n(p.keyDistinct)} distinct values in ${rowsText(p)}`];
  if (p.keyBlanks > 0) parts.push(`${n(p.keyBlanks)} blank`);
  if (p.keyRepeated !== null) parts.push(`"${p.keyRepeated}" repeats`);
  return parts.join(', ');
}

/** Rows rolled up by this column: it may repeat (that is the point), but it must hold ids, none blank. */
export function rollUpKeyProblem(header: string, p: ColumnProfile): string | null {
  if (p.keyRows === 0) return null;
  const kind = notIds(header, p);
  if (kind) return kind;
  return p.keyBlanks > 0 ? `"${header}" is blank in ${n(p.keyBlanks)} of ${rowsText(p)}` : null;
}

/** Whether a column's values repeat over the profiled rows. */
export const repeats = (p: ColumnProfile) => p.keyDistinct < p.keyRows - p.keyBlanks;

/** What makes a column a good key, in words ("500 distinct values in 500 rows, none blank"). */
export function keyEvidence(p: ColumnProfile): string {
  if (p.keyRows === 0) return 'no rows yet';
  return `${n(p.keyDistinct)} distinct values in ${rowsText(p)}, none blank`;
}

export interface GrainFinding {
  /** The customer column whose values repeat. */
  column: string;
  rows: number;
  distinct: number;
  /** What the rows probably are ("order lines", "subscriptions", "events"). */
  looksLike: string;
}

const hints: { looksLike: string; words: readonly string[] }[] = [
  {
    looksLike: 'subscriptions',
    words: ['subscription', 'mrr', 'arr', 'status', 'interval', 'period', 'renewal', 'billing', 'trial', 'cancel'],
  },
  { looksLike: 'events', words: ['event', 'timestamp', 'session', 'page', 'feature', 'visitor', 'action', 'time'] },
  {
    looksLike: 'order lines',
    words: ['order', 'line', 'invoice', 'sku', 'product', 'quantity', 'qty', 'unit', 'item'],
  },
];

/** Many rows per distinct value of the customer column (1.5 or more on average), or null. */
export function detectGrain(column: string, p: ColumnProfile, headers: readonly string[]): GrainFinding | null {
  const filled = p.keyRows - p.keyBlanks;
  if (filled < 4 || p.keyDistinct === 0 || filled / p.keyDistinct < 1.5) return null;
  const words = new Set(headers.flatMap((h) => normalizeHeader(h).split(' ')));
  const scored = hints
    .map((h) => ({ ...h, score: h.words.filter((w) => words.has(w)).length }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  return {
    column,
    rows: filled,
    distinct: p.keyDistinct,
    looksLike: best.score > 0 ? best.looksLike : 'order lines, events or subscriptions',
  };
}

export function grainSentence(g: GrainFinding, rollUp: boolean): string {
  const each = (g.rows / g.distinct).toFixed(1);
  const found = `${n(g.rows)} rows name ${n(g.distinct)} distinct "${g.column}" values (${each} rows each)`;
  if (rollUp)
    return `${found}: rolled up into one account per "${g.column}" (ARR and seats summed over its active rows).`;
  return (
    `${found}: this looks like ${g.looksLike}, not one row per account. Import it as outcomes or events, ` +
    `or roll it up into accounts (one row per "${g.column}": ARR the sum of its active rows, seats their sum).`
  );
}

/**
 * A bare "id" names the row; "Customer ID" names the account. In a subscriptions or order-lines
 * export the row id is unique and the customer column repeats: taking the row id would make each
 * subscription an account and hide the file's grain. So while an account-named id column without
 * blanks is among the account key's candidates, each bare id among them is passed over, saying why.
 */
export function bareIdProblems(
  headers: readonly string[],
  profiles: readonly ColumnProfile[],
  candidates: readonly number[],
): Map<number, string> {
  const problems = new Map<number, string>();
  const named = candidates.find((i) => subjectId('accounts', headers[i]!) && profiles[i]!.keyBlanks === 0);
  if (named === undefined) return problems;
  for (const i of candidates) {
    if (bareId(headers[i]!))
      problems.set(i, `"${headers[i]}" names each row, and "${headers[named]}" names the account`);
  }
  return problems;
}
