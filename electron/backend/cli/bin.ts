// Entry point of the `ladder` command (bundled to dist/node/cli.js).
import { runCli } from './main';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ladder: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
