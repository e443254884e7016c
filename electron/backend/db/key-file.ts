/**
 * Key files: the database key for the CLI and `hcc serve` (and the default for any caller that
 * does not pass a key). 32 random bytes, created 0600 on first use; a file of 64 hexadecimal
 * digits is accepted too, for keys made by other tools. The key is never an argument on the
 * command line (where `ps` shows it) and never printed.
 *
 * Interpretation (README "Encryption at rest"): with no --key-file and no HCC_DB_KEY_FILE, the key
 * file is `<database>.key` beside the database. A new database is created encrypted with it; an
 * existing database without a key file beside it is taken to be clear (from before encryption) and
 * opens clear until `hcc encrypt` converts it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivateDir, writePrivateFile } from '../files/private-files.ts';
import { DatabaseOpenError } from './database-errors.ts';
import { DB_KEY_BYTES } from './db-key.ts';

/** `<database>.key`, beside the real file: a database reached through a link has the same key file. */
export function defaultKeyFilePath(dbFile: string): string {
  try {
    return `${realpathSync(dbFile)}.key`;
  } catch {
    return `${dbFile}.key`;
  }
}

/** The key file named by --key-file or HCC_DB_KEY_FILE, else null (then the default beside the database). */
export function keyFileFromEnvironment(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  return option ?? (env.HCC_DB_KEY_FILE ? env.HCC_DB_KEY_FILE : null);
}

export function readKeyFile(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new DatabaseOpenError(
      'key_unreadable',
      `cannot read the key file ${path} (${code}); check the --key-file path (or HCC_DB_KEY_FILE) and that it is yours`,
      `无法读取密钥文件 ${path}（${code}），请检查 --key-file 路径（或 HCC_DB_KEY_FILE）以及该文件是否属于您`,
    );
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new DatabaseOpenError(
      'key_unreadable',
      `the key file ${path} may be read by other accounts; make it yours alone (chmod 600 ${path}) and try again`,
      `密钥文件 ${path} 可被其他账户读取，请将其设为仅本人可读（chmod 600 ${path}）后重试`,
    );
  }
  const hex = bytes.toString('latin1').trim();
  if (bytes.length === DB_KEY_BYTES) return bytes;
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  throw new DatabaseOpenError(
    'key_unreadable',
    `the key file ${path} holds no database key (expected 32 bytes or 64 hexadecimal digits, found ${bytes.length} bytes); name the key file the ` +
      `database was encrypted with`,
    `密钥文件 ${path} 中没有数据库密钥（应为 32 字节或 64 位十六进制数字，实际 ${bytes.length} 字节），请指定加密该数据库时使用的密钥文件`,
  );
}

/** Create a new key file (0600, its folder 0700 if new) with 32 random bytes; an existing one is read instead. */
export function readOrCreateKeyFile(path: string): { key: Buffer; created: boolean } {
  if (existsSync(path)) return { key: readKeyFile(path), created: false };
  makePrivateDir(dirname(path));
  const key = randomBytes(DB_KEY_BYTES);
  // Written whole under another name, then linked into place: a reader never sees half a key, and
  // the link fails if another process made the key first (then theirs is the key).
  const partial = `${path}.partial-${process.pid}-${Date.now().toString(36)}`;
  try {
    writePrivateFile(partial, key, 'wx');
    linkInto(partial, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { key: readKeyFile(path), created: false };
    throw err;
  } finally {
    rmSync(partial, { force: true });
  }
  return { key, created: true };
}

/** A hard link where the file system has them; else (FAT, some shares) a rename that does not replace. */
function linkInto(partial: string, path: string): void {
  try {
    linkSync(partial, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    if (existsSync(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(partial, path);
  }
}

/**
 * The key for opening `dbFile` when the caller names no key: the key file beside it if there is
 * one; for a database not yet created, a new key file there; else null (an existing clear database).
 */
export function defaultKeyFor(dbFile: string, readonly: boolean): Buffer | null {
  const keyFile = defaultKeyFilePath(dbFile);
  if (existsSync(keyFile)) return readKeyFile(keyFile);
  if (readonly || (existsSync(dbFile) && statSync(dbFile).size > 0)) return null;
  return readOrCreateKeyFile(keyFile).key;
}
