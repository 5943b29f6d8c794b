// Entry point of the backend inside Electron's utility process: receives {id, name, args} from the
// main process, runs the shared dispatcher, and replies {id, result}.
import { createBackendDispatch } from './api/backend-dispatch';
import { createSession, openInitialWorkspace } from './session';
import { defaultDataDir } from './settings';
import { messageOf } from '#shared/error-message';

interface Request {
  id: number;
  name: string;
  args: unknown;
}

interface ParentPort {
  on(event: 'message', listener: (message: { data: Request }) => void): void;
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
  void ready
    .then(() => dispatch(data.name, data.args))
    .then((result) => parentPort.postMessage({ id: data.id, result }));
});
