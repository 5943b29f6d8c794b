// Rolling many rows per account (subscriptions, order lines) up into one account row. What counts
// depends on which rows are still active: ARR and seats are sums over the active rows, the next
// renewal is the earliest among them, the contract start the earliest of all rows, and every other
// field takes the value of the account's last active row that has one. Ended rows speak only for an
// account that has no active row left (a churned customer keeps its last plan, owner, name…), so a
// replaced subscription's end date or plan never shows on a live account. A row is ended when a churn
// or cancel flag says so, or its status reads as ended (the outcome stage words: churned,
// cancelled, expired…); a status that reads otherwise (active, trialing, past_due) keeps it
// active. Without a status: a filled "cancelled at" / "ended at" date ends it, and so does an end
// date before the start of the account's latest row (a later subscription replaced it).
import type { Typed } from './convert';
import { normalizeHeader } from './fields';
import type { ColumnPlan } from './mapping';
import { outcomeVocabulary } from './outcome-words';

export interface ActivityColumns {
  status: ColumnPlan | null;
  /** Yes/no columns: true means ended (churn, cancelled) or, for "active" ones, false does. */
  flags: { column: ColumnPlan; endedWhen: boolean }[];
  /** Dates that, when filled, say the row ended ("Canceled At", "Ended At", "churn_date"). */
  endedAt: ColumnPlan[];
  /** The row's own end date ("end_date", "Expires"), compared with the account's latest start. */
  end: ColumnPlan | null;
  start: ColumnPlan | null;
}

const endedWords = ['churn', 'churned', 'cancelled', 'canceled', 'ended', 'terminated', 'expired', 'inactive'];
const isDate = (c: ColumnPlan) => c.type === 'date' || c.type === 'datetime';
const wordsOf = (c: ColumnPlan) => normalizeHeader(c.source).split(' ');
const has = (c: ColumnPlan, list: readonly string[]) => wordsOf(c).some((w) => list.includes(w));

/** The columns of a plan that say whether a row is still active. */
export function activityColumns(columns: readonly ColumnPlan[]): ActivityColumns {
  const used = columns.filter((c) => !c.skip);
  const flags = used
    .filter((c) => c.type === 'boolean' && (has(c, endedWords) || has(c, ['active'])))
    .map((column) => ({ column, endedWhen: has(column, endedWords) }));
  const endedAt = used.filter((c) => isDate(c) && has(c, endedWords));
  const end = used.find(
    (c) =>
      isDate(c) &&
      !endedAt.includes(c) &&
      c.field !== 'renewal_date' &&
      !has(c, ['period', 'trial']) &&
      has(c, ['end', 'expires', 'expiry', 'expiration']),
  );
  const start =
    used.find((c) => c.field === 'contract_start') ??
    used.find((c) => isDate(c) && has(c, ['start', 'started', 'created', 'opened']) && !has(c, ['trial']));
  return {
    status: used.find((c) => c.type === 'text' && c.field === null && has(c, ['status', 'state'])) ?? null,
    flags,
    endedAt,
    end: end ?? null,
    start: start ?? null,
  };
}

/** Why a row counts as ended, for the report. */
export type EndedBy = 'flag' | 'status' | 'ended date' | 'replaced';

export interface RowActivity {
  /** true / false when a column decided; null when only the end-date rule can (see `settle`). */
  active: boolean | null;
  endedBy: EndedBy | null;
  /** ISO dates (first 10 characters), or null. */
  start: string | null;
  end: string | null;
}

const day = (v: Typed | undefined) => (typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null);

/** What one row's columns say; `value(column)` reads its typed value (undefined when absent). */
export function createActivityReader(cols: ActivityColumns) {
  const vocab = outcomeVocabulary();
  return (value: (c: ColumnPlan) => Typed | undefined): RowActivity => {
    const dates = {
      start: cols.start ? day(value(cols.start)) : null,
      end: cols.end ? day(value(cols.end)) : null,
    };
    if (cols.flags.some((f) => value(f.column) === f.endedWhen)) return { active: false, endedBy: 'flag', ...dates };
    const status = cols.status ? value(cols.status) : null;
    if (typeof status === 'string' && status.trim() !== '') {
      const ended = vocab.stageState(status).state === 'lost';
      return { active: !ended, endedBy: ended ? 'status' : null, ...dates };
    }
    if (cols.endedAt.some((c) => day(value(c)) !== null)) return { active: false, endedBy: 'ended date', ...dates };
    return { active: null, endedBy: null, ...dates };
  };
}

/** The final word on a row, once the account's latest start is known. */
export function settle(a: RowActivity, latestStart: string | null): { active: boolean; endedBy: EndedBy | null } {
  if (a.active !== null) return { active: a.active, endedBy: a.endedBy };
  if (a.end !== null && latestStart !== null && a.end < latestStart) return { active: false, endedBy: 'replaced' };
  return { active: true, endedBy: null };
}

/** How each written column of an account row is rolled up. */
export type Rule = 'key' | 'sum' | 'earliest' | 'earliest active' | 'latest' | 'custom';

export function ruleOf(column: string, keyColumn: string): Rule {
  if (column === keyColumn) return 'key';
  switch (column) {
    case 'arr':
    case 'seats_licensed':
      return 'sum';
    case 'contract_start':
      return 'earliest';
    case 'renewal_date':
      return 'earliest active';
    case 'custom':
      return 'custom';
    default:
      return 'latest';
  }
}

export interface RollUpRow {
  values: readonly unknown[];
  active: boolean;
}

const filled = (v: unknown) => v !== null && v !== undefined;
const earliest = (vs: unknown[]) => vs.filter(filled).reduce<unknown>((m, v) => (m === null || v! < m! ? v : m), null);
const latest = (vs: unknown[]) => vs.filter(filled).at(-1) ?? null;

/** One account's rows (in file order) as one row of values, column by column. */
export function rollUpValues(rows: readonly RollUpRow[], rules: readonly Rule[]): unknown[] {
  const active = rows.filter((r) => r.active);
  const speaking = active.length > 0 ? active : rows;
  return rules.map((rule, i) => {
    const all = rows.map((r) => r.values[i]);
    const live = active.map((r) => r.values[i]);
    switch (rule) {
      case 'key':
        return all[0];
      case 'sum':
        // A churned account (no active row) has ARR 0, not "unknown"; blank on every active row of
        // a live account, or on every row, stays blank.
        if (live.some(filled)) return live.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
        return active.length === 0 && all.some(filled) ? 0 : null;
      case 'earliest':
        return earliest(all);
      case 'earliest active':
        return active.length > 0 ? earliest(live) : latest(all);
      case 'latest':
        return latest(speaking.map((r) => r.values[i]));
      case 'custom': {
        // Later rows win key by key, among the rows that speak for the account.
        const merged: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const r of speaking) {
          const text = r.values[i];
          if (typeof text === 'string') Object.assign(merged, JSON.parse(text) as Record<string, unknown>);
        }
        return Object.keys(merged).length > 0 ? JSON.stringify(merged) : null;
      }
    }
  });
}

export interface RollUpSummary {
  /** The column whose values name the account. */
  keyColumn: string;
  rows: number;
  accounts: number;
  activeRows: number;
  ended: Record<EndedBy, number>;
}

/** The report's sentence about a roll-up. */
export function rollUpSentence(s: RollUpSummary, cols: ActivityColumns): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const endedRows = s.rows - s.activeRows;
  const why: string[] = [];
  if (s.ended.flag > 0) why.push(`${n(s.ended.flag)} by ${cols.flags.map((f) => `"${f.column.source}"`).join(' or ')}`);
  if (s.ended.status > 0)
    why.push(`${n(s.ended.status)} by their ${cols.status ? `"${cols.status.source}"` : 'status'}`);
  if (s.ended['ended date'] > 0)
    why.push(`${n(s.ended['ended date'])} by ${cols.endedAt.map((c) => `"${c.source}"`).join(' or ')}`);
  if (s.ended.replaced > 0) why.push(`${n(s.ended.replaced)} replaced by a later row of their account`);
  return (
    `${n(s.rows)} rows rolled up into ${n(s.accounts)} accounts (one per "${s.keyColumn}"): ARR and seats are ` +
    `sums over the ${n(s.activeRows)} active rows` +
    (endedRows > 0 ? `; ${n(endedRows)} ended rows count for neither (${why.join(', ')})` : '; no row reads as ended') +
    '.'
  );
}

/** Which columns decide that a row ended, in words, for the mapping screen. */
export function activityRule(cols: ActivityColumns): string {
  const q = (c: ColumnPlan) => `"${c.source}"`;
  const parts = [
    ...cols.flags.map((f) => `${q(f.column)} is ${f.endedWhen ? 'yes' : 'no'}`),
    ...(cols.status ? [`${q(cols.status)} reads as ended (churned, cancelled, expired…)`] : []),
    ...(cols.endedAt.length > 0
      ? [`${cols.endedAt.map(q).join(' or ')} is filled${cols.status ? ' and the status is blank' : ''}`]
      : []),
    ...(cols.end && cols.start ? [`${q(cols.end)} falls before the latest ${q(cols.start)} of its account`] : []),
  ];
  return parts.length === 0
    ? 'no column says which rows ended, so every row counts as active'
    : `a row counts as active unless ${parts.join(', or ')}`;
}
