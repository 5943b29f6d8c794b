// What the user (or a saved mapping file, or a preset) says about a file's columns, and the plan
// that results: for every source column, its canonical field or custom field, type and date order.
import { z } from 'zod';
import { importKinds, type ImportKind } from '../domain/workspace';
import { valueTypes, type ValueType } from './fields';
import { outcomeStates, outcomeWordLists, type OutcomeState, type OutcomeWordLists } from './outcome-words';
import type { OutcomeSource } from './outcome-state';
import type { GrainFinding } from './key-check';
import type { DateOrder } from './values';

export const onErrorChoices = ['abort', 'skip', 'text'] as const;
export type OnError = (typeof onErrorChoices)[number];

const dateOrder = z.enum(['DMY', 'MDY'], { error: 'Use DMY or MDY.' });

export const columnChoice = z
  .object({
    source: z.string().max(1000),
    /** A canonical field id, `custom` (keep as a typed custom field) or `skip` (leave out). */
    field: z.string().max(100),
    type: z.enum(valueTypes).optional(),
    dateOrder: dateOrder.optional(),
  })
  .strict();
export type ColumnChoice = z.infer<typeof columnChoice>;

export const phraseLists = z
  .object({
    reactive: z.array(z.string().min(1).max(200)).max(500),
    exploratory: z.array(z.string().min(1).max(200)).max(500),
  })
  .strict();
export type PhraseLists = z.infer<typeof phraseLists>;

export const mappingSpec = z
  .object({
    kind: z.enum(importKinds, { error: `Use one of ${importKinds.join(', ')}.` }).optional(),
    preset: z.string().max(50).optional(),
    /** Day/month order for every `A/B/Y` date column that does not say otherwise. */
    dateOrder: dateOrder.optional(),
    /** XLSX: the worksheet to read (name); the first one otherwise. */
    sheet: z.string().max(200).optional(),
    columns: z.array(columnChoice).max(20_000).optional(),
    constants: z
      .array(
        z
          .object({ field: z.string().max(100), value: z.union([z.string().max(1000), z.number(), z.boolean()]) })
          .strict(),
      )
      .max(100)
      .optional(),
    onError: z.enum(onErrorChoices, { error: `Use one of ${onErrorChoices.join(', ')}.` }).optional(),
    ticketPhrases: phraseLists.optional(),
    /** Outcomes: a type's expansion as the user decided it (`false`: not an expansion; `null`: unknown). */
    outcomeTypes: z
      .record(z.string().max(500), z.boolean().nullable())
      .refine((o) => Object.keys(o).length <= 5000, 'at most 5,000 types')
      .optional(),
    /** Outcomes: a stage's state as the user decided it. */
    outcomeStages: z
      .record(z.string().max(500), z.enum(outcomeStates))
      .refine((o) => Object.keys(o).length <= 5000, 'at most 5,000 stages')
      .optional(),
    /** Outcomes: the expansion and not-expansion word lists (defaults: outcome-words.ts). */
    outcomeWords: outcomeWordLists.optional(),
    /** Outcomes: what the rows are, when the headers do not say (subscriptions: see outcome-rows.ts). */
    outcomeSource: z.enum(['opportunities', 'subscriptions']).optional(),
    /** Accounts: many rows per account (subscriptions, order lines) become one row per account. */
    rollUp: z.boolean().optional(),
  })
  .strict();
export type MappingSpec = z.infer<typeof mappingSpec>;

/**
 * A mapping file may write `columns` and `constants` as objects (`{"ARR (USD)": "arr"}`), which
 * reads better by hand; they become the array form here. Entries are read with Object.entries on
 * the parsed JSON, so a `__proto__` header is just a name.
 */
export function normalizeMappingFile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) out[key] = value;
  const columns = out.columns;
  if (columns && typeof columns === 'object' && !Array.isArray(columns)) {
    out.columns = Object.entries(columns).map(([source, choice]) =>
      typeof choice === 'string'
        ? { source, field: choice }
        : choice === null
          ? { source, field: 'skip' }
          : { source, ...(choice as object) },
    );
  }
  const constants = out.constants;
  if (constants && typeof constants === 'object' && !Array.isArray(constants)) {
    out.constants = Object.entries(constants).map(([field, value]) => ({ field, value }));
  }
  return { ...out };
}

export interface ColumnPlan {
  index: number;
  /** The header as read (made unique: a repeated header gets " (2)"). */
  source: string;
  /** Canonical field id, or null for a custom field. */
  field: string | null;
  skip: boolean;
  type: ValueType;
  /** For `A/B/Y` dates: the order in force (null when not needed or not yet chosen). */
  dateOrder: DateOrder | null;
  /** Every date reads both ways and nobody chose: the import cannot go on until someone does. */
  needsDateOrder: boolean;
  /** A numeric column mapped to a date: how the numbers count time. */
  numericDates: 'excel' | 'epoch-seconds' | 'epoch-millis' | null;
  /**
   * A numeric column where some values carry a % sign and others do not: the scale the plain
   * values use, to which the others are brought ("70%" is 70 in a 0–100 column). Null otherwise.
   */
  percentScale: 'fraction' | 'hundred' | null;
  /** 0–1: how sure the suggestion is (1 for a preset or the user's own choice). */
  confidence: number;
  /** Where the choice came from, for the mapping screen ("header matches", "Salesforce preset"). */
  reason: string;
  /** Why, in a sentence or two: the header evidence, what the values show, candidates passed over. */
  detail: string;
}

/** How an outcomes import reads won and is_expansion (outcome-state.ts, outcome-words.ts). */
export interface OutcomeRules {
  source: OutcomeSource;
  /** Why the rows are read as opportunities or subscriptions, in words. */
  sourceReason: string;
  words: OutcomeWordLists;
  types: Record<string, boolean | null>;
  stages: Record<string, OutcomeState>;
}

export interface ImportPlan {
  kind: ImportKind;
  columns: ColumnPlan[];
  constants: { field: string; value: string | number | boolean }[];
  onError: OnError;
  presetId: string | null;
  /** Problems that stop the import until the mapping changes (missing required field, …). */
  blockers: string[];
  /** What the mapping noticed that the user should know (mixed scales, repeated keys, grain). */
  notes: string[];
  /** Accounts only: the file has many rows per account (see key-check.ts). */
  grain: GrainFinding | null;
  /** Accounts only: rows are rolled up into one per account. */
  rollUp: boolean;
  /** Outcomes only: how won and is_expansion are read. */
  outcomes: OutcomeRules | null;
}

export type { ValueType };

/** A plan as a reusable mapping file (`ladder import --mapping M.json`, "Save mapping" in the app). */
export function planToMapping(plan: ImportPlan, extra: Pick<MappingSpec, 'sheet' | 'ticketPhrases'> = {}): MappingSpec {
  return {
    kind: plan.kind,
    ...(plan.presetId ? { preset: plan.presetId } : {}),
    ...extra,
    columns: plan.columns.map((c) => ({
      source: c.source,
      field: c.skip ? 'skip' : (c.field ?? 'custom'),
      type: c.type,
      ...(c.dateOrder ? { dateOrder: c.dateOrder } : {}),
    })),
    ...(plan.constants.length > 0 ? { constants: plan.constants } : {}),
    onError: plan.onError,
    ...(plan.rollUp ? { rollUp: true } : {}),
    ...(plan.outcomes
      ? {
          outcomeSource: plan.outcomes.source,
          outcomeWords: plan.outcomes.words,
          ...(Object.keys(plan.outcomes.types).length > 0 ? { outcomeTypes: plan.outcomes.types } : {}),
          ...(Object.keys(plan.outcomes.stages).length > 0 ? { outcomeStages: plan.outcomes.stages } : {}),
        }
      : {}),
  };
}
