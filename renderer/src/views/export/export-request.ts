// The request an Export dialog's options describe, and the key that ties a rendered file to it: a
// preview or a saved file is only ever taken for the request whose key it carries.
import type { ArgsOf } from '#shared/api/contract';
import type { RenderedExport } from '#shared/api/export-contract';
import type { SqlDialect } from '#shared/compile/sql-dialect';
import { exportFileName, type ExportFormat } from '#shared/export/formats';
import type { RulePackInput } from '#shared/pack/schema';

export interface ExportOptions {
  format: ExportFormat;
  dialect: SqlDialect;
  table: string;
  bom: boolean;
  validation: boolean;
  /** Scored exports: all accounts, or only those of the view (when the dialog was given some). */
  rows: 'all' | 'view';
}

export type ExportRequestArgs = Omit<ArgsOf<'export.render'>, 'previewChars' | 'jobId'>;

export const isPackFormat = (f: ExportFormat) => f === 'pack-json' || f === 'pack-yaml';
export const isScoredFormat = (f: ExportFormat) => f === 'scored-csv' || f === 'scored-xlsx';

export function requestOf(
  options: ExportOptions,
  pack: RulePackInput,
  asOf: string | undefined,
  viewAccounts: readonly string[] | undefined,
  /** My book: scored exports keep only this CSM's accounts. */
  owner: string | null = null,
): ExportRequestArgs {
  const { format, dialect, table, bom, validation, rows } = options;
  return {
    format,
    pack,
    ...(format === 'sql' ? { dialect, ...(table.trim() ? { table: table.trim() } : {}) } : {}),
    ...(asOf ? { asOf } : {}),
    ...(isPackFormat(format) ? { validation } : {}),
    ...(format.endsWith('csv') ? { bom } : {}),
    ...(viewAccounts && rows === 'view' && isScoredFormat(format) ? { accounts: [...viewAccounts] } : {}),
    ...(owner && isScoredFormat(format) ? { owner } : {}),
  };
}

/** Everything but the pack, whose identity stands for it (the dialog is given one pack document). */
export const keyOf = ({ pack: _pack, ...rest }: ExportRequestArgs) => JSON.stringify(rest);

export const fileNameOf = (request: ExportRequestArgs) =>
  exportFileName(request.pack.name, request.format, request.dialect);

/** Throws unless `rendered` is the file `request` asked for (format and dialect echoed by the backend). */
export function checkRendered(rendered: Pick<RenderedExport, 'format' | 'dialect'>, request: ExportRequestArgs): void {
  const dialect = request.format === 'sql' ? (request.dialect ?? 'duckdb') : null;
  if (rendered.format !== request.format || rendered.dialect !== dialect)
    throw new Error(`The backend produced ${rendered.format} instead of ${request.format}; nothing was saved.`);
}
