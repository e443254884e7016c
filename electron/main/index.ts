/** Electron entry: everything else is in app-main.ts (testable with Electron stubbed). */
import { join } from 'node:path';
import * as electron from 'electron';
import { startConsole } from './app-main.ts';

const outDir = join(import.meta.dirname, '..');
void startConsole(electron, {
  outDir,
  // Packaged: electron-builder copies resources/map to <resources>/map.
  ...(electron.app.isPackaged ? { resourcesDir: process.resourcesPath } : {}),
  // electron-vite dev; startConsole ignores it in a packaged build (acceptedDevServerUrl).
  ...(process.env.ELECTRON_RENDERER_URL ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {}),
});
