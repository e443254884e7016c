/**
 * The desktop's database key (issue 12): made on first start, kept wrapped by the system key store
 * (safeStorage, stubbed here) in the app-data folder, never in the clear; no key store, no start.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { databaseKeyOf } from '../../../../electron/backend/db/db-key.ts';
import { type ElectronModule, startConsole } from '../../../../electron/main/app-main.ts';
import { WRAPPED_KEY_FILE } from '../../../../electron/main/database-key.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { FakeKeyStore, FakeWindow, fakeElectron } from './electron-stub.ts';

const tempDir = useTempDir();
const OUT = '/opt/hcc/out';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const mode = (path: string): number => statSync(path).mode & 0o777;
let running: Awaited<ReturnType<typeof startConsole>> = null;

beforeEach(() => {
  FakeWindow.instances = [];
});
afterEach(async () => {
  await stop();
  delete process.env.HCC_DATA_DIR;
});

async function stop(): Promise<void> {
  await running?.services.jobs.close();
  running?.services.db.close();
  running = null;
}

let lastFake: ReturnType<typeof fakeElectron> | null = null;

async function start(dataDir: string, keyStore: FakeKeyStore) {
  process.env.HCC_DATA_DIR = dataDir;
  lastFake = fakeElectron(dataDir, { keyStore });
  running = await startConsole(lastFake.electron as unknown as ElectronModule, { outDir: OUT });
  return running!;
}

describe('the desktop database key', () => {
  test('made on first start, wrapped by the key store in the 0700 app-data folder; the database is encrypted with it', async () => {
    const dataDir = join(tempDir(), 'BinzhouHealthCodeConsole');
    const store = new FakeKeyStore();
    const { services } = await start(dataDir, store);
    const wrapped = join(dataDir, WRAPPED_KEY_FILE);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(wrapped)).toBe(0o600);
    const key = databaseKeyOf(services.db)!;
    expect(key).toHaveLength(32);
    expect(store.decryptString(readFileSync(wrapped))).toBe(key.toString('hex'));
    // Never in the clear: not in the wrapped file, and no plain key file beside the database.
    expect(readFileSync(wrapped).includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(readFileSync(wrapped).includes(key)).toBe(false);
    expect(existsSync(join(dataDir, 'console.db.key'))).toBe(false);
    services.db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '371602199001011234')").run();
    await stop();
    const file = join(dataDir, 'console.db');
    expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(mode(file)).toBe(0o600);
    expect(() => openDatabase(file, { readonly: true })).toThrow(/cannot be read without a key/);

    // The next start unwraps the same key and reads what was written.
    const again = await start(dataDir, store);
    expect(databaseKeyOf(again.services.db)?.equals(key)).toBe(true);
    expect(again.services.db.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '371602199001011234' });
  });

  test("another account's key store cannot unwrap the key: the start fails saying so", async () => {
    const dataDir = tempDir();
    await start(dataDir, new FakeKeyStore());
    await stop();
    await expect(start(dataDir, new FakeKeyStore())).rejects.toThrow(
      /cannot be unwrapped by this account's key store.*start the console as the account that created it/,
    );
  });

  test('no key store (or Linux basic_text) refuses to start rather than keep the key in the clear', async () => {
    for (const store of [new FakeKeyStore(false), new FakeKeyStore(true, 'basic_text')]) {
      const dataDir = tempDir();
      await expect(start(dataDir, store)).rejects.toThrow(/system key store is not available.*cannot be kept safely/);
      // Said in a message box in both languages (no window yet), and the app quits.
      expect(lastFake!.electron.dialog.showErrorBox).toHaveBeenCalledWith(
        expect.any(String),
        expect.stringMatching(/key store is not available[\s\S]*系统密钥库不可用/),
      );
      expect(lastFake!.electron.app.quit).toHaveBeenCalled();
      expect(existsSync(join(dataDir, WRAPPED_KEY_FILE))).toBe(false);
      expect(existsSync(join(dataDir, 'console.db'))).toBe(false);
    }
  });

  test('a clear database from before encryption is converted on first start, its data kept', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'console.db');
    const clear = openDatabase(file, { key: null });
    clear.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
    clear.close();
    expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
    const { services } = await start(dataDir, new FakeKeyStore());
    expect(databaseKeyOf(services.db)).not.toBeNull();
    expect(services.db.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(existsSync(`${file}.encrypting`)).toBe(false);
  });

  test('a key file made by hcc serve on the same data folder is used, so both open one database', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'console.db');
    const served = openDatabase(file);
    served.close();
    const serveKey = readFileSync(`${file}.key`);
    const { services } = await start(dataDir, new FakeKeyStore());
    expect(databaseKeyOf(services.db)?.equals(serveKey)).toBe(true);
    expect(existsSync(join(dataDir, WRAPPED_KEY_FILE))).toBe(false);
  });
});
