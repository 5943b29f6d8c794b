// The rule pack's vocabulary: its version, the fixed lists (categories, approaches, operators,
// segments, filter kinds), the size limits, and the field shapes every part of the pack is built
// from. schema.ts assembles the pack from these; provenance-schema.ts uses them too.
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

export const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use 1–64 lower-case letters, digits or underscores, starting with a letter.');
export const metricRef = z.string().min(1).max(80);
export const label = z.string().trim().min(1, 'A label is required.').max(120);
export const text = z.string().max(2000);
export const finite = z.number().refine(Number.isFinite, 'Must be a finite number.');
/**
 * Weights add up into a score, and under category shares a subtotal is divided by the category's largest
 * one: bounded sizes (none below a millionth, none above a million) keep every score finite, in every engine.
 */
const weightRule = 'A weight is 0 or between 0.000001 and 1,000,000 in size (either sign).';
export const weightSchema = z
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
