// Every export, produced the same way for the API and the CLI: a validated pack in, a named file
// out (text, or bytes for XLSX). Formats that describe the model alone need no workspace; the
// pack's validation block, the features relation and scored accounts are measured on one.
import { LadderError } from '#shared/api/result';
import { compileJsModule } from '#shared/compile/js-module';
import { compileJsonLogic } from '#shared/compile/jsonlogic';
import { compileSignalsCsv } from '#shared/compile/signals-csv';
import { compileSql } from '#shared/compile/sql';
import type { SqlDialect } from '#shared/compile/sql-dialect';
import { exportFileName, exportFormatInfo, type ExportFormat } from '#shared/export/formats';
import { utf8Bom } from '#shared/export/spreadsheet-safe';
import { writePack } from '#shared/pack/document';
import { checkPack, describePackIssues, type ValidPack } from '#shared/pack/validate';
import type { Engine } from '#shared/engine/engine';
import { messageOf } from '#shared/error-message';
import type { PackValidation } from '#shared/pack/schema';
import { scoreWorkspace, type ScoredWorkspace } from '../scoring/score-workspace';
import { ownerScope } from '../book/book-data';
import { refuseWorkspaceTarget, writeFileAtomic } from '../atomic-write';
import type { Workspace } from '../store/open-workspace';
import { featuresCsvLines } from './features-csv';
import { featuresRelation } from './features-relation';
import { featuresParquet } from './features-parquet';
import { rawSql } from './raw-sql';
import { packDocument, validationBlock } from './pack-document';
import { scoredCsvLines, scoredTable, scoredXlsx } from './scored-export';

export interface ExportRequest {
  format: ExportFormat;
  dialect?: SqlDialect;
  table?: string;
  asOf?: string;
  /** SQL: over the features relation (default), or the whole model over the raw relations. */
  from?: 'features' | 'raw';
  /** SQL from raw: the as-of date is a query parameter. */
  asOfParam?: boolean;
  /** SQL from raw: names of the raw relations. */
  accountsTable?: string;
  periodsTable?: string;
  /** Pack formats: measure a validation block on the workspace (default: when one is open). */
  validation?: boolean;
  /** CSV formats: start with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
  /** Scored formats: only these accounts (the current view), in book order. */
  accounts?: readonly string[];
  /** Scored formats: only this CSM's accounts (my book), within `accounts` when both are given. */
  owner?: string;
}

export type ExportOutput = { fileName: string; mime: string; rows?: number } & (
  { kind: 'text'; lines: () => Iterable<string> } | { kind: 'bytes'; bytes: () => Promise<Buffer> }
);

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

/** The accounts a scored export keeps: the given ids, the owner's book, both, or (undefined) all. */
function onlyAccounts(engine: Engine, request: ExportRequest): Set<string> | undefined {
  const given = request.accounts && new Set(request.accounts);
  if (request.owner === undefined) return given;
  const scope = ownerScope(engine.features.categories, request.owner)!;
  const ids = engine.features.accountIds.filter((id, i) => scope[i] === 1 && (!given || given.has(id)));
  return new Set(ids);
}

/** What an export is measured on, when the caller already has it (the app's caches). */
export interface ExportInputs {
  scored?: ScoredWorkspace;
  validation?: PackValidation;
}

/** Whether the export reads the workspace's accounts (its scored features), not the pack alone. */
export function needsScoring(ws: Workspace | null, request: ExportRequest): boolean {
  switch (request.format) {
    case 'pack-json':
    case 'pack-yaml':
      return request.validation ?? ws !== null;
    case 'features-csv':
    case 'features-parquet':
    case 'scored-csv':
    case 'scored-xlsx':
      return true;
    case 'sql':
    case 'jsonlogic':
    case 'js':
    case 'signals-csv':
      return false;
  }
}

export function produceExport(
  ws: Workspace | null,
  valid: ValidPack,
  request: ExportRequest,
  inputs: ExportInputs = {},
): ExportOutput {
  const info = exportFormatInfo[request.format];
  const fileName = exportFileName(valid.pack.name, request.format, request.dialect);
  const named = { fileName, mime: info.mime };
  const text = (body: () => string) => ({
    ...named,
    kind: 'text' as const,
    lines: () => [body()],
  });
  let scored = inputs.scored;
  const score = () => (scored ??= scoreWorkspace(needWorkspace(ws, info.label), valid, request.asOf));
  const scoredAccounts = () => scoredTable(score().engine, score().build.names, onlyAccounts(score().engine, request));
  const validation = () =>
    inputs.validation ?? validationBlock(needWorkspace(ws, 'A validation block'), valid, score());
  switch (request.format) {
    case 'pack-json':
    case 'pack-yaml': {
      const measure = request.validation ?? ws !== null;
      const document = canonical(packDocument(valid, measure ? validation() : null)).pack;
      return text(() => writePack(document, request.format === 'pack-json' ? 'json' : 'yaml'));
    }
    case 'sql': {
      const dialect = request.dialect ?? 'duckdb';
      if (request.from === 'raw') {
        const sql = rawSql(ws?.db ?? null, valid, {
          dialect,
          ...(request.asOfParam ? { asOf: 'param' } : request.asOf ? { asOf: request.asOf } : {}),
          ...(request.accountsTable ? { accountsTable: request.accountsTable } : {}),
          ...(request.periodsTable ? { periodsTable: request.periodsTable } : {}),
        });
        // pack.raw.duckdb.sql beside pack.duckdb.sql: the two queries read different relations.
        return { ...text(() => sql), fileName: fileName.replace(/(\.[a-z]+\.sql)$/, '.raw$1') };
      }
      let sql: string;
      try {
        sql = compileSql(valid, { dialect, ...(request.table ? { table: request.table } : {}) });
      } catch (error) {
        throw new LadderError('bad_request', messageOf(error));
      }
      return text(() => sql);
    }
    case 'jsonlogic':
      return text(() => `${JSON.stringify(compileJsonLogic(valid), null, 2)}\n`);
    case 'js':
      return text(() => compileJsModule(valid));
    case 'signals-csv':
      return text(() => (request.bom ? utf8Bom : '') + compileSignalsCsv(valid));
    case 'features-csv': {
      const relation = featuresRelation(score().engine.features, valid);
      return {
        ...named,
        kind: 'text',
        rows: score().engine.features.accounts,
        lines: () => featuresCsvLines(relation),
      };
    }
    case 'features-parquet': {
      const relation = featuresRelation(score().engine.features, valid);
      return {
        ...named,
        kind: 'bytes',
        rows: score().engine.features.accounts,
        bytes: async () => featuresParquet(relation),
      };
    }
    case 'scored-csv': {
      const table = scoredAccounts();
      return {
        ...named,
        kind: 'text',
        rows: table.count,
        lines: () => scoredCsvLines(table, { bom: request.bom ?? false }),
      };
    }
    case 'scored-xlsx': {
      const table = scoredAccounts();
      return {
        ...named,
        kind: 'bytes',
        rows: table.count,
        bytes: () => scoredXlsx(table, valid.pack.name),
      };
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
