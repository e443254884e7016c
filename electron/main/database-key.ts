/**
 * The desktop's database key: 32 random bytes made on first start, kept wrapped by the system key
 * store (safeStorage: DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux) in the
 * app-data folder. Only this account on this computer can unwrap it. Where no such store is
 * available the console refuses to start rather than keep the key in the clear beside the database.
 *
 * Interpretation (README "Encryption at rest"): a key file `console.db.key` beside the database,
 * made by `hcc serve` on the same data folder, is used as it is, so that the desktop and serve keep
 * sharing one database; and a clear database from before encryption is converted on first start
 * (db/encrypt-database.ts: verified, never leaving neither copy).
 */
import type * as Electron from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDatabasePath } from '../backend/app/data-dir.ts';
import { DatabaseOpenError } from '../backend/db/database-errors.ts';
import { keySourceFile, openDatabase, type Db } from '../backend/db/database.ts';
import { DB_KEY_BYTES, databaseKeyOf } from '../backend/db/db-key.ts';
import { encryptDatabaseFile } from '../backend/db/encrypt-database.ts';
import { defaultKeyFilePath, readKeyFile } from '../backend/db/key-file.ts';
import { makeOwnPrivateDir, writePrivateFile } from '../backend/files/private-files.ts';

export type KeyStore = Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

export const WRAPPED_KEY_FILE = 'console.db.key.wrapped';

const STORE_MISSING = {
  en:
    'the system key store is not available (Windows DPAPI, the macOS Keychain, or on Linux a running, unlocked GNOME Keyring or KWallet), so the ' +
    'database key cannot be kept safely; start the console in a desktop session with a key store (or use hcc serve with a key file: --key-file)',
  zh: '系统密钥库不可用（Windows DPAPI、macOS 钥匙串，或 Linux 上已运行并解锁的 GNOME 密钥环 / KWallet），无法安全保存数据库密钥；请在有密钥库的桌面会话中启动控制台（或使用带密钥文件的 hcc serve：--key-file）',
};

/** The key from the store, made and wrapped on first start. */
export function desktopDatabaseKey(store: KeyStore, dataDir: string): Buffer {
  const wrappedFile = join(dataDir, WRAPPED_KEY_FILE);
  // Linux without a keyring answers "available" with a fixed, public password (basic_text): that is no protection.
  const available = store.isEncryptionAvailable() && store.getSelectedStorageBackend?.() !== 'basic_text';
  if (existsSync(wrappedFile)) {
    let hex: string;
    try {
      hex = store.decryptString(readFileSync(wrappedFile));
    } catch {
      throw new DatabaseOpenError(
        'key_unreadable',
        `the database key in ${wrappedFile} cannot be unwrapped by this account's key store (another Windows or Linux account, or a reinstalled ` +
          `system?); start the console as the account that created it, or restore a backup with its key file`,
        `${wrappedFile} 中的数据库密钥无法由本账户的密钥库解开（其他账户或重装过系统？）；请以创建它的账户启动控制台，或用备份及其密钥文件恢复`,
      );
    }
    const key = Buffer.from(hex, 'hex');
    if (key.length !== DB_KEY_BYTES)
      throw new DatabaseOpenError(
        'key_unreadable',
        `${wrappedFile} holds no database key; restore it from a backup of the data folder`,
        `${wrappedFile} 中没有数据库密钥，请从数据文件夹的备份中恢复`,
      );
    return key;
  }
  if (!available) throw new DatabaseOpenError('key_missing', STORE_MISSING.en, STORE_MISSING.zh);
  const key = randomBytes(DB_KEY_BYTES);
  writePrivateFile(wrappedFile, store.encryptString(key.toString('hex')), 'wx');
  return key;
}

/**
 * The desktop's start: the database opened, or, when its key is missing or wrong, the reason said in
 * a message box in both languages (there is no window yet to say it in) and the app quit.
 */
export function openDesktopDatabaseOrExplain(
  electron: { safeStorage: KeyStore; dialog: Pick<Electron.Dialog, 'showErrorBox'>; app: Pick<Electron.App, 'quit'> },
  dataDir: string,
): Db {
  try {
    return openDesktopDatabase(electron.safeStorage, dataDir);
  } catch (err) {
    if (err instanceof DatabaseOpenError) {
      electron.dialog.showErrorBox(
        '滨州健康码指挥中心 — the database cannot be opened',
        err.messageZh ? `${err.message}\n\n${err.messageZh}` : err.message,
      );
      electron.app.quit();
    }
    throw err;
  }
}

/**
 * Opens the desktop's database with its key, in a 0700 data folder; a clear database is converted
 * first. A `console.db.key` from `hcc serve` wins over the store (the same database for both).
 */
export function openDesktopDatabase(store: KeyStore, dataDir: string): Db {
  makeOwnPrivateDir(dataDir);
  const file = defaultDatabasePath(dataDir);
  const serveKeyFile = defaultKeyFilePath(file);
  const fromServe = existsSync(serveKeyFile);
  const key = fromServe ? readKeyFile(serveKeyFile) : desktopDatabaseKey(store, dataDir);
  const keySource = fromServe
    ? keySourceFile(serveKeyFile)
    : { en: "the key kept by this account's key store", zh: '本账户密钥库中保存的密钥' };
  const db = openDatabase(file, { key, keySource });
  if (databaseKeyOf(db) !== null) return db;
  db.close();
  encryptDatabaseFile(file, key);
  return openDatabase(file, { key, keySource });
}
