/**
 * A stand-in for Electron's module (the binary cannot run on the build machine): just enough of
 * app, BrowserWindow, ipcMain, session, dialog (save and folder dialogs), shell and Menu to run the
 * main process's code and look at what it configured.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export class FakeWindow extends EventEmitter {
  static instances: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: string | null = null;
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeWindow.instances.push(this);
  }
  static fromWebContents(wc: FakeWebContents) {
    return FakeWindow.instances.find((w) => w.webContents === wc) ?? null;
  }
  loadFile = vi.fn(async (f: string) => {
    this.loaded = f;
  });
  loadURL = vi.fn(async (u: string) => {
    this.loaded = u;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = () => false;
  isDestroyed = () => false;
}

export function fakeElectron(dataDir: string, options: { singleInstance?: boolean; saveTo?: string; folder?: string } = {}) {
  const paths = new Map<string, string>([['downloads', dataDir]]);
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    quit: vi.fn(),
    whenReady: async () => undefined,
    setPath: (name: string, p: string) => paths.set(name, p),
    getPath: (name: string) => paths.get(name) ?? dataDir,
  });
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const session = {
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    headers: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof session.permissionRequest) => (session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof session.permissionCheck) => (session.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: typeof session.headers) => (session.headers = fn) },
      },
    },
    dialog: {
      showSaveDialog: vi.fn(async () => (options.saveTo ? { canceled: false, filePath: options.saveTo } : { canceled: true })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => (options.folder ? { canceled: false, filePaths: [options.folder] } : { canceled: true, filePaths: [] })),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    Menu: { setApplicationMenu: vi.fn() },
  };
  return { electron, handlers, session };
}

/** An IPC event as Electron gives it to ipcMain.handle. */
export function ipcEvent(contents: FakeWebContents, frameUrl: string) {
  return { sender: contents, senderFrame: { url: frameUrl } };
}
