// Worker-thread scripts are bundled beside the bundle that starts them (dist/node, dist/electron):
// found as ./NAME next to it, or where an environment variable says (tests running the TypeScript
// sources point it at a built one). Null when there is none: callers then do the work on this thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function bundledWorkerPath(envVariable: string, name: string): string | null {
  const fromEnv = process.env[envVariable];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const sibling = fileURLToPath(new URL(`./${name}`, import.meta.url));
    return existsSync(sibling) ? sibling : null;
  } catch {
    return null;
  }
}
