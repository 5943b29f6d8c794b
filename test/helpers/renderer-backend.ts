// Connects the renderer's stores to a real backend in this process: the API client calls the
// backend's dispatcher directly (one of the three sanctioned transports), and engines run
// in-process instead of in a Web Worker. Real SQLite, real engine, no mocks.
import { join } from 'node:path';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { closeWorkspace, createSession, switchWorkspace, type Session } from '../../electron/backend/session';
import { setApiTransport } from '../../renderer/src/api';
import { createInProcessEngineClient } from '../../renderer/src/engine/engine-client';
import { engineSession } from '../../renderer/src/engine/engine-session';
import { tempDir } from './temp';

export interface RendererBackend {
  session: Session;
  workspacePath: string;
  close(): void;
}

export async function connectRendererToDemo(accounts = 400): Promise<RendererBackend> {
  const dir = tempDir('ladder-renderer-');
  const workspacePath = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(workspacePath, demoDefaults({ accounts, seed: 7, endDate: '2026-11-16' }));
  const session = createSession(join(dir.path, 'data'));
  await switchWorkspace(session, workspacePath);
  const dispatch = createBackendDispatch(session);
  // Arguments cross as JSON, as they would over HTTP or IPC.
  setApiTransport((name, args) => dispatch(name, JSON.parse(JSON.stringify(args ?? {}))));
  engineSession.useClientFactory(createInProcessEngineClient);
  return {
    session,
    workspacePath,
    close() {
      engineSession.reset();
      closeWorkspace(session);
      dir.cleanup();
    },
  };
}
