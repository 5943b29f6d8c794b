// Entry point of the `ladder` command (bundled to dist/node/cli.js).
import { runCli } from './main';
import { messageOf } from '#shared/error-message';
import { terminalSafe } from '#shared/terminal-safe';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ladder: ${terminalSafe(messageOf(error))}\n`);
    process.exitCode = 1;
  },
);
