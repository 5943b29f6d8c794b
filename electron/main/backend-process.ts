// The backend (SQLite, imports, scoring of large data) runs in an Electron utility process, so the
// main process's event loop only relays messages and never waits on heavy work.
import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiResult } from '#shared/api/result';
import type { PathGrant } from './path-handles';

export interface BackendProcess {
  /** `grants`: paths the user chose in a main-process dialog, which this call may use. */
  call(name: string, args: unknown, grants?: PathGrant[]): Promise<ApiResult<unknown>>;
  stop(): void;
}

interface Reply {
  id: number;
  result: ApiResult<unknown>;
}

export function startBackendProcess(hostPath: string, env: Record<string, string>): BackendProcess {
  let child: UtilityProcess = utilityProcess.fork(hostPath, [], {
    serviceName: 'Ladder backend',
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };
  const wire = (proc: UtilityProcess) => {
    proc.on('message', (reply: Reply) => {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      resolve?.(reply.result);
    });
    proc.on('exit', (code) => {
      failAll(`The Ladder backend stopped unexpectedly (exit code ${code}); it has been restarted.`);
      child = utilityProcess.fork(hostPath, [], {
        serviceName: 'Ladder backend',
        env: { ...process.env, ...env },
        stdio: 'inherit',
      });
      wire(child);
    });
  };
  wire(child);
  return {
    call(name, args, grants = []) {
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.postMessage({ id, name, args, grants });
      });
    },
    stop() {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}
