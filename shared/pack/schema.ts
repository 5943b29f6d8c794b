// The rule pack: a whole expansion-readiness model as one portable, versioned document. Shapes are
// checked here; references, expressions and cycles by validate.ts. resources/rule-pack.schema.json
// is generated from this file (scripts/write-pack-schema.js) and a test keeps them in step.
import { z } from 'zod';

export const packSchemaVersion = 1;

export const signalCategories = [
  'usage',
  'growth',
  'engagement',
  'timing',
  'sentiment',
  'people',
  'website',
  'risk',
] as const;
export const approaches = [
  'seat_expansion',
  'tier_upgrade',
  'cross_sell',
  'growth_conversation',
  'champion_expansion',
  'renewal_upsell',
  'executive_sponsor',
] as const;
export const operators = ['>', '>=', '<', '<=', '==', '!=', 'between', 'in'] as const;
export const packSegments = ['SMB', 'Mid-Market', 'Enterprise'] as const;
export const filterKinds = [
  'single_champion',
  'project_spike',
  'admin_only',
  'no_buying_path',
  'unhappy_customer',
  'custom',
] as const;

export const limits = {
  signals: 32,
  metrics: 64,
  stages: 8,
  gates: 4,
  filters: 8,
  conditions: 8,
  plays: 16,
  packBytes: 1_000_000,
} as const;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use 1–64 lower-case letters, digits or underscores, starting with a letter.');
const metricRef = z.string().min(1).max(80);
const label = z.string().trim().min(1, 'A label is required.').max(120);
const text = z.string().max(2000);
const finite = z.number().refine(Number.isFinite, 'Must be a finite number.');
/**
 * Weights add up into a score, and under category shares a subtotal is divided by the category's largest
 * one: bounded sizes (none below a millionth, none above a million) keep every score finite, in every engine.
 */
const weightRule = 'A weight is 0 or between 0.000001 and 1,000,000 in size (either sign).';
const weight = z
  .number()
  .min(-1e6, weightRule)
  .max(1e6, weightRule)
  .refine((w) => w === 0 || Math.abs(w) >= 1e-6, weightRule)
  .describe(weightRule);

/** A comparison value: a number; [low, high] for `between`; a list for `in`; text for categories. */
export const thresholdSchema = z.union([
  finite,
  z.string().max(200),
  z.tuple([finite, finite]),
  z
    .array(z.union([finite, z.string().max(200)]))
    .min(1)
    .max(64),
]);

export const metricSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    expr: z.string().min(1).max(4000),
    unit: z.enum(['ratio', 'percent', 'count', 'money', 'days', 'score']).optional(),
  })
  .strict();

const segmentOverride = z.object({ threshold: thresholdSchema.optional(), weight: weight.optional() }).strict();

export const signalSchema = z
  .object({
    id,
    label,
    description: text.optional(),
    category: z.enum(signalCategories),
    metric: metricRef,
    operator: z.enum(operators),
    threshold: thresholdSchema,
    weight,
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

/** Who made this version of the pack and why: carried along, never read by the engine. */
export const packMetaSchema = z
  .object({
    version: z.string().trim().min(1).max(40).optional(),
    author: z.string().max(200).optional(),
    notes: text.optional(),
    /** When this version was made (ISO 8601). */
    created: z.string().max(40).optional(),
    changelog: z
      .array(
        z
          .object({ version: z.string().trim().min(1).max(40), date: z.string().max(40).optional(), notes: text })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();

/** A feature column of the features relation: a metric id, `metric__minN`/`__maxN`, or a custom field. */
export const featureKeyPattern =
  /^(?:[a-z][a-z0-9_]{0,71}|(?:account\.|period\.)?custom\.[A-Za-z_][A-Za-z0-9_]{0,71})$/;
const featureValue = z.union([finite, z.string().max(200), z.null()]);

export const goldenCaseSchema = z
  .object({
    /** The account id, or a made-up id for a case built at a threshold's edge. */
    id: z.string().min(1).max(120),
    /** Why the case was picked (e.g. "stage ready", "filter single_champion", "edge seat_limit"). */
    why: z.array(z.string().max(200)).max(16),
    segment: z.string().max(200).nullable(),
    inputs: z.record(z.string().regex(featureKeyPattern, 'Not a feature column name.'), featureValue),
    expected: z
      .object({
        score: finite,
        stage: id,
        signals: z.array(id).max(limits.signals),
        filters: z.array(id).max(limits.filters),
        /** max(0, potential ARR − ARR); null when unknown. Absent in packs exported before whitespace. */
        whitespace: finite.nullable().optional(),
      })
      .strict(),
  })
  .strict();

/** What the pack gave on the data it was exported from, so any other implementation can check itself. */
export const packValidationSchema = z
  .object({
    dataset: z
      .object({
        workspace: z.string().max(300),
        accounts: z.number().int().min(0),
        periods: z.number().int().min(0),
        users: z.number().int().min(0),
        asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use an ISO date (YYYY-MM-DD).'),
        /** SHA-256 of the features relation as CSV (`ladder export features`). */
        featuresSha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      })
      .strict(),
    arr: finite,
    stages: z.array(z.object({ id, accounts: z.number().int().min(0), arr: finite }).strict()).max(limits.stages),
    cases: z.array(goldenCaseSchema).max(500),
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
