// Problems the user did not cause (bugs, a last workspace that no longer opens) go to stderr, where whoever
// runs `ladder serve` or the app from a terminal sees them. The text can quote a file name or a cell, so it
// is made terminal-safe first: a hostile file cannot drive the terminal through a log line.
import { terminalSafe } from '#shared/terminal-safe';

export function logProblem(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(terminalSafe(`${what}: ${detail}`));
}
