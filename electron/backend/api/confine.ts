// Every path an API call carries is confined before its handler runs: it must be something the user
// chose (see path-grants.ts), and a write must not land on a file Ladder itself depends on. The
// fields come from the contract (`userPath`), so a new method with a path is confined automatically.
import { basename, join, resolve } from 'node:path';
import { contract, type MethodName } from '#shared/api/contract';
import { LadderError } from '#shared/api/result';
import { pathFieldsOf, type PathAccess } from '#shared/api/user-path';
import { isWorkspaceFile } from '../atomic-write';
import { canonicalPath, isGranted, isInside } from '../path-grants';
import { readSettings } from '../settings';
import type { Session } from '../session';

const verbs: Record<PathAccess, string> = { read: 'read', write: 'write to', workspace: 'open' };

/** The open workspace and its SQLite side files, the settings and the uploads folder are Ladder's own. */
export function protectedTargetReason(session: Session, path: string): string | null {
  const real = canonicalPath(path);
  const workspace = session.workspace?.path;
  if (workspace && isWorkspaceFile(path, workspace)) return `${basename(workspace)} is the open workspace`;
  const data = canonicalPath(session.dataDir);
  if (real === join(data, 'settings.json')) return 'it holds Ladder’s settings';
  if (isInside(join(data, 'uploads'), real)) return 'it is in Ladder’s private upload folder';
  return null;
}

function mayUse(session: Session, path: string, access: PathAccess): boolean {
  if (isGranted(session.grants, path, access)) return true;
  // Workspaces the user opened before (the recent list, kept by Ladder in its data folder).
  if (access === 'workspace' || access === 'read') {
    const real = canonicalPath(path);
    return readSettings(session.dataDir).recent.some((p) => canonicalPath(p) === real);
  }
  return false;
}

export function confinePath(session: Session, path: string, access: PathAccess): string {
  const absolute = resolve(path);
  if (!mayUse(session, absolute, access)) {
    throw new LadderError(
      'forbidden',
      `Ladder will not ${verbs[access]} ${absolute}: it only uses files you chose (in a file dialog, by upload ` +
        'or on the command line) and its own data folder.',
    );
  }
  if (access !== 'read') {
    const reason = protectedTargetReason(session, absolute);
    if (reason && !(access === 'workspace' && reason.endsWith('open workspace')))
      throw new LadderError('forbidden', `Ladder will not ${verbs[access]} ${absolute}: ${reason}.`);
  }
  return absolute;
}

/** The arguments with every path field confined (and made absolute). */
export function confineArgs(session: Session, name: MethodName, args: unknown): unknown {
  const fields = pathFieldsOf(contract[name].args);
  if (fields.length === 0 || typeof args !== 'object' || args === null) return args;
  const next: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  for (const { key, access } of fields) {
    const value = next[key];
    if (typeof value === 'string') next[key] = confinePath(session, value, access);
  }
  return next;
}
