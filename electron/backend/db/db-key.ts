/**
 * The database key and what is derived from it. The key itself (32 random bytes) lives outside
 * the database: a key file for the CLI and `hcc serve`, a safeStorage-wrapped file in Electron.
 * An opened Db remembers its key here so that the audit chain can derive its own key without the
 * key ever being passed around as a string.
 */
import { hkdfSync } from 'node:crypto';
// The driver's type, not database.ts's alias: database.ts imports this file.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

/** Length of a database key in bytes (SQLCipher's 256-bit raw key). */
export const DB_KEY_BYTES = 32;

const keys = new WeakMap<Db, Buffer>();

/** Record the key a connection was opened with (openDatabase calls this). */
export function rememberDatabaseKey(db: Db, key: Buffer | null): void {
  if (key) keys.set(db, key);
  else keys.delete(db);
}

/** The key an opened database was opened with, or null for a clear (unencrypted) database. */
export function databaseKeyOf(db: Db): Buffer | null {
  return keys.get(db) ?? null;
}

/**
 * A key as it arrives in a worker thread: a Buffer in workerData or a message is cloned as a plain
 * Uint8Array. (Keys go to workers this way only, never through the environment or argv.)
 */
export function keyFromWorker(key: Uint8Array | null | undefined): Buffer | null {
  return key ? Buffer.from(key) : null;
}

/**
 * The audit chain's HMAC key: HKDF-SHA256 of the database key, so it lives wherever the database
 * key lives and never sits in the database it protects.
 */
export function auditKeyFor(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'hcc audit chain v1', 32));
}
