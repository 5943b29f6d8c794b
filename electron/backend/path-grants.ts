// What the user chose: the files and folders the API may touch. Files come from the native dialogs
// (through the desktop main process), from uploads and from the command line; folders are the data
// folder and folders given on the command line. Everything is compared by its real path, so a
// symbolic link cannot lead out of a granted folder.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { PathAccess } from '#shared/api/user-path';

export interface PathGrants {
  /** Real path → the uses the user chose it for. */
  files: Map<string, Set<PathAccess>>;
  /** Real paths of folders in which anything may be read and written. */
  folders: Set<string>;
}

export function createGrants(): PathGrants {
  return { files: new Map(), folders: new Set() };
}

/** The real path of `path`: symbolic links resolved in the part that exists, the rest appended. */
export function canonicalPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(canonicalPath(parent), basename(absolute));
  }
}

export function grantFile(grants: PathGrants, path: string, access: PathAccess): void {
  const key = canonicalPath(path);
  const uses = grants.files.get(key) ?? new Set<PathAccess>();
  uses.add(access);
  grants.files.set(key, uses);
}

export function grantFolder(grants: PathGrants, path: string): void {
  grants.folders.add(canonicalPath(path));
}

export function isInside(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Whether `path` may be used for `access`; a workspace grant also lets the file be read. */
export function isGranted(grants: PathGrants, path: string, access: PathAccess): boolean {
  const real = canonicalPath(path);
  for (const folder of grants.folders) if (isInside(folder, real)) return true;
  const uses = grants.files.get(real);
  if (!uses) return false;
  return uses.has(access) || (access === 'read' && uses.has('workspace'));
}
