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
      value: { path: '/chosen/by-user.sql' },
    });
    const { dialog } = (await import('electron')) as unknown as { dialog: { saveRequests: unknown[] } };
    expect(dialog.saveRequests.at(-1)).toMatchObject({
      defaultPath: 'seven-signal-table.duckdb.sql',
      filters: [{ extensions: ['sql'] }, { extensions: ['*'] }],
    });
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
