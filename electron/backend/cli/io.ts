// How commands talk to the terminal: one JSON document on stdout with --json, readable lines
// otherwise; progress on stderr, and only when a person is watching. Nothing from a file acts on the terminal.
import { terminalSafe } from '#shared/terminal-safe';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  json(value: unknown): void;
  progress(text: string): void;
}

let pipeGuarded = false;

/** `ladder … | head` closes stdout early: stop quietly instead of crashing with EPIPE. */
function guardClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export function processIo(): CliIo {
  guardClosedPipe();
  const interactive = process.stderr.isTTY === true;
  // Output piped to a file or another program stays byte for byte; only what a terminal shows is escaped.
  const onTerminal = process.stdout.isTTY === true;
  return {
    out: (text) => process.stdout.write(`${onTerminal ? terminalSafe(text) : text}\n`),
    err: (text) => process.stderr.write(`${terminalSafe(text)}\n`),
    json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (text) => {
      if (interactive) process.stderr.write(`\r\u001b[2K${terminalSafe(text)}`);
    },
  };
}

export const formatCount = (n: number) => n.toLocaleString('en-US');
export const formatMoney = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
