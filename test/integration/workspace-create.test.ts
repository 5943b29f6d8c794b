// Creating workspaces through the API (New workspace…) and `ladder serve --workspace NEW`: a whole
// empty workspace or nothing, never replacing a file, and the session switches to it.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '#shared/api/client';
import { createBackendDispatch } from '../../electron/backend/api/backend-dispatch';
import { grantFolder } from '../../electron/backend/path-grants';
import { latestVersion } from '../../electron/backend/store/migrations';
import { closeWorkspace, createSession, openInitialWorkspace } from '../../electron/backend/session';
import { sha256, tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('workspace.create', () => {
  const session = createSession(join(dir.path, 'data'));
  const backend = createBackendDispatch(session);
  const api = createClient((name, args) => backend(name, args));
  const dispatch = api.request;
  afterAll(() => closeWorkspace(session));
  const chosen = join(dir.path, 'chosen');
  mkdirSync(chosen);
  grantFolder(session.grants, chosen); // as `ladder serve --allow chosen` does

  it('proposes a free name in the data folder, and creates it there without any grant', async () => {
    mkdirSync(session.dataDir, { recursive: true });
    const first = await api.call('app.status', {});
    expect(first.suggestedWorkspacePath).toBe(join(session.dataDir, 'workspace.ladder'));
    await api.call('workspace.create', { path: first.suggestedWorkspacePath });
    const next = await api.call('app.status', {});
    expect(next.workspace?.path).toBe(first.suggestedWorkspacePath);
    expect(next.suggestedWorkspacePath).toBe(join(session.dataDir, 'workspace-2.ladder'));
  });

  it('refuses a path the user did not choose, creating nothing', async () => {
    const path = join(dir.path, 'elsewhere.ladder');
    const result = await dispatch('workspace.create', { path });
    expect(!result.ok && result.error.code).toBe('forbidden');
    expect(readdirSync(dir.path)).not.toContain('elsewhere.ladder');
  });

  it('creates an empty workspace, opens it, and leaves no temporary file behind', async () => {
    const path = join(chosen, 'q3.ladder');
    const result = await dispatch('workspace.create', { path });
    expect(result).toEqual({ ok: true, value: { path, name: 'q3.ladder' } });
    const status = await dispatch('app.status', {});
    expect(status.ok && status.value.workspace?.path).toBe(path);
    expect(status.ok && status.value.dataStamp).toBe('0:0:0:0');
    const overview = await dispatch('workspace.overview', {});
    expect(overview.ok && overview.value.accounts).toBe(0);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
    expect(readdirSync(chosen).filter((f) => f.includes('creating'))).toEqual([]);
  });

  it('refuses a path where a file already is, leaving it and the open workspace as they were', async () => {
    const path = join(chosen, 'notes.ladder');
    writeFileSync(path, 'not a workspace');
    const before = sha256(path);
    const result = await dispatch('workspace.create', { path });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'There is already a file called notes.ladder there: open it, or choose another name.',
      },
    });
    expect(sha256(path)).toBe(before);
    const status = await dispatch('app.status', {});
    expect(status.ok && status.value.workspace?.name).toBe('q3.ladder');
  });

  it('refuses a folder that does not exist', async () => {
    const result = await dispatch('workspace.create', { path: join(chosen, 'missing', 'x.ladder') });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(`The folder ${join(chosen, 'missing')} does not exist.`);
  });
});

describe('openInitialWorkspace with create (ladder serve --workspace NEW)', () => {
  it('creates the requested workspace when it is missing, and opens an existing one as it is', async () => {
    const session = createSession(join(dir.path, 'data2'));
    const path = join(dir.path, 'served.ladder');
    await openInitialWorkspace(session, path, { create: true });
    expect(session.workspace?.path).toBe(path);
    closeWorkspace(session);
    const before = sha256(path);
    await openInitialWorkspace(session, path, { create: true });
    expect(session.workspace?.path).toBe(path);
    closeWorkspace(session);
    expect(sha256(path)).toBe(before);
  });
});
