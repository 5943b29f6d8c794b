// Vitest global setup of the integration and e2e projects: the CLI tests run dist/node/cli.js and the
// browser tests serve dist/renderer, so a build older than the sources would test yesterday's code.
// When any source is newer than the oldest bundle (or a bundle is missing), rebuild once, first.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/temp';

const sources = ['electron', 'shared', 'renderer', 'resources', 'package.json', 'vite.config.ts', 'scripts/build.js'];
const bundles = [
  'dist/node/cli.js',
  'dist/node/import-worker.js',
  'dist/node/features-worker.js',
  'dist/electron/features-worker.js',
  'dist/electron/main.js',
  'dist/electron/backend-host.js',
  'dist/renderer/index.html',
];

/** The newest modification time under a file or folder (0 when it does not exist). */
export function newestMtime(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Why the build is stale (a missing bundle, or a source newer than the oldest one), or null. */
export function staleBecause(root: string, from = sources, to = bundles): string | null {
  let oldest = Infinity;
  for (const bundle of to) {
    const mtime = newestMtime(join(root, bundle));
    if (mtime === 0) return `${bundle} is missing`;
    oldest = Math.min(oldest, mtime);
  }
  const newer = from.find((source) => newestMtime(join(root, source)) > oldest);
  return newer ? `${newer} changed after the last build` : null;
}

export default function setup(): void {
  const why = staleBecause(repoRoot);
  if (!why) return;
  console.log(`Rebuilding dist/ for the CLI and browser tests (${why}).`);
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.js')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed; the CLI and browser tests need dist/.');
}
