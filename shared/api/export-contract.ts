// The export feature's API methods (spread into the contract). The pack travels as the document
// the user is looking at and is validated by the backend like any file; the result of `render` is
// the file's content (text, or base64 for XLSX), of `save` the file written.
import { z } from 'zod';
import { sqlDialects, type SqlDialect } from '../compile/sql-dialect';
import { exportFormats, type ExportFormat } from '../export/formats';
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
    /** SQL: over the features relation (default) or the whole model over the raw accounts and periods. */
    from: z.enum(['features', 'raw'], { error: 'Use features or raw.' }).optional(),
    /** SQL from raw: the as-of date is a query parameter instead of asOf. */
    asOfParam: z.boolean().optional(),
    /** SQL from raw: names of the raw relations (default accounts, periods). */
    accountsTable: z.string().max(300).optional(),
    periodsTable: z.string().max(300).optional(),
    /** Pack formats: measure a validation block on the open workspace (default: when one is open). */
    validation: z.boolean().optional(),
    bom: z.boolean().optional(),
    /** Scored formats: only these accounts (the view being looked at), in book order. */
    accounts: z.array(z.string().max(200)).max(2_000_000).optional(),
    /** Scored formats: only this CSM's accounts (my book). */
    owner: z.string().min(1).max(200).optional(),
  })
  .strict();

export interface RenderedExport {
  /** What was rendered, echoed so the caller can check the bytes are those of the request it made. */
  format: ExportFormat;
  dialect: SqlDialect | null;
  fileName: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  /** The file, or its first `previewChars` characters when asked for a preview (binary files: empty). */
  content: string;
  /** Size of the whole file; null for a preview that stopped before the end. */
  bytes: number | null;
  truncated: boolean;
  /** Data rows (accounts) of the scored and features exports. */
  rows: number | null;
}

export interface SavedExport {
  format: ExportFormat;
  path: string;
  bytes: number;
  rows: number | null;
}

export interface ExportProgress {
  phase: 'preparing' | 'features' | 'writing' | 'done';
  /** Accounts scored or rows written so far, of `total`. */
  done: number;
  total: number;
}

/** Names a long export so the app can follow it (`export.progress`) and stop it (`export.cancel`). */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a job id.');

export interface ReadPackResult {
  pack: RulePackInput;
  format: 'json' | 'yaml';
  goldenCases: number;
  /** Golden cases the engine now answers differently (empty when the pack verifies itself). */
  goldenMismatches: GoldenMismatch[];
}

export const exportContract = {
  'export.render': method<RenderedExport>()(
    exportRequest
      .extend({ previewChars: z.number().int().min(100).max(5_000_000).optional(), jobId: jobId.optional() })
      .strict(),
  ),
  'export.save': method<SavedExport>()(
    exportRequest.extend({ path: userPath('write'), jobId: jobId.optional() }).strict(),
  ),
  'export.progress': method<ExportProgress & { running: boolean }>()(z.object({ jobId }).strict()),
  /** Stops a running render or save; it then fails with code `cancelled` and writes nothing. */
  'export.cancel': method<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
  /** Imports a pack file's text (JSON or YAML): validated, golden cases re-run. */
  'export.readPack': method<ReadPackResult>()(
    z.object({ text: z.string().max(1_000_000, 'The pack is too large (the limit is 1,000,000 bytes).') }).strict(),
  ),
} as const;
