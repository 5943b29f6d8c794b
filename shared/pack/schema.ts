// The rule pack: a whole expansion-readiness model as one portable, versioned document. Shapes are
// checked here; references, expressions and cycles by validate.ts. resources/rule-pack.schema.json
// is generated from this file (scripts/write-pack-schema.js) and a test keeps them in step.
import { z } from 'zod';
import {
  approaches,
  filterKinds,
  finite,
  weightSchema,
  id,
  label,
  limits,
  metricRef,
  operators,
  packSchemaVersion,
  packSegments,
  signalCategories,
  text,
  thresholdSchema,
} from './schema-basics';
import { goldenCaseSchema, packMetaSchema, packValidationSchema } from './provenance-schema';

// The vocabulary and the provenance parts live in their own files; callers import them from here.
export {
  approaches,
  filterKinds,
  limits,
  operators,
  packSchemaVersion,
  packSegments,
  signalCategories,
  thresholdSchema,
};
export { goldenCaseSchema, packMetaSchema, packValidationSchema };
export { featureKeyPattern } from './provenance-schema';

export const metricSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    expr: z.string().min(1).max(4000),
    unit: z.enum(['ratio', 'percent', 'count', 'money', 'days', 'score']).optional(),
  })
  .strict();

const segmentOverride = z.object({ threshold: thresholdSchema.optional(), weight: weightSchema.optional() }).strict();

export const signalSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    category: z.enum(signalCategories),
    metric: metricRef,
    operator: z.enum(operators),
    threshold: thresholdSchema,
    weight: weightSchema,
    urgency: z.enum(['low', 'medium', 'high']),
    approach: z.enum(approaches),
    sustainedPeriods: z.number().int().min(2).max(104).optional(),
    enabled: z.boolean().default(true),
    segmentOverrides: z
      .object({ SMB: segmentOverride, 'Mid-Market': segmentOverride, Enterprise: segmentOverride })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export const clauseSchema = z
  .object({ metric: metricRef, operator: z.enum(operators), value: thresholdSchema })
  .strict();

export const stageSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    minScore: finite.default(0),
    minSignals: z.number().int().min(0).max(limits.signals).default(0),
    /** Reached only through a gate (e.g. "Health first"), never by score. */
    gateOnly: z.boolean().default(false),
  })
  .strict();

export const gateSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    enabled: z.boolean().default(true),
    /** The gate passes when this holds. */
    condition: clauseSchema,
    whenMissing: z.enum(['pass', 'fail']).default('pass'),
    onFail: z.discriminatedUnion('action', [
      z.object({ action: z.literal('assign'), stage: id }).strict(),
      z.object({ action: z.literal('cap'), stage: id }).strict(),
    ]),
  })
  .strict();

export const filterSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    kind: z.enum(filterKinds),
    enabled: z.boolean().default(true),
    action: z.enum(['demote', 'exclude']),
    /** Only accounts at or above this stage are checked (e.g. only candidates for Ready). */
    appliesFrom: id,
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(clauseSchema).min(1).max(limits.conditions),
  })
  .strict();

export const playSchema = z
  .object({
    approach: z.enum(approaches),
    label,
    ownerRole: z.enum(['CSM', 'AM', 'AE', 'BDR', 'Executive sponsor']),
    outline: z.array(z.string().min(1).max(500)).min(1).max(12),
    /** The first sentence to say or write to the account (alerts show it). */
    opening: z.string().min(1).max(500).optional(),
    /** Questions that find out how big the opportunity is and who decides. */
    questions: z.array(z.string().min(1).max(500)).max(12).optional(),
  })
  .strict();

const potentialExpr = z.string().trim().min(1, 'An expression is required.').max(4000);
const potentialOverride = z.object({ seats: potentialExpr.optional(), arr: potentialExpr.optional() }).strict();

/**
 * Whitespace (TAUM): what each account could realistically pay. `seats` and `arr` are expressions
 * over the account's metrics (no window functions: use a derived metric); `arr` may use
 * `potential_seats`. Whitespace = max(0, potential ARR − ARR). Packs without this section use
 * defaultPotential (shared/pack/potential.ts).
 */
export const potentialSchema = z
  .object({
    description: text.optional(),
    /** Seats the account could realistically use. */
    seats: potentialExpr,
    /** What the account could pay per year at that many seats. */
    arr: potentialExpr,
    segmentOverrides: z
      .object({ SMB: potentialOverride, 'Mid-Market': potentialOverride, Enterprise: potentialOverride })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

// Strict objects, not records: an unknown key (a typo, or "__proto__") is an error, not dropped.
const categoryNumbers = z
  .object(
    Object.fromEntries(signalCategories.map((c) => [c, finite])) as Record<
      (typeof signalCategories)[number],
      typeof finite
    >,
  )
  .partial()
  .strict();

export const rulePackSchema = z
  .object({
    schemaVersion: z.literal(packSchemaVersion),
    name: label,
    description: text.optional(),
    metrics: z.array(metricSchema).max(limits.metrics).default([]),
    signals: z.array(signalSchema).min(1, 'A pack needs at least one signal.').max(limits.signals),
    scoring: z
      .object({
        /** Shares per category summing to 1: the score becomes 0–100, each category weighted by its share. */
        categoryWeights: categoryNumbers.optional(),
        /** Upper bound on each category's subtotal. */
        categoryCaps: categoryNumbers.optional(),
      })
      .strict()
      .default({}),
    ladder: z
      .object({
        /** Lowest first. The lowest stage not marked gateOnly takes every account no higher stage takes. */
        stages: z.array(stageSchema).min(2).max(limits.stages),
        gates: z.array(gateSchema).max(limits.gates).default([]),
      })
      .strict(),
    filters: z.array(filterSchema).max(limits.filters).default([]),
    plays: z.array(playSchema).max(limits.plays).default([]),
    potential: potentialSchema.optional(),
    ranking: z.enum(['score', 'signal_density']).default('score'),
    meta: packMetaSchema.optional(),
    validation: packValidationSchema.optional(),
  })
  .strict();

export type RulePack = z.output<typeof rulePackSchema>;
export type RulePackInput = z.input<typeof rulePackSchema>;
export type Signal = RulePack['signals'][number];
export type DerivedMetric = RulePack['metrics'][number];
export type Stage = RulePack['ladder']['stages'][number];
export type Gate = RulePack['ladder']['gates'][number];
export type Filter = RulePack['filters'][number];
export type Clause = z.output<typeof clauseSchema>;
export type Threshold = z.output<typeof thresholdSchema>;
export type Operator = (typeof operators)[number];
export type SignalCategory = (typeof signalCategories)[number];
export type PackSegment = (typeof packSegments)[number];
export type PackMeta = z.output<typeof packMetaSchema>;
export type PackValidation = z.output<typeof packValidationSchema>;
export type GoldenCase = z.output<typeof goldenCaseSchema>;
export type Potential = z.output<typeof potentialSchema>;
