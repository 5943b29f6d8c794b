// The export formats, named once for the API, the CLI and the Export dialog.
import { dialects, type SqlDialect } from '../compile/sql-dialect';

export const exportFormats = [
  'pack-json',
  'pack-yaml',
  'sql',
  'jsonlogic',
  'js',
  'signals-csv',
  'features-csv',
  'features-parquet',
  'scored-csv',
  'scored-xlsx',
] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportFormatInfo {
  label: string;
  description: string;
  extension: string;
  mime: string;
  /** Measured on the open workspace (the others describe the model alone). */
  needsWorkspace: boolean;
  binary: boolean;
}

export const exportFormatInfo: Record<ExportFormat, ExportFormatInfo> = {
  'pack-json': {
    label: 'Rule pack (JSON)',
    description:
      'The whole model with its meta block and a validation block: stage counts and golden cases any other implementation can check itself against.',
    extension: '.ladder-pack.json',
    mime: 'application/json',
    needsWorkspace: false,
    binary: false,
  },
  'pack-yaml': {
    label: 'Rule pack (YAML)',
    description: 'The same document as YAML, for people who review packs in pull requests.',
    extension: '.ladder-pack.yaml',
    mime: 'application/yaml',
    needsWorkspace: false,
    binary: false,
  },
  sql: {
    label: 'SQL',
    description: 'One SELECT over the features relation returning the scored-accounts columns; works as a dbt model.',
    extension: '.sql',
    mime: 'application/sql',
    needsWorkspace: false,
    binary: false,
  },
  jsonlogic: {
    label: 'JSON Logic',
    description: 'Rules per signal, gate, filter and stage, for any JSON Logic evaluator.',
    extension: '.jsonlogic.json',
    mime: 'application/json',
    needsWorkspace: false,
    binary: false,
  },
  js: {
    label: 'JavaScript module',
    description: 'A dependency-free ES module: score(account) → { score, stage, signals, filters }.',
    extension: '.mjs',
    mime: 'text/javascript',
    needsWorkspace: false,
    binary: false,
  },
  'signals-csv': {
    label: 'Signals (CSV)',
    description: 'Signals, thresholds and weights per segment, one row per signal, for spreadsheets.',
    extension: '.signals.csv',
    mime: 'text/csv',
    needsWorkspace: false,
    binary: false,
  },
  'features-csv': {
    label: 'Features relation (CSV)',
    description: 'The input of the SQL: one row per account, one column per feature the pack reads, as of the date.',
    extension: '.features.csv',
    mime: 'text/csv',
    needsWorkspace: true,
    binary: false,
  },
  'features-parquet': {
    label: 'Features relation (Parquet)',
    description:
      'The same relation as Parquet (text as UTF-8, numbers as DOUBLE, missing values null), for warehouses that load Parquet.',
    extension: '.features.parquet',
    mime: 'application/vnd.apache.parquet',
    needsWorkspace: true,
    binary: true,
  },
  'scored-csv': {
    label: 'Scored accounts (CSV)',
    description: 'Score, stage, signals and filters per account; formula-like text neutralised.',
    extension: '.scored.csv',
    mime: 'text/csv',
    needsWorkspace: true,
    binary: false,
  },
  'scored-xlsx': {
    label: 'Scored accounts (Excel)',
    description: 'The same table as an Excel workbook; formula-like text neutralised.',
    extension: '.scored.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    needsWorkspace: true,
    binary: true,
  },
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'rule-pack';

/** The file an export is saved as: the pack's name, then what the file is (`.duckdb.sql`, `.scored.csv`). */
export function exportFileName(packName: string, format: ExportFormat, dialect: SqlDialect = 'duckdb'): string {
  const suffix = format === 'sql' ? `.${dialects[dialect].name}.sql` : exportFormatInfo[format].extension;
  return `${slug(packName)}${suffix}`;
}
