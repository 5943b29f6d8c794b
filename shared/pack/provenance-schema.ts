// The parts of a rule pack the engine never reads: who made this version and why (meta), and what
// the pack gave on the data it was exported from (validation and its golden cases), so any other
// implementation can check itself. Part of resources/rule-pack.schema.json through schema.ts.
import { z } from 'zod';
import { finite, id, limits, text } from './schema-basics';

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
