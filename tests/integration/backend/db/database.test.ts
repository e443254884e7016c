import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import { backupDatabase } from '../../../../electron/backend/db/backup.ts';
import { DatabaseOpenError, openDatabase, schemaVersion } from '../../../../electron/backend/db/database.ts';
import { databaseKeyOf } from '../../../../electron/backend/db/db-key.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../electron/backend/db/migrations/index.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('the database file', () => {
  test('an empty file is created, set to WAL with synchronous=FULL and foreign keys, and migrated', () => {
    const db = openDatabase(join(tempDir(), 'new.db'));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    for (const feed of [
      'residents',
      'declarations',
      'checkins',
      'health_records',
      'roaming',
      'travel',
      'medical',
      'enterprises',
      'staff',
      'sites',
      'scans',
      'key_areas',
    ]) {
      expect(tables).toContain(feed);
    }
    for (const t of ['import_batches', 'rejected_rows', 'sync_files', 'sync_runs', 'residents_history', 'roaming_history'])
      expect(tables).toContain(t);
  });

  test.each(MIGRATIONS.map((m) => m.version - 1))('a database at schema %i migrates to the current schema keeping its data', (from) => {
    const file = join(tempDir(), 'old.db');
    const raw = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= from)) {
      if (m.sql) raw.exec(m.sql);
      m.up?.(raw);
      raw.pragma(`user_version = ${m.version}`);
    }
    if (from >= 1) raw.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
    raw.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    if (from >= 1) expect(db.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
  });

  test('a database newer than the code refuses to open and says to update', () => {
    const file = join(tempDir(), 'future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(/newer version of the console.*update the console/);
  });

  test('a file that is not a database, or a damaged one, gets a clear message', () => {
    const dir = tempDir();
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'these are my notes, not a database');
    expect(() => openDatabase(notDb)).toThrow(/not a console database/);

    const damaged = join(dir, 'damaged.db');
    const db = openDatabase(damaged);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    db.close();
    const bytes = readFileSync(damaged);
    // Scribble over a page in the middle of the file, past the header and schema.
    bytes.fill(0x5a, 4096 * 20, 4096 * 20 + 2048);
    writeFileSync(damaged, bytes);
    expect(() => openDatabase(damaged)).toThrow(/damaged.*restore it from a backup/);
  });

  test('backup copies a live database and verifies the copy', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'live.db'));
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    const result = await backupDatabase(db, join(dir, 'copy.db'));
    expect(result).toMatchObject({ integrity: 'ok', schema_version: SCHEMA_VERSION });
    // The backup is encrypted with the database's key, which is not beside the copy.
    const copy = openDatabase(join(dir, 'copy.db'), { key: databaseKeyOf(db) });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
    expect(existsSync(join(dir, 'copy.db'))).toBe(true);
  });
});
