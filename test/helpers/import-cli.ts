// `ladder import … --json` in this process (runLadder), for tests that look at the report: the
// exit status and the parsed report; and the rejection a repeated key gets.
import type { ImportReport, RejectedValue } from '#shared/import/report';
import { runLadder } from './run-cli';

export async function importJson(
  file: string,
  workspace: string,
  kind: string,
  options: string[] = [],
): Promise<{ status: number | null; stderr: string; report: ImportReport }> {
  const run = await runLadder(['import', file, '--workspace', workspace, '--kind', kind, ...options, '--json']);
  return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout) as ImportReport };
}

/** The same, for an import that must succeed (exit 0): its report. */
export async function importOk(file: string, workspace: string, kind: string, options: string[] = []) {
  const { status, stderr, report } = await importJson(file, workspace, kind, options);
  expect(status, stderr).toBe(0);
  return report;
}

/** The rejection of a later row repeating an account id (the report's row and the file's line). */
export const repeatedAccountId = (row: number, line: number, value: string, column = 'Account ID'): RejectedValue => ({
  row,
  line,
  column,
  value,
  reason: 'duplicate account id: an earlier row of this file has it',
});
