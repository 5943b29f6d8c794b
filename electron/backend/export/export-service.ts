// Every export, produced the same way for the API and the CLI: a validated pack in, a named file
// out (text, or bytes for XLSX). Formats that describe the model alone need no workspace; the
// pack's validation block, the features relation and scored accounts are measured on one.
import { LadderError } from '#shared/api/result';
import { compileJsModule } from '#shared/compile/js-module';
import { compileJsonLogic } from '#shared/compile/jsonlogic';
import { compileSignalsCsv } from '#shared/compile/signals-csv';
import { compileSql } from '#shared/compile/sql';
import { dialects, type SqlDialect } from '#shared/compile/sql-dialect';
import { exportFormatInfo, type ExportFormat } from '#shared/export/formats';
import { utf8Bom } from '#shared/export/spreadsheet-safe';
import { writePack } from '#shared/pack/document';
import { checkPack, describePackIssues, type ValidPack } from '#shared/pack/validate';
import { scoreWorkspace, type ScoredWorkspace } from '../scoring/score-workspace';
import { refuseWorkspaceTarget, writeFileAtomic } from '../atomic-write';
import type { Workspace } from '../store/open-workspace';
import { featuresCsvLines } from './features-csv';
import { featuresRelation } from './features-relation';
import { featuresParquet } from './features-parquet';
import { packDocument, validationBlock } from './pack-document';
import { scoredCsvLines, scoredTable, scoredXlsx } from './scored-export';
import { messageOf } from '#shared/error-message';

export interface ExportRequest {
  format: ExportFormat;
  dialect?: SqlDialect;
  table?: string;
  asOf?: string;
  /** Pack formats: measure a validation block on the workspace (default: when one is open). */
  validation?: boolean;
  /** CSV formats: start with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
  /** Scored formats: only these accounts (the current view), in book order. */
  accounts?: readonly string[];
}

export type ExportOutput = { fileName: string; mime: string } & (
  { kind: 'text'; lines: () => Iterable<string> } | { kind: 'bytes'; bytes: () => Promise<Buffer> }
);

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'rule-pack';

function needWorkspace(ws: Workspace | null, what: string): Workspace {
  if (!ws) throw new LadderError('no_workspace', `${what} needs a workspace: open one (or pass --workspace) first.`);
  return ws;
}

/** The pack in canonical form: validated again, so key order and defaults are exactly what an import gives. */
function canonical(pack: unknown): ValidPack {
  const checked = checkPack(pack);
  if (!checked.ok) throw new LadderError('internal', describePackIssues(checked.issues, 'The exported pack'));
  return checked.value;
}

export function produceExport(ws: Workspace | null, valid: ValidPack, request: ExportRequest): ExportOutput {
  const info = exportFormatInfo[request.format];
  const base = slug(valid.pack.name);
  const named = (suffix: string) => ({ fileName: `${base}${suffix}`, mime: info.mime });
  const text = (suffix: string, body: () => string) => ({
    ...named(suffix),
    kind: 'text' as const,
    lines: () => [body()],
  });
  let scored: ScoredWorkspace | undefined;
  const score = () => (scored ??= scoreWorkspace(needWorkspace(ws, info.label), valid, request.asOf));
  switch (request.format) {
    case 'pack-json':
    case 'pack-yaml': {
      const measure = request.validation ?? ws !== null;
      const document = canonical(
        packDocument(valid, measure ? validationBlock(needWorkspace(ws, 'A validation block'), valid, score()) : null),
      ).pack;
      return text(info.extension, () => writePack(document, request.format === 'pack-json' ? 'json' : 'yaml'));
    }
    case 'sql': {
      const dialect = request.dialect ?? 'duckdb';
      let sql: string;
      try {
        sql = compileSql(valid, { dialect, ...(request.table ? { table: request.table } : {}) });
      } catch (error) {
        throw new LadderError('bad_request', messageOf(error));
      }
      return text(`.${dialects[dialect].name}.sql`, () => sql);
    }
    case 'jsonlogic':
      return text(info.extension, () => `${JSON.stringify(compileJsonLogic(valid), null, 2)}\n`);
    case 'js':
      return text(info.extension, () => compileJsModule(valid));
    case 'signals-csv':
      return text(info.extension, () => (request.bom ? utf8Bom : '') + compileSignalsCsv(valid));
    case 'features-csv': {
      const relation = featuresRelation(score().engine.features, valid);
      return { ...named(info.extension), kind: 'text', lines: () => featuresCsvLines(relation) };
    }
    case 'features-parquet': {
      const relation = featuresRelation(score().engine.features, valid);
      return { ...named(info.extension), kind: 'bytes', bytes: async () => featuresParquet(relation) };
    }
    case 'scored-csv': {
      const table = scoredTable(score().engine, score().build.names, request.accounts && new Set(request.accounts));
      return {
        ...named(info.extension),
        kind: 'text',
        lines: () => scoredCsvLines(table, { bom: request.bom ?? false }),
      };
    }
    case 'scored-xlsx': {
      const table = scoredTable(score().engine, score().build.names, request.accounts && new Set(request.accounts));
      return { ...named(info.extension), kind: 'bytes', bytes: () => scoredXlsx(table, valid.pack.name) };
    }
  }
}

/** The whole output in memory (for previews and downloads; files are streamed by writeExport). */
export async function renderExport(output: ExportOutput): Promise<Buffer> {
  if (output.kind === 'bytes') return output.bytes();
  return Buffer.from(Array.from(output.lines()).join(''), 'utf8');
}

/**
 * Writes the export to `path` atomically (temp file, fsync, rename: the old file survives any
 * failure); the open workspace is never a target.
 */
export async function writeExport(output: ExportOutput, path: string, workspace?: Workspace | null): Promise<number> {
  refuseWorkspaceTarget(path, workspace?.path);
  return writeFileAtomic(path, output.kind === 'bytes' ? await output.bytes() : output.lines());
}
