// `npm test`: first the system tools the suite needs (scripts/preflight), then everything in the order that
// fails fastest — typecheck, lint, format, build, security scan, then unit, integration and end-to-end tests
// (vitest, real SQLite files, real Chromium). Arguments after `--` go to vitest.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from './preflight/index.js';
import { testSteps } from './test-steps.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!preflight()) process.exit(1);

for (const { name, command, args } of testSteps(root, process.argv.slice(2))) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
