// The `ladder` command in this process, through runCli with an in-memory terminal: for cases that
// need no child process (usage errors, refusals, small workspaces). test/helpers/cli.ts runs the
// built command as a user would, for what only a real process shows (exit codes, pipes, the bundle).
import { runCli } from '../../electron/backend/cli/main';
import type { CliIo } from '../../electron/backend/cli/io';
import type { CliRun } from './cli';

export async function runLadder(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
    json: (value) => (stdout += `${JSON.stringify(value, null, 2)}\n`),
    progress: () => {},
  };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}
