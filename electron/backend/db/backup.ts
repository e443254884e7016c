/**
 * Online backup (SQLite's backup API: consistent even while the console writes), then verified:
 * the copy must pass a full integrity check and carry the same schema version.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FileAccessError } from '../files/file-errors.ts';
import { type Db, schemaVersion } from './database.ts';

export interface BackupResult {
  file: string;
  pages: number;
  integrity: 'ok';
  schema_version: number;
}

export async function backupDatabase(db: Db, target: string): Promise<BackupResult> {
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new FileAccessError(`cannot write ${target}: the folder ${folder} does not exist; choose another folder`, `无法写入 ${target}：文件夹 ${folder} 不存在，请选择其他位置`);
  }
  const { totalPages } = await db.backup(target);
  const copy = new Database(target, { readonly: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    const version = copy.pragma('user_version', { simple: true }) as number;
    if (integrity !== 'ok' || version !== schemaVersion(db)) {
      throw new Error(`the backup ${target} failed verification (${String(integrity)}); it was removed, try again`);
    }
    return { file: target, pages: totalPages, integrity: 'ok', schema_version: version };
  } catch (err) {
    copy.close();
    rmSync(target, { force: true });
    throw err;
  } finally {
    if (copy.open) copy.close();
  }
}
