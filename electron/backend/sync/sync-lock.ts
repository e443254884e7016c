/**
 * One sync at a time per database. The lock is an exclusive SQLite transaction held open, for the
 * whole sync, on a small empty file beside the database (`<db>.sync-lock`): SQLite's lock is a
 * POSIX lock on that file, which the operating system drops the moment its holder dies, however it
 * dies. A killed sync is therefore always resumable, where a process number in the database was
 * not: a SIGKILLed holder that nobody reaps stays a zombie that kill(pid, 0) reports alive, and a
 * number from before a restart may belong to another program.
 *
 * The lock file is not the database: it holds no data and is never encrypted, and taking it opens
 * no second handle on the database itself (closing one would drop this process's SQLite locks).
 */
import { closeSync, openSync, realpathSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/database.ts';

export class SyncBusyError extends Error {}

const BUSY_MESSAGE = 'another sync is running on this database; wait for it to finish';

/**
 * The open lock connections. A connection nobody refers to is closed when it is garbage-collected,
 * which would let go of the lock in the middle of a sync whose caller kept only the release.
 */
const held = new Set<Database.Database>();

/** An in-memory database has no file to lock, and no other process can reach it. */
const heldInMemory = new WeakSet<Db>();

/** Takes the sync lock of `db`'s file, or throws SyncBusyError at once. Returns the release. */
export function acquireSyncLock(db: Db): () => void {
  if (db.memory) return acquireInMemory(db);
  const file = lockFile(db.name);
  // No waiting (timeout 0): a sync that is running will not end soon; the person is told now.
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new SyncBusyError(BUSY_MESSAGE);
    throw err;
  }
  held.add(lock);
  return () => {
    if (!held.delete(lock)) return;
    // Closing the connection ends the transaction and lets go of the file's lock.
    lock.close();
  };
}

function acquireInMemory(db: Db): () => void {
  if (heldInMemory.has(db)) throw new SyncBusyError(BUSY_MESSAGE);
  heldInMemory.add(db);
  return () => heldInMemory.delete(db);
}

/**
 * The lock file of the database at `dbFile`, created readable by its owner only (another account
 * able to lock it could stop every sync). Named after the real path, so the database reached
 * through a link or another relative path has the same lock.
 */
function lockFile(dbFile: string): string {
  const file = `${realpathSync(dbFile)}.sync-lock`;
  try {
    // 'wx' opens only a file that did not exist: one this process may already hold a lock on is
    // never opened outside SQLite, whose locks closing such a handle would drop.
    closeSync(openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return file;
}
