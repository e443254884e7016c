/**
 * The Electron main process: single instance, the data folder in the user's app-data, one secure
 * window, the IPC transport and the guards. Electron's module is passed in, so tests run this with
 * a stub where the Electron binary cannot run.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import type { ConsoleServices } from '../backend/api/context.ts';
import { defaultDataDir, defaultDatabasePath } from '../backend/app/data-dir.ts';
import { createConsoleServices } from '../backend/app/console-services.ts';
import { openDatabase } from '../backend/db/database.ts';
import { registerIpc } from './ipc.ts';
import { guardApp, guardSession } from './security.ts';
import { trustedPages } from './trusted-url.ts';
import { secureWindowOptions } from './window-options.ts';

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'dialog' | 'shell' | 'Menu'>;

export interface StartOptions {
  /** The built renderer and preload (out/), and the packaged resources (map data). */
  outDir: string;
  resourcesDir?: string;
  devServerUrl?: string;
}

export interface RunningConsole {
  services: ConsoleServices;
  window: Electron.BrowserWindow;
}

/** Returns null when another instance runs (that one is focused instead). */
export async function startConsole(electron: ElectronModule, options: StartOptions): Promise<RunningConsole | null> {
  const { app, BrowserWindow, ipcMain, session, dialog, shell, Menu } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.setPath('userData', defaultDataDir());
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const db = openDatabase(defaultDatabasePath(dataDir));
  const services = createConsoleServices(db, dataDir, options.resourcesDir ? { resourcesDir: options.resourcesDir } : {});

  const pages = trustedPages(options.outDir, options.devServerUrl);
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
  // Events go to the window while it is signed in.
  const unsubscribe = services.events.subscribe((e) => {
    if (!window.isDestroyed() && services.sessions.get(ipc.tokenOf(window.webContents.id))) window.webContents.send('hcc:event', e);
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
  if (options.devServerUrl) await window.loadURL(options.devServerUrl);
  else await window.loadFile(pages.indexFile);
  return { services, window };
}
