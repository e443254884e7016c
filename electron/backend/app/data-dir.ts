/**
 * Where the console keeps its database: the user's application-data folder, never the install
 * folder (which is read-only for officers on managed Windows desktops). The same folder Electron's
 * `userData` points to, so the desktop app and `hcc serve` share one database by default.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_FOLDER_NAME = 'BinzhouHealthCodeConsole';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.HCC_DATA_DIR) return env.HCC_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), DATA_FOLDER_NAME);
}

export function defaultDatabasePath(dataDir = defaultDataDir()): string {
  return join(dataDir, 'console.db');
}
