#!/usr/bin/env node
// The `ladder` command. Runs the bundled CLI, building it first on a fresh checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'node', 'cli.js');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), '--node-only'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    process.stderr.write('ladder: could not build the command-line tool; run "npm run build" and try again.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
