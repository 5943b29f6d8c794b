// The canonical fields each kind of import can fill, with the header words that suggest them.
// Everything else in a file is kept as a typed custom field (`custom` JSON) usable in rules.
import type { ImportKind } from '../domain/workspace';
import { accountRef, type FieldInfo } from './field-info';
import { eventFields, outcomeFields, periodFields, ticketFields, userFields } from './activity-fields';

export { valueTypes, type ValueType, type FieldInfo } from './field-info';
export { eventFields, outcomeFields, periodFields, ticketFields, userFields } from './activity-fields';

export const accountFields: readonly FieldInfo[] = [
  { ...accountRef, required: true, key: true, aliases: [...accountRef.aliases, 'id'] },
  {
    id: 'name',
    label: 'Account name',
    type: 'text',
    aliases: ['name', 'account name', 'company name', 'company', 'customer name', 'organization name', 'agent name'],
  },
  {
    id: 'domain',
    label: 'Domain',
    type: 'text',
    aliases: ['domain', 'website', 'company domain name', 'website url', 'url'],
  },
  {
    id: 'segment',
    label: 'Segment',
    type: 'text',
    aliases: ['segment', 'customer segment', 'market segment'],
    choices: ['SMB', 'Mid-Market', 'Enterprise'],
  },
  { id: 'industry', label: 'Industry', type: 'text', aliases: ['industry', 'vertical', 'sector'] },
  {
    id: 'region',
    label: 'Region',
    type: 'text',
    aliases: [
      'region',
      'country',
      'billing country',
      'billing state',
      'billing state province',
      'geo',
      'territory',
      'country region',
    ],
  },
  {
    id: 'employees',
    label: 'Employees',
    type: 'integer',
    aliases: ['employees', 'number of employees', 'numberofemployees', 'employee count', 'headcount', 'company size'],
  },
  {
    id: 'owner_csm',
    label: 'CSM (owner)',
    type: 'text',
    aliases: ['csm', 'customer success manager', 'cs owner', 'csm name', 'success manager'],
  },
  {
    id: 'owner_am',
    label: 'Account manager',
    type: 'text',
    aliases: [
      'account manager',
      'am',
      'account owner',
      'owner',
      'ownerid',
      'owner id',
      'company owner',
      'account executive',
    ],
  },
  {
    id: 'tier',
    label: 'Plan / tier',
    type: 'text',
    aliases: ['tier', 'plan', 'plan tier', 'plan level', 'subscription plan', 'product tier', 'edition'],
  },
  {
    id: 'arr',
    label: 'ARR',
    type: 'number',
    aliases: ['arr', 'annual recurring revenue', 'arr amount', 'contract value', 'acv'],
  },
  {
    id: 'seats_licensed',
    label: 'Seats licensed',
    type: 'integer',
    aliases: [
      'seats',
      'seats licensed',
      'licensed seats',
      'licenses',
      'license count',
      'seat count',
      'quantity',
      'plan quantity',
    ],
  },
  {
    id: 'contract_start',
    label: 'Contract start',
    type: 'date',
    aliases: [
      'contract start',
      'contract start date',
      'start date',
      'customer since',
      'signup date',
      'became customer',
      'original contract date',
    ],
  },
  {
    id: 'renewal_date',
    label: 'Renewal date',
    type: 'date',
    aliases: ['renewal date', 'renewal', 'contract end', 'contract end date', 'next renewal'],
  },
  {
    id: 'health_score',
    label: 'Health score',
    type: 'number',
    aliases: ['health score', 'health', 'customer health', 'health score c', 'overall score'],
  },
  { id: 'nps', label: 'NPS', type: 'number', aliases: ['nps', 'net promoter score', 'nps score'] },
  {
    id: 'journey_stage',
    label: 'Value-journey stage',
    type: 'text',
    aliases: ['journey stage', 'value journey stage', 'lifecycle stage', 'customer journey'],
    choices: ['baseline', 'live', 'first_results', 'tangible_roi', 'expansion_ready'],
  },
  {
    id: 'economic_buyer_known',
    label: 'Economic buyer known',
    type: 'boolean',
    aliases: ['economic buyer known', 'buyer known', 'economic buyer', 'exec sponsor known'],
  },
];

export const fieldsByKind: Record<ImportKind, readonly FieldInfo[]> = {
  accounts: accountFields,
  periods: periodFields,
  users: userFields,
  events: eventFields,
  outcomes: outcomeFields,
  tickets: ticketFields,
};

export function fieldOf(kind: ImportKind, id: string): FieldInfo | undefined {
  return fieldsByKind[kind].find((f) => f.id === id);
}

/** Header text → comparable words: `NumberOfEmployees` and `number_of_employees` → `number of employees`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/__c$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
