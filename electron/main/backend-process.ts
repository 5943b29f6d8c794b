// The backend (SQLite, imports, scoring of large data) runs in an Electron utility process, so the
// main process's event loop only relays messages and never waits on heavy work.
import { utilityProcess, type UtilityProcess } from 'electron';
import { messageOf } from '#shared/error-message';
import { createCaller, type ReplyEnvelope } from '#shared/request-reply';
import type { ApiResult } from '#shared/api/result';
import type { PathGrant } from './path-handles';
import type { BackendReplies, BackendRequest } from '../backend/host-protocol';

export interface BackendProcess {
  /** `grants`: paths the user chose in a main-process dialog, which this call may use. */
  call(name: string, args: unknown, grants?: PathGrant[]): Promise<ApiResult<unknown>>;
  stop(): void;
}

export function startBackendProcess(hostPath: string, env: Record<string, string>): BackendProcess {
  const fork = () =>
    utilityProcess.fork(hostPath, [], {
      serviceName: 'Ladder backend',
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
  let child: UtilityProcess = fork();
  const caller = createCaller<BackendRequest, BackendReplies>((envelope) => child.postMessage(envelope));
  const wire = (proc: UtilityProcess) => {
    proc.on('message', (reply: ReplyEnvelope) => caller.receive(reply));
    proc.on('exit', (code) => {
      caller.failAll(new Error(`The Ladder backend stopped unexpectedly (exit code ${code}); it has been restarted.`));
      child = fork();
      wire(child);
    });
  };
  wire(child);
  return {
    call: (name, args, grants = []) =>
      caller
        .call({ op: 'call', name, args, grants })
        .catch((error: unknown) => ({ ok: false, error: { code: 'internal', message: messageOf(error) } }) as const),
    stop() {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}
