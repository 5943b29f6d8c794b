// A stand-in for the `electron` module in main-process unit tests (Electron cannot run here). It
// records what the main process asks of Electron so tests can check the security settings.
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  mainFrame = { url: 'app://ladder/index.html' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  reload() {}
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const handlers = new Map<string, (...args: any[]) => unknown>();

export const fakeSession = {
  permissionRequestHandler: undefined as
    undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details?: unknown) => void),
  permissionCheckHandler: undefined as undefined | ((...args: unknown[]) => boolean),
  setPermissionRequestHandler(
    h: (wc: unknown, permission: string, cb: (ok: boolean) => void, details?: unknown) => void,
  ) {
    this.permissionRequestHandler = h;
  },
  setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
    this.permissionCheckHandler = h;
  },
};

export function fakeElectronModule() {
  const appEvents = new EventEmitter();
  return {
    BrowserWindow: FakeBrowserWindow,
    app: Object.assign(appEvents, {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      getPath: () => '/tmp/ladder-user-data',
      isPackaged: false,
      quit: () => {},
    }),
    protocol: {
      registered: [] as unknown[],
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.registered.push(...schemes);
      },
      handle: (scheme: string, handler: (req: Request) => Promise<Response>) =>
        handlers.set(`protocol:${scheme}`, handler),
    },
    session: { defaultSession: fakeSession },
    ipcMain: {
      handle: (channel: string, handler: (...args: any[]) => unknown) => handlers.set(`ipc:${channel}`, handler),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      saveRequests: [] as unknown[],
      async showSaveDialog(...args: unknown[]) {
        this.saveRequests.push(args[args.length - 1]);
        return { canceled: false, filePath: '/chosen/by-user.sql' };
      },
      showErrorBox: () => {},
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
    utilityProcess: {
      /** The backend: records each message and answers with what it received. */
      posted: [] as unknown[],
      fork() {
        const posted = this.posted;
        const child: EventEmitter & { postMessage(m: { id: number }): void; kill(): void } = Object.assign(
          new EventEmitter(),
          {
            postMessage(message: { id: number }) {
              posted.push(message);
              const result = { ok: true, value: message };
              queueMicrotask(() => child.emit('message', { id: message.id, ok: true, value: result }));
            },
            kill: () => {},
          },
        );
        return child;
      },
    },
  };
}
