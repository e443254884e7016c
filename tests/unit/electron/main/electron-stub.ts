/**
 * A stand-in for Electron's module (the binary cannot run on the build machine): just enough of
 * app, BrowserWindow, ipcMain, session, protocol, dialog (save and folder dialogs), shell and Menu
 * to run the main process's code and look at what it configured.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
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

export interface PrivilegedScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

export function fakeElectron(
  dataDir: string,
  options: { singleInstance?: boolean; saveTo?: string; folder?: string; packaged?: boolean; keyStore?: FakeKeyStore } = {},
) {
  const paths = new Map<string, string>([['downloads', dataDir]]);
  let ready = false;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.packaged ?? false,
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    quit: vi.fn(),
    whenReady: async () => {
      ready = true;
    },
    setPath: (name: string, p: string) => paths.set(name, p),
    getPath: (name: string) => paths.get(name) ?? dataDir,
  });
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const session = {
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    headers: null as
      null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  };
  // Electron accepts privileged schemes only before ready: remember when they came.
  const protocol = {
    schemes: [] as PrivilegedScheme[],
    schemesBeforeReady: null as boolean | null,
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
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
    protocol: {
      registerSchemesAsPrivileged: (schemes: PrivilegedScheme[]) => {
        protocol.schemes.push(...schemes);
        protocol.schemesBeforeReady = !ready;
      },
      handle: (scheme: string, fn: (request: Request) => Response | Promise<Response>) => protocol.handlers.set(scheme, fn),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async () => (options.saveTo ? { canceled: false, filePath: options.saveTo } : { canceled: true })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) =>
        options.folder ? { canceled: false, filePaths: [options.folder] } : { canceled: true, filePaths: [] },
      ),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    Menu: { setApplicationMenu: vi.fn() },
    safeStorage: options.keyStore ?? new FakeKeyStore(),
  };
  return { electron, handlers, session, protocol };
}

/**
 * safeStorage: wraps with a secret of this "account" (AES-GCM, like DPAPI's per-user key), so a
 * wrapped key opens only with the same store; `available: false` is a machine with no key store,
 * `backend: 'basic_text'` Linux without a keyring.
 */
export class FakeKeyStore {
  readonly secret = randomBytes(32);
  readonly available: boolean;
  readonly backend: string;
  constructor(available = true, backend = 'gnome_libsecret') {
    this.available = available;
    this.backend = backend;
  }
  isEncryptionAvailable = () => this.available;
  getSelectedStorageBackend = () => this.backend;
  encryptString = (text: string): Buffer => {
    if (!this.available) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.secret, iv);
    const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  };
  decryptString = (wrapped: Buffer): string => {
    const d = createDecipheriv('aes-256-gcm', this.secret, wrapped.subarray(0, 12));
    d.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([d.update(wrapped.subarray(28)), d.final()]).toString('utf8');
  };
}

/** An IPC event as Electron gives it to ipcMain.handle. */
export function ipcEvent(contents: FakeWebContents, frameUrl: string) {
  return { sender: contents, senderFrame: { url: frameUrl } };
}
