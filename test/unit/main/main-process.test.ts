// The Electron main process, with `electron` replaced: every window gets the hardened
// webPreferences, navigation and new windows are refused, permissions denied, and IPC only
// answers our own page.
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tempDir } from '../../helpers/temp';
import { FakeBrowserWindow, FakeWebContents, fakeSession, handlers } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const { startDesktopApp } = await import('../../../electron/main/app');
const { hardenWebContents } = await import('../../../electron/main/security');
const electron = await import('electron');

const dist = tempDir();
beforeAll(async () => {
  mkdirSync(join(dist.path, 'renderer'), { recursive: true });
  writeFileSync(join(dist.path, 'renderer', 'index.html'), '<!doctype html><title>Ladder</title>');
  startDesktopApp(dist.path);
  await new Promise((r) => setTimeout(r, 0)); // let whenReady() resolve
});
afterAll(() => dist.cleanup());

describe('main window', () => {
  it('is created with the security checklist webPreferences', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const prefs = FakeBrowserWindow.created[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(join(dist.path, 'electron', 'preload.cjs'));
  });

  it('loads the app from the custom protocol, not file://', () => {
    expect(FakeBrowserWindow.created[0]!.loadedUrl).toBe('app://ladder/index.html');
    expect((electron.protocol as any).registered).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('refuses new windows and every navigation', () => {
    const contents = FakeBrowserWindow.created[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevented = vi.fn();
      contents.emit(event, { preventDefault: prevented }, 'https://evil.example');
      expect(prevented).toHaveBeenCalledOnce();
    }
  });

  it('hardens every web contents the app creates, not only the main window', () => {
    const other = new FakeWebContents();
    (electron.app as any).emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' });
    const prevented = vi.fn();
    other.emit('will-navigate', { preventDefault: prevented }, 'https://x.example');
    expect(prevented).toHaveBeenCalled();
    expect(hardenWebContents).toBeTypeOf('function');
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      fakeSession.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(fakeSession.permissionCheckHandler!({}, 'media')).toBe(false);
  });

  it('allows writing to the clipboard (Export → Copy) from the app page only, and never reading it', () => {
    const ask = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      fakeSession.permissionRequestHandler!({}, permission, callback, { requestingUrl } as never);
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(ask('clipboard-sanitized-write', 'app://ladder/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://ladder.evil.example/')).toBe(false);
    expect(ask('clipboard-read', 'app://ladder/index.html')).toBe(false);
    expect(fakeSession.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://ladder')).toBe(true);
    expect(fakeSession.permissionCheckHandler!({}, 'clipboard-read', 'app://ladder')).toBe(false);
  });
});

describe('IPC', () => {
  const invoke = () => handlers.get('ipc:ladder:invoke')!;

  function event(url: string, sameFrame = true) {
    const frame = { url };
    return { senderFrame: frame, sender: { mainFrame: sameFrame ? frame : { url } } };
  }

  it('refuses calls from any page but our own top-level frame', async () => {
    for (const e of [
      event('https://evil.example/'),
      event('file:///etc/passwd'),
      event('app://ladder/index.html', false),
    ]) {
      await expect(invoke()(e, 'app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('validates the method and arguments before relaying', async () => {
    const ours = event('app://ladder/index.html');
    await expect(invoke()(ours, '__proto__', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    await expect(invoke()(ours, 'workspace.open', { path: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('answers the native open dialog itself', async () => {
    await expect(invoke()(event('app://ladder/index.html'), 'dialog.openWorkspace', {})).resolves.toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('answers the export save dialog itself, proposing the file name and its extension', async () => {
    await expect(
      invoke()(event('app://ladder/index.html'), 'dialog.saveFile', { defaultName: 'seven-signal-table.duckdb.sql' }),
    ).resolves.toEqual({
      ok: true,
      value: { path: expect.stringMatching(/^ladder-file:[0-9a-f]{32}$/) },
    });
    const { dialog } = (await import('electron')) as unknown as { dialog: { saveRequests: unknown[] } };
    expect(dialog.saveRequests.at(-1)).toMatchObject({
      defaultPath: 'seven-signal-table.duckdb.sql',
      filters: [{ extensions: ['sql'] }, { extensions: ['*'] }],
    });
  });
});

describe('paths from the window', () => {
  const invoke = () => handlers.get('ipc:ladder:invoke')!;
  const ours = { senderFrame: { url: 'app://ladder/index.html' }, sender: {} as { mainFrame: unknown } };
  ours.sender.mainFrame = ours.senderFrame;
  const pack = { schemaVersion: 1 };
  const backendMessages = () => (electron.utilityProcess as unknown as { posted: any[] }).posted;

  it('are never taken as typed: a raw path is refused before it reaches the backend', async () => {
    const before = backendMessages().length;
    for (const [name, args] of [
      ['import.analyze', { path: '/etc/passwd', kind: 'accounts' }],
      ['export.save', { format: 'sql', pack, path: '/home/user/.bashrc' }],
      ['workspace.open', { path: '/etc/shadow' }],
      ['workspace.createDemo', { path: '/home/user/important.ladder', overwrite: true }],
    ] as const) {
      await expect(invoke()(ours, name, args)).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/only use files chosen in Ladder’s own dialogs/) },
      });
    }
    expect(backendMessages().length).toBe(before);
  });

  it('reach the backend only as the handle a main-process dialog issued, for the same use', async () => {
    const saved = (await invoke()(ours, 'dialog.saveFile', { defaultName: 'x.sql' })) as { value: { path: string } };
    const handle = saved.value.path;
    const reply = (await invoke()(ours, 'export.save', { format: 'sql', pack, path: handle })) as {
      value: { name: string; args: { path: string }; grants: unknown[] };
    };
    expect(reply.value).toMatchObject({
      name: 'export.save',
      args: { path: '/chosen/by-user.sql' },
      grants: [{ path: '/chosen/by-user.sql', access: 'write' }],
    });
    // A save handle does not open a file for reading, nor does a made-up handle work.
    await expect(invoke()(ours, 'import.analyze', { path: handle, kind: 'accounts' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(
      invoke()(ours, 'export.save', { format: 'sql', pack, path: 'ladder-file:00000000000000000000000000000000' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('app protocol', () => {
  it('serves renderer files with the CSP header and refuses other hosts', async () => {
    const handle = handlers.get('protocol:app') as (r: Request) => Promise<Response>;
    const page = await handle(new Request('app://ladder/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });
});
