/**
 * The audit chain's HMAC key, chosen in this one place. The key never sits in the database it
 * protects, so a person who can rewrite the file cannot recompute a chain that verifies:
 * - a key file beside the database (`<db>.audit-key`, 32 random bytes, 0600) when there is one:
 *   a clear database creates it on its first keyed entry, and a database encrypted later keeps
 *   it, because the entries written before encryption were chained with it;
 * - otherwise, for an encrypted database, a key derived from the database key (db-key.ts), so it
 *   lives wherever that key lives (safeStorage, the key file of the CLI);
 * - an in-memory database (tests) gets a random key for its lifetime.
 * Keys are cached per connection: audit() runs on hot paths (every sign-in, every unmasking).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { Db } from '../db/database.ts';
import { auditKeyFor, databaseKeyOf } from '../db/db-key.ts';

export const AUDIT_KEY_BYTES = 32;

const keys = new WeakMap<Db, Buffer>();

/** The path of a database's sidecar file (`<db>.<suffix>`), or null for an in-memory database. */
export function besideDatabase(db: Db, suffix: string): string | null {
  if (db.memory || db.name === '' || db.name === ':memory:') return null;
  return `${db.name}.${suffix}`;
}

export function auditKeyFile(db: Db): string | null {
  return besideDatabase(db, 'audit-key');
}

/** The key to append with: created (clear database, first keyed entry) when there is none yet. */
export function auditChainKey(db: Db): Buffer {
  const cached = keys.get(db);
  if (cached) return cached;
  const key = existingKey(db) ?? createKey(db);
  keys.set(db, key);
  return key;
}

/** The key to verify with, never created: null when a clear database's key file is missing. */
export function existingAuditChainKey(db: Db): Buffer | null {
  const cached = keys.get(db);
  if (cached) return cached;
  const key = existingKey(db);
  if (key) keys.set(db, key);
  return key;
}

const keyIds = new WeakMap<Buffer, string>();

/** A key's fingerprint, recorded with each keyed segment of the chain (never the key itself). */
export function auditKeyId(key: Buffer): string {
  let id = keyIds.get(key);
  if (id === undefined) {
    id = createHmac('sha256', key).update('hcc audit key id').digest('hex').slice(0, 16);
    keyIds.set(key, id);
  }
  return id;
}

/** Every audit key this connection can reach, by fingerprint: the key file and the database key's. */
export function auditKeyCandidates(db: Db): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const file = auditKeyFile(db);
  const dbKey = databaseKeyOf(db);
  for (const key of [
    file !== null && existsSync(file) ? readKeyFile(file) : null,
    dbKey ? auditKeyFor(dbKey) : null,
    keys.get(db) ?? null,
  ]) {
    if (key) found.set(auditKeyId(key), key);
  }
  return found;
}

/**
 * A copy of the database (a backup) verifies only with the key its chain was written with. When
 * the copy's own database key does not derive that key (a clear database's key file, a backup
 * under another key), the key goes beside the copy as `<copy>.audit-key`, 0600.
 */
export function keepAuditKeyWithCopy(db: Db, copyFile: string, copyDbKey: Buffer | null): void {
  const key = existingAuditChainKey(db);
  if (!key || (copyDbKey && auditKeyFor(copyDbKey).equals(key))) return;
  const target = `${copyFile}.audit-key`;
  const partial = `${target}.partial-${process.pid}-${Date.now().toString(36)}`;
  try {
    writeFileSync(partial, key, { mode: 0o600, flag: 'wx' });
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

function existingKey(db: Db): Buffer | null {
  const file = auditKeyFile(db);
  if (file !== null && existsSync(file)) return readKeyFile(file);
  const dbKey = databaseKeyOf(db);
  return dbKey ? auditKeyFor(dbKey) : null;
}

function createKey(db: Db): Buffer {
  const file = auditKeyFile(db);
  const key = randomBytes(AUDIT_KEY_BYTES);
  if (file === null) return key;
  // Written whole under a temporary name and linked into place: link fails if another process
  // created the key first, and then that key is the one (two keys would split the chain).
  const partial = `${file}.partial-${process.pid}-${Date.now().toString(36)}`;
  try {
    const fd = openSync(partial, 'wx', 0o600);
    try {
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(partial, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return readKeyFile(file);
    }
    return key;
  } catch (e) {
    throw new Error(
      `cannot create the audit key ${file} (${(e as Error).message}); the folder of the database must be writable / 无法创建审计密钥文件，请检查数据库所在文件夹是否可写`,
    );
  } finally {
    rmSync(partial, { force: true });
  }
}

function readKeyFile(file: string): Buffer {
  const key = readFileSync(file);
  if (key.length !== AUDIT_KEY_BYTES) {
    throw new Error(
      `the audit key ${file} is damaged (${key.length} bytes, expected ${AUDIT_KEY_BYTES}); restore it from the copy kept with the database / ` +
        `审计密钥文件已损坏，请从与数据库一起保存的副本恢复`,
    );
  }
  return key;
}
