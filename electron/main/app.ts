// Desktop app lifecycle: one instance, hardened sessions, the renderer on app://ladder, the backend
// in a utility process, native menus and dialogs.
import { app, dialog, protocol, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { appSchemePrivileges, serveRenderer } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { startBackendProcess, type BackendProcess } from './backend-process';
import { chooseNewWorkspace, chooseWorkspace, registerIpc } from './ipc';
import { installMenu } from './menu';
import { messageOf } from '#shared/error-message';

export function startDesktopApp(distDir: string): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  let window: BrowserWindow | null = null;
  let backend: BackendProcess | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  const reportFailure = (title: string, message: string) => dialog.showErrorBox(title, message);

  const openWorkspace = async () => {
    if (!backend) return;
    const { path } = await chooseWorkspace(window);
    if (!path) return;
    const result = await backend.call('workspace.open', { path }, [{ path, access: 'workspace' }]);
    if (!result.ok) reportFailure('Could not open the workspace', result.error.message);
    else window?.webContents.reload();
  };

  const newWorkspace = async () => {
    if (!backend) return;
    const { path } = await chooseNewWorkspace(window);
    if (!path) return;
    const result = await backend.call('workspace.create', { path }, [{ path, access: 'workspace' }]);
    if (!result.ok) reportFailure('Could not create the workspace', result.error.message);
    else window?.webContents.reload();
  };

  const createDemo = async () => {
    if (!backend) return;
    const result = await backend.call('workspace.createDemo', {});
    if (!result.ok) reportFailure('Could not create the demo workspace', result.error.message);
    else window?.webContents.reload();
  };

  app.whenReady().then(
    () => {
      denyAllPermissions(session.defaultSession);
      serveRenderer(protocol, join(distDir, 'renderer'));
      const env: Record<string, string> = { LADDER_DATA_DIR: process.env.LADDER_DATA_DIR ?? app.getPath('userData') };
      if (process.env.LADDER_WORKSPACE) env.LADDER_WORKSPACE = process.env.LADDER_WORKSPACE;
      backend = startBackendProcess(join(distDir, 'electron', 'backend-host.js'), env);
      registerIpc(backend, () => window);
      installMenu({
        openWorkspace: () => void openWorkspace(),
        newWorkspace: () => void newWorkspace(),
        createDemo: () => void createDemo(),
        isPackaged: app.isPackaged,
      });
      window = createMainWindow(join(distDir, 'electron', 'preload.cjs'));
      window.on('closed', () => {
        window = null;
      });
    },
    (error: unknown) => reportFailure('Ladder could not start', messageOf(error)),
  );

  app.on('window-all-closed', () => {
    backend?.stop();
    app.quit();
  });
}
