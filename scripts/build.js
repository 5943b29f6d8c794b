// Builds everything `npm start`, the CLI and the e2e tests run: Node/Electron bundles with esbuild,
// the renderer with Vite. `--node-only` skips the renderer (used by bin/ladder.js on first run).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nodeOnly = process.argv.includes('--node-only');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __LADDER_VERSION__: JSON.stringify(version) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/backend/cli/bin.ts'],
    outfile: 'dist/node/cli.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/backend/host.ts'],
    outfile: 'dist/electron/backend-host.js',
    format: 'esm',
    packages: 'external',
  }),
  // The import worker thread, beside each bundle that starts it (found as ./import-worker.js).
  build({
    ...common,
    entryPoints: ['electron/backend/import/worker-entry.ts'],
    outfile: 'dist/node/import-worker.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/backend/import/worker-entry.ts'],
    outfile: 'dist/electron/import-worker.js',
    format: 'esm',
    packages: 'external',
  }),
  // The feature build's period-reader thread, likewise (found as ./features-worker.js).
  ...['dist/node', 'dist/electron'].map((dir) =>
    build({
      ...common,
      entryPoints: ['electron/backend/features/period-worker-entry.ts'],
      outfile: `${dir}/features-worker.js`,
      format: 'esm',
      packages: 'external',
    }),
  ),
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
    packages: 'external',
    // esbuild drops inline comments, so the scanner exception from window.ts is restated here as
    // electronegativity's file-level form (first line). Reason: our only preload is our own bundle,
    // sandboxed, exposing just the typed invoke() bridge through contextBridge.
    banner: {
      js: '/* eng-disable PRELOAD_JS_CHECK -- the preload is our own sandboxed contextBridge bundle (see electron/main/window.ts) */',
    },
  }),
  // Sandboxed preloads must be a single CommonJS file that requires nothing but 'electron'.
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);

if (!nodeOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
