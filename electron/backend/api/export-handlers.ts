// The export feature's handlers (spread into the one handler map).
import { resolve } from 'node:path';
import { LadderError } from '#shared/api/result';
import type { Handler } from '#shared/api/dispatch';
import type { ExportMethodName } from '#shared/api/export-method-names';
import { exportFormatInfo } from '#shared/export/formats';
import { readPack } from '#shared/pack/document';
import { detectPackFormat } from '#shared/pack/document';
import { verifyGoldenCases } from '#shared/pack/golden';
import { checkPack, describePackIssues, type PackIssue, type ValidPack } from '#shared/pack/validate';
import type { RenderedExport } from '#shared/api/export-contract';
import { prepareExport } from '../export/app-export';
import { cancelExport, exportProgress, runExportJob } from '../export/export-jobs';
import type { ExportRequest } from '../export/export-service';
import { collectBytes, collectText, writeAtomically } from '../export/export-writer';
import type { Session } from '../session';

function refuse(issues: readonly PackIssue[]): never {
  throw new LadderError('bad_request', describePackIssues(issues));
}

function validPack(pack: unknown): ValidPack {
  const checked = checkPack(pack);
  if (!checked.ok) refuse(checked.issues);
  return checked.value;
}

function requestOf(args: Omit<ExportRequest, 'accounts'> & { accounts?: string[] | undefined }): ExportRequest {
  const {
    format,
    dialect,
    table,
    asOf,
    validation,
    bom,
    accounts,
    from,
    asOfParam,
    accountsTable,
    periodsTable,
    owner,
  } = args;
  return {
    format,
    ...(from ? { from } : {}),
    ...(asOfParam ? { asOfParam } : {}),
    ...(accountsTable ? { accountsTable } : {}),
    ...(periodsTable ? { periodsTable } : {}),
    ...(dialect ? { dialect } : {}),
    ...(table ? { table } : {}),
    ...(asOf ? { asOf } : {}),
    ...(validation !== undefined ? { validation } : {}),
    ...(bom !== undefined ? { bom } : {}),
    ...(accounts ? { accounts } : {}),
    ...(owner ? { owner } : {}),
  };
}

export const exportHandlers: { [M in ExportMethodName]: Handler<M, Session> } = {
  'export.render': ({ pack, previewChars, jobId, ...args }, session) =>
    runExportJob(session, jobId, async (job): Promise<RenderedExport> => {
      const preview = previewChars !== undefined ? { chars: previewChars } : undefined;
      const output = await prepareExport(session.workspace, validPack(pack), requestOf(args), job, preview);
      const rendered = {
        format: args.format,
        dialect: args.format === 'sql' ? (args.dialect ?? 'duckdb') : null,
        fileName: output.fileName,
        mime: output.mime,
        rows: output.rows ?? null,
      };
      if (exportFormatInfo[args.format].binary) {
        // A binary file has no text to preview: say what it is without building it.
        if (previewChars !== undefined)
          return { ...rendered, encoding: 'base64', content: '', bytes: null, truncated: true };
        const bytes = await collectBytes(output, job);
        return {
          ...rendered,
          encoding: 'base64',
          content: bytes.toString('base64'),
          bytes: bytes.length,
          truncated: false,
        };
      }
      if (output.kind !== 'text') throw new LadderError('internal', `${args.format} did not produce text.`);
      const { text, complete } = await collectText(output, job, previewChars);
      return {
        ...rendered,
        encoding: 'utf8',
        content: text,
        bytes: complete ? Buffer.byteLength(text, 'utf8') : null,
        truncated: !complete,
      };
    }),
  'export.save': ({ pack, path, jobId, ...args }, session) =>
    runExportJob(session, jobId, async (job) => {
      const output = await prepareExport(session.workspace, validPack(pack), requestOf(args), job);
      const target = resolve(path);
      const bytes = await writeAtomically(output, target, job, session.workspace);
      return { format: args.format, path: target, bytes, rows: output.rows ?? null };
    }),
  'export.progress': ({ jobId }, session) => exportProgress(session, jobId),
  'export.cancel': ({ jobId }, session) => ({ cancelled: cancelExport(session, jobId) }),
  'export.readPack': ({ text }) => {
    const checked = readPack(text);
    if (!checked.ok) refuse(checked.issues);
    const cases = checked.value.pack.validation?.cases ?? [];
    return {
      pack: checked.value.pack,
      format: detectPackFormat(text),
      goldenCases: cases.length,
      goldenMismatches: verifyGoldenCases(checked.value, cases),
    };
  },
};
