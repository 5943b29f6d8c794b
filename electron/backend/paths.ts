// Locates the app's own files whether running from source (tests), from dist/ bundles, or packaged.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding Ladder's package.json. */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Ladder installation folder.');
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

export const rendererDir = () => join(appRoot(), 'dist', 'renderer');
export const resourcesDir = () => join(appRoot(), 'resources');
