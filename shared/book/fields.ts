// What a book-of-business heatmap can be cut by: the account's categorical fields (owner, account
// manager, segment, region, industry, tier, value-journey stage, any custom text field) or the
// model's stage; and what it can measure.
import { journeyStages, segments, tiers } from '../domain/workspace';

export interface BookField {
  id: string;
  label: string;
  /** Values in their natural order (these axes keep it instead of being sorted by total). */
  order?: readonly string[];
}

export const stageField = 'stage';
export const customFieldPrefix = 'custom.';

export const accountFields: readonly BookField[] = [
  { id: 'owner_csm', label: 'CSM (owner)' },
  { id: 'owner_am', label: 'Account manager' },
  { id: 'segment', label: 'Segment', order: segments },
  { id: 'region', label: 'Region' },
  { id: 'industry', label: 'Industry' },
  { id: 'tier', label: 'Plan tier', order: tiers },
  { id: 'journey_stage', label: 'Value-journey stage', order: journeyStages },
];

/** A custom text field of the accounts, by its name in the import (`custom.<name>`). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the name may not hold
export const customFieldPattern = /^custom\.[^\u0000-\u001f]{1,64}$/;

export function isBookField(id: string): boolean {
  return id === stageField || accountFields.some((f) => f.id === id) || customFieldPattern.test(id);
}

export function bookField(id: string): BookField {
  if (id === stageField) return { id, label: 'Model stage' };
  const known = accountFields.find((f) => f.id === id);
  if (known) return known;
  return { id, label: id.slice(customFieldPrefix.length) };
}

export const bookMeasures = ['accounts', 'arr', 'ready_arr', 'whitespace', 'won_arr', 'conversion'] as const;
export type BookMeasure = (typeof bookMeasures)[number];

export interface MeasureInfo {
  label: string;
  unit: 'accounts' | 'money' | 'share';
  description: string;
}

export const measureInfo: Record<BookMeasure, MeasureInfo> = {
  accounts: { label: 'Accounts', unit: 'accounts', description: 'How many accounts.' },
  arr: { label: 'ARR', unit: 'money', description: 'Annual recurring revenue today.' },
  ready_arr: {
    label: 'Ready ARR',
    unit: 'money',
    description: "ARR of the accounts at the model's top stage.",
  },
  whitespace: {
    label: 'Whitespace',
    unit: 'money',
    description: 'max(0, potential ARR − ARR), summed; accounts without the inputs count for nothing.',
  },
  won_arr: {
    label: 'Won expansion ARR',
    unit: 'money',
    description: 'Amount of won expansion opportunities that closed in the last N days.',
  },
  conversion: {
    label: 'Conversion rate',
    unit: 'share',
    description: 'Share of the accounts that won an expansion closing in the last N days.',
  },
};

/** Days of outcome history the won ARR and conversion measures look back over, by default. */
export const defaultOutcomeDays = 90;
/** Rows and columns shown before the rest are summed as "Other", by default. */
export const defaultTopN = 15;
export const blankLabel = '(blank)';
