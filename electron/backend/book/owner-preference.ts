// "My book" is remembered per workspace and per person: the owner filter lives in the data folder
// (book.json: workspace path → owner), not in the workspace file, which a team may share.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../atomic-write';

const fileOf = (dataDir: string) => join(dataDir, 'book.json');

function readAll(dataDir: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(fileOf(dataDir), 'utf8'));
    const owners = (parsed as { owners?: unknown } | null)?.owners;
    if (typeof owners !== 'object' || owners === null) return {};
    // Own string entries only: the file is ours, but a damaged one must not break the app.
    return Object.fromEntries(Object.entries(owners).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function readOwner(dataDir: string, workspace: string): string | null {
  const owners = readAll(dataDir);
  return Object.hasOwn(owners, workspace) ? owners[workspace]! : null;
}

export function writeOwner(dataDir: string, workspace: string, owner: string | null): void {
  const owners = readAll(dataDir);
  if (owner === null) delete owners[workspace];
  else owners[workspace] = owner;
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomicSync(fileOf(dataDir), `${JSON.stringify({ owners }, null, 2)}\n`);
}
