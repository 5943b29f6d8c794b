// `npm test`: everything, in the order that fails fastest — typecheck, lint, format, build, security scan, then
// unit, integration and end-to-end tests (vitest, real SQLite files, real Chromium).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

const steps = [
  // One project per side of the process boundary: shared/ (no Node, no DOM), renderer (DOM, no
  // Node or Electron), node (electron/ and scripts), tests.
  ...['shared', 'web', 'node', 'test'].map((p) => [`typecheck (${p})`, bin('tsc'), ['-p', `tsconfig.${p}.json`]]),
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['build', process.execPath, [join(root, 'scripts', 'build.js')]],
  ['security scan', process.execPath, [join(root, 'scripts', 'security-scan.js')]],
  ['tests', bin('vitest'), ['run', ...extra]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
