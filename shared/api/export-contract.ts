// The export feature's API methods (spread into the contract). The pack travels as the document
// the user is looking at and is validated by the backend like any file; the result of `render` is
// the file's content (text, or base64 for XLSX), of `save` the file written.
import { z } from 'zod';
import { sqlDialects } from '../compile/sql-dialect';
import { exportFormats } from '../export/formats';
import type { GoldenMismatch } from '../pack/golden';
import type { RulePackInput } from '../pack/schema';
import { method } from './define';
import { isoDate } from './iso-date';
import { userPath } from './user-path';

const packDocument = z.custom<RulePackInput>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'A rule pack (an object) is required.',
);

export const exportRequest = z
  .object({
    format: z.enum(exportFormats),
    pack: packDocument,
    dialect: z.enum(sqlDialects, { error: `Use one of ${sqlDialects.join(', ')}.` }).optional(),
    table: z.string().max(300).optional(),
    asOf: isoDate.optional(),
    /** Pack formats: measure a validation block on the open workspace (default: when one is open). */
    validation: z.boolean().optional(),
    bom: z.boolean().optional(),
    /** Scored formats: only these accounts (the view being looked at), in book order. */
    accounts: z.array(z.string().max(200)).max(2_000_000).optional(),
  })
  .strict();

export interface RenderedExport {
  fileName: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  /** The file, or its first `previewChars` characters when asked for a preview. */
  content: string;
  bytes: number;
  truncated: boolean;
}

export interface ReadPackResult {
  pack: RulePackInput;
  format: 'json' | 'yaml';
  goldenCases: number;
  /** Golden cases the engine now answers differently (empty when the pack verifies itself). */
  goldenMismatches: GoldenMismatch[];
}

export const exportContract = {
  'export.render': method<RenderedExport>()(
    exportRequest.extend({ previewChars: z.number().int().min(100).max(5_000_000).optional() }).strict(),
  ),
  'export.save': method<{ path: string; bytes: number }>()(exportRequest.extend({ path: userPath('write') }).strict()),
  /** Imports a pack file's text (JSON or YAML): validated, golden cases re-run. */
  'export.readPack': method<ReadPackResult>()(
    z.object({ text: z.string().max(1_000_000, 'The pack is too large (the limit is 1,000,000 bytes).') }).strict(),
  ),
} as const;
