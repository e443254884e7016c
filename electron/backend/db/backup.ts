/**
 * Backup: a consistent copy (VACUUM INTO reads one snapshot, even while the console writes),
 * encrypted with the database's key or the key given, then verified: the copy must open with that
 * key, pass a full integrity check, carry the same schema version and the same rows per table.
 * The copy is 0600 from its first byte. (SQLite's backup API cannot copy between an encrypted and
 * a clear or differently keyed database; VACUUM INTO writes with the source's cipher and key.)
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { FileAccessError } from '../files/file-errors.ts';
import { ensurePrivateFile } from '../files/private-files.ts';
import { applyKey, type Db, schemaVersion } from './database.ts';
import { databaseKeyOf } from './db-key.ts';

export interface BackupResult {
  file: string;
  pages: number;
  integrity: 'ok';
  schema_version: number;
  encrypted: true;
}

export interface BackupOptions {
  /** The backup's key; default the database's own. Required when the database is still clear. */
  key?: Buffer;
}

export async function backupDatabase(db: Db, target: string, options: BackupOptions = {}): Promise<BackupResult> {
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new FileAccessError(
      `cannot write ${target}: the folder ${folder} does not exist; choose another folder`,
      `无法写入 ${target}：文件夹 ${folder} 不存在，请选择其他位置`,
    );
  }
  const sourceKey = databaseKeyOf(db);
  const key = options.key ?? sourceKey;
  if (!key) {
    throw new FileAccessError(
      "the database is not encrypted, so a backup would be a clear copy of everyone's data; encrypt it first (hcc encrypt --db F), or give the " +
        'backup a key with --key-file',
      '数据库尚未加密，备份将是所有人数据的明文副本；请先加密（hcc encrypt --db F），或用 --key-file 为备份指定密钥',
    );
  }
  ensurePrivateFile(target);
  try {
    // Rows are compared only when no other connection committed meanwhile (data_version moves then):
    // the console may be syncing while an administrator backs up.
    const before = db.pragma('data_version', { simple: true });
    const counts = rowCounts(db);
    db.prepare('VACUUM INTO ?').run(target);
    const unchanged = db.pragma('data_version', { simple: true }) === before;
    if (!sourceKey || !sourceKey.equals(key)) rekeyCopy(target, sourceKey, key);
    const pages = verifyCopy(db, target, key, unchanged ? counts : null);
    return { file: target, pages, integrity: 'ok', schema_version: schemaVersion(db), encrypted: true };
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
}

/** The copy is in rollback-journal mode (VACUUM INTO writes no WAL), where a rekey is safe. */
export function rekeyCopy(file: string, from: Buffer | null, to: Buffer): void {
  const copy = new Database(file);
  try {
    if (from) applyKey(copy, from);
    applyKey(copy, to, 'rekey');
  } finally {
    copy.close();
  }
}

/** The tables and their row counts: what a copy must hold the same of. */
export function rowCounts(db: Db, schema = 'main'): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM ${schema}."${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

/** Open the copy with its key alone and compare it with the source (rows: when `expectedCounts`); the page count on success. */
export function verifyCopy(source: Db, file: string, key: Buffer, expectedCounts: Record<string, number> | null): number {
  const copy = new Database(file, { readonly: true });
  try {
    applyKey(copy, key);
    const integrity = copy.pragma('integrity_check', { simple: true });
    const version = copy.pragma('user_version', { simple: true }) as number;
    if (integrity !== 'ok' || version !== schemaVersion(source)) {
      throw new Error(`the copy ${file} failed verification (${String(integrity)}); it was removed, try again`);
    }
    if (expectedCounts && JSON.stringify(rowCounts(copy)) !== JSON.stringify(expectedCounts))
      throw new Error(`the copy ${file} does not hold the same rows as the database; it was removed, try again`);
    return copy.pragma('page_count', { simple: true }) as number;
  } finally {
    copy.close();
  }
}
