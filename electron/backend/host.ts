// Entry point of the backend inside Electron's utility process: answers the main process's API calls
// (host-protocol.ts) with the shared dispatcher.
import { answer, type Envelope } from '#shared/request-reply';
import { createBackendDispatch } from './api/backend-dispatch';
import type { BackendRequest } from './host-protocol';
import { createSession, openInitialWorkspace } from './session';
import { defaultDataDir } from './settings';
import { messageOf } from '#shared/error-message';

interface ParentPort {
  on(event: 'message', listener: (message: { data: Envelope<BackendRequest> }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('backend-host must run inside an Electron utility process');

const session = createSession(defaultDataDir());
const dispatch = createBackendDispatch(session);
const ready = openInitialWorkspace(session, process.env.LADDER_WORKSPACE || undefined).catch((error: unknown) => {
  // The app still starts; the overview offers the demo or another workspace.
  console.error(`Ladder could not open a workspace at launch: ${messageOf(error)}`);
});

parentPort.on('message', ({ data }) => {
  void answer<BackendRequest>(
    data,
    async ({ name, args }) => {
      await ready;
      return dispatch(name, args);
    },
    (reply) => parentPort.postMessage(reply),
  );
});
