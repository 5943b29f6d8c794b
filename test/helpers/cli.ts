import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './temp';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ladder` command (bin/ladder.js → dist/node/cli.js) as a user would. */
export function ladder(args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
