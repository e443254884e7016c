/**
 * `hcc encrypt`: a clear database (from before encryption) becomes an encrypted one. The encrypted
 * copy is written beside it under another name, verified (integrity check, schema, the same rows
 * in every table), made durable, and only then renamed over the clear file in one atomic step. A
 * kill at any moment leaves either the clear database or the encrypted one complete, never neither:
 * before the rename the clear file is untouched (a half-written `.encrypting` copy is removed by the
 * next run), after it the file is the verified encrypted copy.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateFile } from '../files/private-files.ts';
import { rekeyCopy, rowCounts, verifyCopy } from './backup.ts';
import { DatabaseOpenError } from './database-errors.ts';
import { openDatabase } from './database.ts';
import { databaseKeyOf } from './db-key.ts';

export interface EncryptResult {
  file: string;
  /** False when the database was already encrypted with this key (nothing done). */
  converted: boolean;
  tables: number;
  rows: number;
}

export function encryptDatabaseFile(file: string, key: Buffer): EncryptResult {
  const partial = `${file}.encrypting`;
  for (const stale of [partial, `${partial}-journal`]) rmSync(stale, { force: true });
  const db = openDatabase(file, { key, skipIntegrityCheck: true });
  let closed = false;
  try {
    if (databaseKeyOf(db) !== null) {
      const counts = rowCounts(db);
      return { file, converted: false, tables: Object.keys(counts).length, rows: sum(counts) };
    }
    holdAlone(db, file);
    const counts = rowCounts(db);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new DatabaseOpenError(
        'damaged',
        `the database ${file} is damaged (${String(integrity)}); restore it from a backup before encrypting`,
        `数据库 ${file} 已损坏，请先从备份恢复再加密`,
      );
    ensurePrivateFile(partial);
    db.prepare('VACUUM INTO ?').run(partial);
    rekeyCopy(partial, null, key);
    verifyCopy(db, partial, key, counts);
    syncFile(partial);
    db.close();
    closed = true;
    // Leaving WAL mode (holdAlone) folded the WAL into the file and removed it; a WAL of the clear
    // database beside the encrypted one would be replayed into it, so never rename while one exists.
    if (existsSync(`${file}-wal`))
      throw new Error(`${file}-wal is still there; close every program using the database and run hcc encrypt again`);
    renameSync(partial, file);
    syncFolder(dirname(file));
    rmSync(`${file}-shm`, { force: true });
    return { file, converted: true, tables: Object.keys(counts).length, rows: sum(counts) };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    if (!closed) db.close();
  }
}

/**
 * Nobody else may use the database while it is converted (their writes would go to the clear file
 * about to be replaced): leave WAL for a rollback journal, which needs every other connection
 * closed, and keep an exclusive lock until this connection closes.
 */
function holdAlone(db: ReturnType<typeof openDatabase>, file: string): void {
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    if (String(db.pragma('journal_mode = DELETE', { simple: true })) !== 'delete') throw new Error('busy');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch {
    throw new DatabaseOpenError(
      'locked',
      `the database ${file} is in use (the desktop console, hcc serve or a sync?); close it and run hcc encrypt again`,
      `数据库 ${file} 正在使用中（桌面控制台、hcc serve 或同步？），请关闭后重新运行 hcc encrypt`,
    );
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename itself made durable; Windows cannot open a folder for fsync (NTFS journals renames). */
function syncFolder(path: string): void {
  if (process.platform !== 'win32') syncFile(path);
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
