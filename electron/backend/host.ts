// Entry point of the backend inside Electron's utility process: answers the main process's API calls
// (host-protocol.ts) with the shared dispatcher.
import { answer, type Envelope } from '#shared/request-reply';
import { createBackendDispatch } from './api/backend-dispatch';
import type { BackendRequest } from './host-protocol';
import { createSession, openInitialWorkspace } from './session';
import { defaultDataDir } from './settings';
import { messageOf } from '#shared/error-message';
import { logProblem } from './log-problem';
import { grantFile } from './path-grants';

interface ParentPort {
  on(event: 'message', listener: (message: { data: Envelope<BackendRequest> }) => void): void;
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
  logProblem('Ladder could not open a workspace at launch', messageOf(error));
});

parentPort.on('message', ({ data }) => {
  void answer<BackendRequest>(
    data,
    async ({ name, args, grants }) => {
      // Files the user chose in the main process's dialogs for this call (electron/main/path-handles.ts).
      for (const grant of grants ?? []) grantFile(session.grants, grant.path, grant.access);
      await ready;
      return dispatch(name, args);
    },
    (reply) => parentPort.postMessage(reply),
  );
});
