/**
 * Holds the console database's write lock from the test, as a long chunk of another writer would:
 * a sync started meanwhile stays running (its worker waits for the lock, up to the 10 s busy
 * timeout), while the console's readers (the dashboard) go on under WAL. Release well within 10 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

export function holdWriteLock(db: string): () => void {
  const conn = new Database(db);
  if (existsSync(`${db}.key`)) {
    // As db/database.ts applyKey: SQLCipher 4 format, the raw key.
    conn.pragma("cipher = 'sqlcipher'");
    conn.pragma('legacy = 4');
    conn.pragma(`key = "x'${readFileSync(`${db}.key`).toString('hex')}'"`);
  }
  conn.exec('BEGIN IMMEDIATE');
  return () => {
    if (!conn.open) return;
    conn.exec('ROLLBACK');
    conn.close();
  };
}
