/**
 * The Electron main process: one window, the IPC transport of the console API, and the security
 * guards. Everything else (database, import, rules) is the plain-Node backend.
 */
import { join } from 'node:path';
import { BrowserWindow, app, ipcMain, session, shell } from 'electron';
import { type ApiContext, dispatch } from '../backend/api/dispatch.ts';
import { defaultDataDir, defaultDatabasePath } from '../backend/app/data-dir.ts';
import { isEmptyDatabase, loadDemoCity } from '../backend/app/first-start.ts';
import { openDatabase } from '../backend/db/database.ts';
import { CONTENT_SECURITY_POLICY } from '../backend/server/security-headers.ts';
import { isTrustedUrl } from './trusted-url.ts';
import { secureWindowOptions } from './window-options.ts';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setPath('userData', defaultDataDir());
  void app.whenReady().then(start);
}

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const db = openDatabase(defaultDatabasePath(dataDir));
  const context: ApiContext = { db };

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle('hcc:call', (event, method: unknown, params: unknown) => {
    if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'untrusted sender', messageZh: '不受信任的调用方' } };
    }
    return dispatch(context, String(method), params ?? {});
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isTrustedUrl(url, devServerUrl)) e.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // Links out (e.g. the map data's credit) open in the system browser, never in our window.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    db.close();
    app.quit();
  });

  mainWindow = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  if (devServerUrl) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(join(import.meta.dirname, '../renderer/index.html'));

  if (isEmptyDatabase(db)) await loadDemoCity(db, dataDir);
  mainWindow.webContents.send('hcc:event', { type: 'data-changed' });
}
