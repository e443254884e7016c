/**
 * The desktop build in Electron itself (Playwright's _electron). It needs Electron's binary, which
 * the build machine cannot download: there the test is skipped and says so.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from './support/world.ts';

function electronBinary(): string | null {
  try {
    const dir = join(createRequire(import.meta.url).resolve('electron'), '..');
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

test('the desktop console opens its window, signs in an administrator after set-up', async () => {
  const binary = electronBinary();
  if (!binary) {
    const reason =
      'SKIPPED: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD, no network); run `npx install-electron` on a machine that ' +
      'can download it';
    console.warn(reason);
    test.skip(true, reason);
    return;
  }
  const data = mkdtempSync(join(tmpdir(), 'hcc-electron-'));
  const app = await electron.launch({ executablePath: binary, args: [ROOT], env: { ...process.env, HCC_DATA_DIR: data } });
  const window = await app.firstWindow();
  await expect(window.getByTestId('setup-name')).toBeVisible();
  // No Node in the page; only the narrow bridge.
  const page = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as { hcc?: object }).hcc ?? {}).sort(),
  }));
  expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'chooseFolder', 'exportFile', 'onEvent'] });
  await app.close();
});
