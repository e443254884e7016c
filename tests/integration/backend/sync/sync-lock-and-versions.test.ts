/**
 * Two small parts of a dependable sync: the lock that keeps one sync per database, and the file's
 * own timestamp that orders upsert versions (EXCHANGE.md).
 */
import { statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { versionTimeFromName } from '../../../../electron/backend/import/file-version.ts';
import { SyncBusyError, acquireSyncLock } from '../../../../electron/backend/sync/sync-lock.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const BUSY = /^another sync is running on this database; wait for it to finish$/;

describe('the sync lock', () => {
  test('a holder keeps it until it lets go, whatever process number the database names', () => {
    const file = join(tempDir(), 'c.db');
    const first = openDatabase(file);
    const second = openDatabase(file, { skipIntegrityCheck: true });
    // The lock of an older version, naming process 1 (always alive): it decides nothing any more.
    first
      .prepare("INSERT INTO settings (key, value) VALUES ('sync.lock', ?)")
      .run(JSON.stringify({ pid: 1, host: 'here', at: Date.now() }));
    const release = acquireSyncLock(first);
    expect(() => acquireSyncLock(second)).toThrow(SyncBusyError);
    expect(() => acquireSyncLock(first)).toThrow(BUSY);
    release();
    release();
    acquireSyncLock(second)();
    // Nobody else may hold (and so block) this database's syncs.
    expect(statSync(`${file}.sync-lock`).mode & 0o777).toBe(0o600);
    first.close();
    second.close();
  });

  test('the database reached through a link has the same lock', () => {
    const dir = tempDir();
    const file = join(dir, 'c.db');
    symlinkSync(file, join(dir, 'link.db'));
    const direct = openDatabase(file);
    const linked = openDatabase(join(dir, 'link.db'), { skipIntegrityCheck: true });
    const release = acquireSyncLock(direct);
    expect(() => acquireSyncLock(linked)).toThrow(SyncBusyError);
    release();
    direct.close();
    linked.close();
  });

  test('an in-memory database is locked within the process', () => {
    const db = openDatabase(':memory:', { skipIntegrityCheck: true });
    const release = acquireSyncLock(db);
    expect(() => acquireSyncLock(db)).toThrow(BUSY);
    release();
    acquireSyncLock(db)();
    db.close();
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
