// The backend's state: which workspace is open. One session per backend process.
import { basename, dirname, join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { LadderError } from '#shared/api/result';
import type { WorkspaceRef } from '#shared/domain/workspace';
import { openWorkspace, type Workspace } from './store/open-workspace';
import { createEmptyWorkspace } from './store/create-workspace';
import { demoDefaults, writeDemoWorkspace, type DemoParams, type WriteDemoOptions } from './demo/write-demo';
import { readSettings, rememberWorkspace } from './settings';
import { createGrants, grantFolder, type PathGrants } from './path-grants';
import { messageOf } from '#shared/error-message';
import type { CalibrationSession } from './api/calibrate-handlers';
import { logProblem } from './log-problem';

export interface Session {
  dataDir: string;
  workspace: Workspace | null;
  /** The feature table being computed for the workbench, if any: its progress, and how to stop it. */
  featureLoad?: { controller: AbortController; accountsDone: number; accountsTotal: number };
  /** The running book-of-business history (book.timeline): its progress, and how to stop it. */
  bookJob?: { controller: AbortController; done: number; total: number };
  /** Accounts computed per step of a feature load (tests make it small to observe progress). */
  featureChunkAccounts?: number;
  /** The files and folders API calls may touch (the data folder, and what the user chose). */
  grants: PathGrants;
  /** Browser-mode uploads not yet imported: deleted once their import is done. */
  uploads: Set<string>;
  /** The running calibration, if any, and the last finished one (for drill-downs and live validation). */
  calibration?: CalibrationSession;
}

export function createSession(dataDir: string): Session {
  const grants = createGrants();
  grantFolder(grants, dataDir);
  return { dataDir, workspace: null, grants, uploads: new Set() };
}

export function requireWorkspace(session: Session): Workspace {
  if (!session.workspace)
    throw new LadderError('no_workspace', 'No workspace is open: create the demo or open a workspace file first.');
  return session.workspace;
}

export const refOf = (ws: Workspace): WorkspaceRef => ({ path: ws.path, name: ws.name });

export function closeWorkspace(session: Session): void {
  session.workspace?.db.close();
  session.workspace = null;
}

/** Opens `path` (refusing bad files without touching the open one) and makes it current. */
export async function switchWorkspace(session: Session, path: string): Promise<WorkspaceRef> {
  const next = await openWorkspace(path);
  closeWorkspace(session);
  session.workspace = next;
  rememberWorkspace(session.dataDir, path);
  return refOf(next);
}

/** Creates an empty workspace at `path` (never replacing a file) and makes it current. */
export async function createWorkspace(session: Session, path: string): Promise<WorkspaceRef> {
  await createEmptyWorkspace(path);
  return switchWorkspace(session, path);
}

/** The first of workspace.ladder, workspace-2.ladder, … that is free in the data folder. */
export function suggestedWorkspacePath(dataDir: string): string {
  for (let n = 1; ; n++) {
    const path = join(dataDir, n === 1 ? 'workspace.ladder' : `workspace-${n}.ladder`);
    if (!existsSync(path)) return path;
  }
}

export function demoPath(dataDir: string): string {
  return join(dataDir, 'demo.ladder');
}

export async function createDemo(
  session: Session,
  path: string,
  params: Partial<DemoParams>,
  options: WriteDemoOptions = {},
): Promise<WorkspaceRef> {
  mkdirSync(dirname(path), { recursive: true });
  if (session.workspace?.path === path && options.overwrite) closeWorkspace(session);
  await writeDemoWorkspace(path, demoDefaults(params), options);
  return switchWorkspace(session, path);
}

/**
 * At launch: the workspace asked for (created empty when `create` is set and it does not exist), else
 * the last one used, else the embedded demo (generated on first run). A last workspace that no longer
 * opens is skipped rather than blocking the launch.
 */
export async function openInitialWorkspace(
  session: Session,
  requested?: string,
  options: { create?: boolean } = {},
): Promise<WorkspaceRef> {
  if (requested && options.create && !existsSync(requested)) return createWorkspace(session, requested);
  if (requested) return switchWorkspace(session, requested);
  const last = readSettings(session.dataDir).lastWorkspace;
  if (last && existsSync(last)) {
    try {
      return await switchWorkspace(session, last);
    } catch (error) {
      logProblem(`Could not reopen ${basename(last)}`, messageOf(error));
    }
  }
  const demo = demoPath(session.dataDir);
  if (existsSync(demo)) return switchWorkspace(session, demo);
  return createDemo(session, demo, {});
}
