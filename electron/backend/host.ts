// Entry point of the backend inside Electron's utility process: receives {id, name, args} from the
// main process, runs the shared dispatcher, and replies {id, result}.
import { createBackendDispatch } from './api/backend-dispatch';
import { createSession, openInitialWorkspace } from './session';
import { defaultDataDir } from './settings';
import { grantFile } from './path-grants';
import type { PathAccess } from '#shared/api/user-path';

interface Request {
  id: number;
  name: string;
  args: unknown;
  /** Files the user chose in the main process's dialogs for this call (see electron/main/path-handles.ts). */
  grants?: { path: string; access: PathAccess }[];
}

interface ParentPort {
  on(event: 'message', listener: (message: { data: Request }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('backend-host must run inside an Electron utility process');

const session = createSession(defaultDataDir());
const dispatch = createBackendDispatch(session);
const requested = process.env.LADDER_WORKSPACE || undefined;
if (requested) grantFile(session.grants, requested, 'workspace'); // named on the command line
const ready = openInitialWorkspace(session, requested).catch((error: unknown) => {
  // The app still starts; the overview offers the demo or another workspace.
  console.error(
    `Ladder could not open a workspace at launch: ${error instanceof Error ? error.message : String(error)}`,
  );
});

parentPort.on('message', ({ data }) => {
  for (const grant of data.grants ?? []) grantFile(session.grants, grant.path, grant.access);
  void ready
    .then(() => dispatch(data.name, data.args))
    .then((result) => parentPort.postMessage({ id: data.id, result }));
});
