/**
 * The Electron main process: single instance, the data folder in the user's app-data, one secure
 * window showing the renderer from app:// (app-protocol.ts), the IPC transport and the guards.
 * Electron's module is passed in, so tests run this with a stub where the Electron binary cannot run.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import type { ConsoleServices } from '../backend/api/context.ts';
import { defaultDataDir } from '../backend/app/data-dir.ts';
import { createConsoleServices } from '../backend/api/console-services.ts';
import { eventVisibleTo } from '../backend/jobs/event-audience.ts';
import { openDesktopDatabaseOrExplain } from './database-key.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { registerIpc } from './ipc.ts';
import { guardApp, guardSession } from './security.ts';
import { APP_INDEX_URL, acceptedDevServerUrl, trustedPages } from './trusted-url.ts';
import { secureWindowOptions } from './window-options.ts';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'protocol' | 'dialog' | 'shell' | 'Menu' | 'safeStorage'
>;

export interface StartOptions {
  /** The built renderer and preload (out/), and the packaged resources (map data). */
  outDir: string;
  resourcesDir?: string;
  /** ELECTRON_RENDERER_URL: taken only when unpackaged and on this machine (acceptedDevServerUrl). */
  devServerUrl?: string;
}

export interface RunningConsole {
  services: ConsoleServices;
  window: Electron.BrowserWindow;
}

/** Returns null when another instance runs (that one is focused instead). */
export async function startConsole(electron: ElectronModule, options: StartOptions): Promise<RunningConsole | null> {
  const { app, BrowserWindow, ipcMain, session, protocol, dialog, shell, Menu } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.setPath('userData', defaultDataDir());
  registerAppScheme(protocol);
  const dev = acceptedDevServerUrl(options.devServerUrl, app.isPackaged);
  if (dev.ignored) console.warn(`${dev.ignored}; the built page is shown instead.`);
  await app.whenReady();
  const dataDir = app.getPath('userData');
  // Encrypted with the key the system key store keeps for this account (database-key.ts).
  const db = openDesktopDatabaseOrExplain(electron, dataDir);
  const services = createConsoleServices(db, dataDir, options.resourcesDir ? { resourcesDir: options.resourcesDir } : {});

  const pages = trustedPages(options.outDir, dev.url ?? undefined);
  handleAppProtocol(protocol, pages.rendererDir);
  guardSession(session.defaultSession);
  guardApp(app, shell, pages);
  Menu.setApplicationMenu(null);

  const window = new BrowserWindow(secureWindowOptions(join(options.outDir, 'preload', 'index.cjs')));
  const ipc = registerIpc(services, {
    ipcMain,
    dialog,
    windowOf: (e) => BrowserWindow.fromWebContents(e.sender),
    downloadsDir: app.getPath('downloads'),
    pages,
  });
  // Events go to the window while it is signed in, and only those its user's role may see (none
  // of a job's while the account must first choose its own password).
  const unsubscribe = services.events.subscribe((e) => {
    const signedIn = window.isDestroyed() ? null : services.sessions.get(ipc.tokenOf(window.webContents.id));
    if (signedIn && eventVisibleTo(e, signedIn.mustChangePassword ? null : signedIn.user.role)) window.webContents.send('hcc:event', e);
  });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    unsubscribe();
    void services.jobs.close().then(() => {
      db.close();
      app.quit();
    });
  });

  window.once('ready-to-show', () => window.show());
  await window.loadURL(dev.url ?? APP_INDEX_URL);
  return { services, window };
}
