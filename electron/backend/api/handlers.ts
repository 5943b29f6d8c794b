// The one implementation of the API contract. Each entry is a thin adapter from validated
// arguments to the backend module that does the work.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Handlers } from '#shared/api/dispatch';
import { readInfo, readOverview } from '../workspace/queries';
import { dataStamp } from '../workspace/data-stamp';
import { recentWorkspaces } from '../settings';
import {
  createDemo,
  createWorkspace,
  demoPath,
  refOf,
  requireWorkspace,
  suggestedWorkspacePath,
  switchWorkspace,
  type Session,
} from '../session';
import { appVersion } from '../version';
import { importHandlers } from './import-handlers';
import { exportHandlers } from './export-handlers';
import { workbenchHandlers } from './workbench-handlers';
import { calibrateHandlers } from './calibrate-handlers';
import { bookHandlers } from './book-handlers';
import { modelHandlers } from './model-handlers';
import { listPresets, loadPreset } from '../packs/presets';

export const handlers: Handlers<Session> = {
  ...importHandlers,
  ...exportHandlers,
  ...workbenchHandlers,
  ...calibrateHandlers,
  ...bookHandlers,
  ...modelHandlers,
  'app.status': (_args, session) => ({
    version: appVersion,
    workspace: session.workspace ? refOf(session.workspace) : null,
    dataStamp: session.workspace ? dataStamp(session.workspace.db) : null,
    suggestedWorkspacePath: suggestedWorkspacePath(session.dataDir),
  }),
  'workspace.open': ({ path }, session) => switchWorkspace(session, resolve(path)),
  'workspace.create': ({ path }, session) => createWorkspace(session, resolve(path)),
  'workspace.createDemo': ({ path, overwrite, ...params }, session) =>
    createDemo(session, path ? resolve(path) : demoPath(session.dataDir), params, {
      overwrite: overwrite ?? path === undefined,
    }),
  'workspace.openDemo': (_args, session) => {
    const path = demoPath(session.dataDir);
    return existsSync(path) ? switchWorkspace(session, path) : createDemo(session, path, {});
  },
  'workspace.overview': ({ owner }, session) => readOverview(requireWorkspace(session), owner),
  'workspace.info': (_args, session) => readInfo(requireWorkspace(session)),
  'workspace.recent': (_args, session) => recentWorkspaces(session.dataDir),
  'packs.presets': () => listPresets(),
  'packs.preset': ({ id }) => loadPreset(id).pack,
};
