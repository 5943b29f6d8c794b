// The shape of a canonical import field, and the two reference fields every activity kind shares.
export const valueTypes = ['text', 'number', 'integer', 'percent', 'boolean', 'date', 'datetime'] as const;
export type ValueType = (typeof valueTypes)[number];

export interface FieldInfo {
  id: string;
  label: string;
  type: ValueType;
  /** A row without it is rejected; a mapping without it is refused. */
  required?: boolean;
  /** Part of the row's key (upsert). */
  key?: boolean;
  /** Normalised header words (lowercase, no punctuation) that suggest this field. */
  aliases: readonly string[];
  /** Values are one of a fixed list, matched loosely ("mid market" → "Mid-Market"). */
  choices?: readonly string[];
  help?: string;
}

export const accountRef: FieldInfo = {
  id: 'account_id',
  label: 'Account ID',
  type: 'text',
  aliases: [
    'account id',
    'accountid',
    'account',
    'company id',
    'customer id',
    'account key',
    'group id',
    'org id',
    'organization id',
    'sfdc account id',
    'associated company id',
    'associated company ids',
  ],
  help: "The customer's account id, as in the accounts import.",
};

export const outcomeRef: FieldInfo = {
  id: 'outcome_ref',
  label: 'Subscription / opportunity ID',
  type: 'text',
  aliases: ['subscription id', 'opportunity id'],
  help: 'An outcome already imported (subscription, opportunity); its account is used.',
};
