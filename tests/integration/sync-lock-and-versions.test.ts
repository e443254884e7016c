/**
 * Two small parts of a dependable sync: the lock that keeps one sync per database, and the file's
 * own timestamp that orders upsert versions (EXCHANGE.md).
 */
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { versionTimeFromName } from '../../electron/backend/import/file-version.ts';
import { SyncBusyError, acquireSyncLock } from '../../electron/backend/sync/sync-lock.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const plant = (db: ReturnType<typeof openDatabase>, holder: { pid: number; host: string; at: number }) =>
  db.prepare("INSERT INTO settings (key, value) VALUES ('sync.lock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(holder));

describe('the sync lock', () => {
  test('a live holder on this machine keeps it; one from before the machine started does not, whatever its process number', () => {
    const db = openDatabase(join(tempDir(), 'c.db'));
    // Process 1 is always alive: a lock naming it is held while it was taken since boot...
    plant(db, { pid: 1, host: hostname(), at: Date.now() - 1000 });
    expect(() => acquireSyncLock(db)).toThrow(SyncBusyError);
    // ...but a lock taken before this boot is from before a power cut: the number was reused.
    plant(db, { pid: 1, host: hostname(), at: Date.now() - uptime() * 1000 - 60_000 });
    const release = acquireSyncLock(db);
    release();
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'sync.lock'").get()).toEqual({ n: 0 });
  });
});

describe("a file's own timestamp", () => {
  test('the date in the name, not another number such as a county code', () => {
    expect(versionTimeFromName('residents-371602-20200220.csv')).toBe(Date.parse('2020-02-20T00:00:00+08:00'));
    expect(versionTimeFromName('roaming_20200220T0800.xlsx')).toBe(Date.parse('2020-02-20T08:00:00+08:00'));
    expect(versionTimeFromName('residents-2020-02-20.csv')).toBe(Date.parse('2020-02-20T00:00:00+08:00'));
    expect(versionTimeFromName('residents-371602.csv')).toBeNull();
  });
});
