// `npm run bench [-- --only demo|import|engine|ui|export|slides|warehouse|book|calibrate] [--accounts N]
// [--runs N]`: prints one JSON object (docs/ARCHITECTURE.md §8). Each part runs in its own Node process so
// memory figures are its own; figures are medians of several runs, with anchors measured in the same run on
// the same data.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parts = ['demo', 'import', 'engine', 'ui', 'export', 'slides', 'warehouse', 'book', 'calibrate'];
// parts land with the issues that build them
const available = new Set(['demo', 'import', 'engine', 'ui', 'export', 'slides', 'warehouse', 'book', 'calibrate']);

const args = process.argv.slice(2);
const optionValue = (name) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const only = optionValue('only');
if (only && !parts.includes(only)) {
  console.error(`bench: --only must be one of ${parts.join(', ')}.`);
  process.exit(2);
}
const selected = (only ? [only] : parts).filter((p) => available.has(p));

await build({
  absWorkingDir: root,
  entryPoints: [
    ...selected.map((p) => `scripts/bench/${p}.ts`),
    // The import part starts the import worker thread from ./import-worker.js beside it.
    ...(selected.includes('import') ? [{ in: 'electron/backend/import/worker-entry.ts', out: 'import-worker' }] : []),
    // Feature builds read period rows ahead in reader threads started from ./features-worker.js.
    { in: 'electron/backend/features/period-worker-entry.ts', out: 'features-worker' },
  ],
  outdir: 'dist/bench',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});

const report = {};
for (const part of selected) {
  process.stderr.write(`bench: ${part}…\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist', 'bench', `${part}.js`), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(`bench: the ${part} benchmark failed (exit ${run.status}).`);
    process.exit(1);
  }
  report[part] = JSON.parse(run.stdout);
}
for (const part of parts.filter((p) => !available.has(p) && (!only || only === p))) {
  process.stderr.write(`bench: ${part} is not implemented yet.\n`);
}
console.log(JSON.stringify(report, null, 2));
