/**
 * Files and folders that hold people's data (the database and its -wal/-shm, key files, backups,
 * uploads, exports, the demo exchange folder) are the owner's alone: 0600 files, 0700 folders.
 * Modes are set explicitly after creation, not left to the umask, which on most desktops lets the
 * group and everyone read (0644). On Windows, Node maps the mode to the read-only bit only; there
 * the per-user app-data folder's ACL is what keeps other accounts out.
 */
import { chmodSync, closeSync, createWriteStream, fchmodSync, mkdirSync, openSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, relative, sep, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Create `path` (and missing parents) as 0700. Only folders this call creates are changed: an
 * existing folder the user chose (Documents, a share) keeps its mode. Returns `path`.
 */
export function makePrivateDir(path: string): string {
  const first = mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return path;
  // mkdir's mode is filtered by the umask; chmod every folder created, from the first down.
  let dir = first;
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const part of relative(first, path).split(sep).filter(Boolean)) {
    dir = join(dir, part);
    chmodSync(dir, PRIVATE_DIR_MODE);
  }
  return path;
}

/** A folder that is the console's own (the data folder): 0700 whether it is new or not. */
export function makeOwnPrivateDir(path: string): string {
  makePrivateDir(path);
  chmodSync(path, PRIVATE_DIR_MODE);
  return path;
}

/** Make an existing file 0600; a file that is not there (yet) is left alone. */
export function restrictFile(path: string): void {
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Write a whole file as 0600 (an existing file is made 0600 too: writeFile keeps an old mode). */
export function writePrivateFile(path: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  const fd = openSync(path, flag, PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Create an empty 0600 file if there is none, and make the file 0600 (SQLite then creates -wal and
 * -shm with the database's mode). An existing file is never opened here, only chmod-ed: on POSIX,
 * closing any handle to a database drops the locks every SQLite connection of this process holds on it.
 */
export function ensurePrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (err) {
    // A file of another account that we may write (a shared database) keeps its owner's mode.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/** A write stream on a 0600 file (created or truncated), opened synchronously so the mode is set before any byte. */
export function createPrivateWriteStream(path: string): WriteStream {
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return createWriteStream(path, { fd });
}

/** The folder of a file we are about to create privately, created 0700 if missing. */
export function makePrivateParent(file: string): void {
  makePrivateDir(dirname(file));
}
