// How well a header names a field, from its words alone. Exact aliases are surest; a header that
// contains an alias is a weaker hint, and none at all when its other words name something else:
// "Contact Name" is not the account's name, "Account Health Score" is not the account id, "Last
// Renewal Date" is not the next renewal. For a kind's key, id-like names ("External ID", "GSID",
// "Record ID", "*_id") outrank headers that merely contain "account".
import type { ImportKind } from '../domain/workspace';
import { normalizeHeader, type FieldInfo } from './fields';

export type MatchBasis = 'exact' | 'id name' | 'partial';

export interface HeaderMatch {
  score: number;
  basis: MatchBasis;
  /** The alias the header matched (or contains). */
  alias: string;
}

/** Words naming the things a file's rows can be about. */
const entityWords = new Set([
  'account',
  'company',
  'customer',
  'organization',
  'organisation',
  'org',
  'client',
  'tenant',
  'contact',
  'user',
  'person',
  'member',
  'lead',
  'visitor',
  'parent',
  'child',
  'product',
  'item',
  'line',
  'order',
  'invoice',
  'ticket',
  'case',
  'event',
  'session',
  'feature',
  'page',
  'opportunity',
  'opp',
  'deal',
  'subscription',
  'campaign',
  'partner',
  'competitor',
  'vendor',
  'plan',
  'price',
  'payment',
  'charge',
]);

/** What a kind's rows are about: these words may qualify its fields' headers. */
const subjects: Record<ImportKind, readonly string[]> = {
  accounts: ['account', 'company', 'customer', 'organization', 'organisation', 'org', 'client', 'tenant'],
  periods: ['account', 'company', 'customer', 'organization', 'org'],
  users: ['user', 'contact', 'person', 'member', 'lead', 'visitor', 'account', 'company', 'customer', 'organization'],
  events: ['event', 'session', 'user', 'visitor', 'feature', 'page', 'account', 'company', 'customer', 'org'],
  outcomes: ['opportunity', 'opp', 'deal', 'subscription', 'account', 'company', 'customer', 'organization', 'plan'],
  tickets: ['ticket', 'case', 'account', 'company', 'customer', 'organization', 'org'],
};

/** People and roles: "Owner Name" is not the account's name. */
const roleWords = new Set([
  'owner',
  'manager',
  'rep',
  'csm',
  'executive',
  'sponsor',
  'champion',
  'admin',
  'buyer',
  'signer',
  'creator',
  'created',
  'modified',
  'assignee',
  'requester',
  'submitter',
]);

/** Measures and attributes: "Account Score" is not an id. */
const measureWords = new Set([
  'score',
  'health',
  'rating',
  'revenue',
  'amount',
  'count',
  'total',
  'days',
  'date',
  'rate',
  'percent',
  'pct',
  'value',
  'size',
  'rank',
  'phone',
  'fax',
  'zip',
  'postal',
  'latitude',
  'longitude',
  'employees',
  'seats',
  'arr',
  'mrr',
  // Attributes, not identities: "Account Type" is not the account id.
  'type',
  'status',
  'stage',
  'source',
  'tier',
  'segment',
  'region',
  'industry',
  'site',
  'description',
  'notes',
]);

/**
 * Qualifiers that change what a header means: "Last Renewal Date" is not the next renewal,
 * "preceding_upgrade_flag" not this outcome's expansion, "Refund Amount" not its amount.
 */
const qualifierWords = new Set([
  'last',
  'previous',
  'prior',
  'preceding',
  'old',
  'former',
  'refund',
  'discount',
  'tax',
  'fee',
]);

const idWords = new Set(['id', 'key', 'uuid', 'guid', 'gsid']);
const identityFields = new Set(['account_id', 'outcome_id', 'ticket_id', 'user_id', 'name', 'domain']);

/** The field that identifies a row of this kind on its own (checked for uniqueness), if any. */
export const keyFieldOf: Partial<Record<ImportKind, string>> = {
  accounts: 'account_id',
  outcomes: 'outcome_id',
  tickets: 'ticket_id',
  users: 'user_id',
};

/**
 * Which of the header's other words rules the field out, or null when none does. For the kind's
 * own key a measure word only weakens the match ("measure"): the key check then says why not.
 */
function foreignWord(kind: ImportKind, field: FieldInfo, extra: readonly string[]): 'measure' | 'other' | null {
  const own = subjects[kind];
  const isOwnKey = keyFieldOf[kind] === field.id;
  const isKey = isOwnKey || field.id.endsWith('_id');
  let found: 'measure' | null = null;
  for (const w of extra) {
    if (entityWords.has(w) && !own.includes(w)) return 'other';
    if (qualifierWords.has(w)) return 'other';
    if (identityFields.has(field.id) && roleWords.has(w)) return 'other';
    if (isKey && measureWords.has(w)) {
      if (!isOwnKey) return 'other';
      found = 'measure';
    }
  }
  return found;
}

const words = (text: string) => text.split(' ').filter((w) => w !== '');

/** An id-like header: its last word is an id word ("External ID", "crm_key"), or it is glued ("externalid"). */
export function idLike(header: string): boolean {
  const w = words(normalizeHeader(header));
  const last = w[w.length - 1] ?? '';
  return idWords.has(last) || (w.length === 1 && /^[a-z]{3,}id$/.test(last));
}

const bareIdWords = new Set(['id', 'uuid', 'guid']);

/** A header that is an id word and nothing else ("id", "ID", "uuid"): the row's own id, whatever the row is. */
export const bareId = (header: string) => bareIdWords.has(normalizeHeader(header));

/** An id header that names what the kind's rows are about: "Customer ID", "AccountId", "company_id". */
export const subjectId = (kind: ImportKind, header: string) =>
  idLike(header) && words(normalizeHeader(header)).some((w) => subjects[kind].includes(w));

export function matchHeader(kind: ImportKind, field: FieldInfo, header: string): HeaderMatch | null {
  const normalized = normalizeHeader(header);
  if (normalized === '') return null;
  if (
    field.aliases.includes(normalized) ||
    normalizeHeader(field.id) === normalized ||
    normalizeHeader(field.label) === normalized
  )
    return { score: 0.9, basis: 'exact', alias: normalized };
  const headerWords = words(normalized);
  if (keyFieldOf[kind] === field.id && idLike(header)) {
    const extra = headerWords.filter((w) => !idWords.has(w) && !/^[a-z]+id$/.test(w));
    const foreign = foreignWord(kind, field, extra);
    if (foreign === null) return { score: 0.8, basis: 'id name', alias: normalized };
  }
  const padded = ` ${normalized} `;
  for (const alias of field.aliases) {
    if (alias.length <= 3 || !padded.includes(` ${alias} `)) continue;
    const aliasWords = new Set(words(alias));
    const extra = headerWords.filter((w) => !aliasWords.has(w));
    const foreign = foreignWord(kind, field, extra);
    if (foreign === null) return { score: 0.6, basis: 'partial', alias };
    if (foreign === 'measure') return { score: 0.5, basis: 'partial', alias };
  }
  return null;
}
