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
import { produceExport, renderExport, writeExport, type ExportRequest } from '../export/export-service';
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
  const { format, dialect, table, asOf, validation, bom, accounts } = args;
  return {
    format,
    ...(dialect ? { dialect } : {}),
    ...(table ? { table } : {}),
    ...(asOf ? { asOf } : {}),
    ...(validation !== undefined ? { validation } : {}),
    ...(bom !== undefined ? { bom } : {}),
    ...(accounts ? { accounts } : {}),
  };
}

export const exportHandlers: { [M in ExportMethodName]: Handler<M, Session> } = {
  'export.render': async ({ pack, previewChars, ...args }, session) => {
    const output = produceExport(session.workspace, validPack(pack), requestOf(args));
    const buffer = await renderExport(output);
    const binary = exportFormatInfo[args.format].binary;
    const text = binary ? buffer.toString('base64') : buffer.toString('utf8');
    const truncated = !binary && previewChars !== undefined && text.length > previewChars;
    return {
      fileName: output.fileName,
      mime: output.mime,
      encoding: binary ? 'base64' : 'utf8',
      content: truncated ? text.slice(0, previewChars) : text,
      bytes: buffer.length,
      truncated,
    };
  },
  'export.save': async ({ pack, path, ...args }, session) => {
    const target = resolve(path);
    const output = produceExport(session.workspace, validPack(pack), requestOf(args));
    const bytes = await writeExport(output, target, session.workspace);
    return { path: target, bytes };
  },
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
