/**
 * Opening the console's SQLite database: encrypted (SQLCipher 4 format, sqlite3mc), WAL with
 * synchronous=FULL (a committed sync survives a power cut), foreign keys, a busy timeout, an
 * integrity check, and the migrations. The file and its -wal/-shm are the owner's alone (0600).
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { ensurePrivateFile, restrictFile } from '../files/private-files.ts';
import { DatabaseOpenError } from './database-errors.ts';
import { rememberDatabaseKey } from './db-key.ts';
import { defaultKeyFilePath, defaultKeyFor } from './key-file.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';

export type Db = Database.Database;

/** Where a key came from, in both languages: "the key file /x/console.db.key". */
export interface KeySource {
  en: string;
  zh: string;
}

export const keySourceFile = (path: string): KeySource => ({ en: `the key file ${path}`, zh: `密钥文件 ${path}` });
export { DatabaseOpenError } from './database-errors.ts';

export interface OpenOptions {
  /** Skip the integrity check (tests that open the same file many times). */
  skipIntegrityCheck?: boolean;
  readonly?: boolean;
  /** Page cache in MB (default 256: imports). Readers beside a writer need less. */
  cacheMB?: number;
  /**
   * The database key (32 bytes); null for a clear database; absent: the key file beside the
   * database (key-file.ts: created with a new database, none means an existing clear one).
   */
  key?: Buffer | null;
  /** Where the key came from, for a wrong-key message (keySourceFile() for a key file). */
  keySource?: KeySource;
}

/** quick_check reads every page: on open we run it for files up to this size; `hcc backup` verifies any size. */
const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;

/**
 * SQLCipher 4's format (so the sqlcipher tools and DB Browser can open a copy with the key), with
 * the key given raw: 32 random bytes need no password stretching, and opening stays a few
 * milliseconds, which matters because every worker and job opens the database again.
 */
export function applyKey(db: Db, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

function connect(file: string, readonly: boolean, key: Buffer | null): Db {
  const db = new Database(file, { readonly });
  try {
    if (key) applyKey(db, key);
    // The first read decides whether the key (or no key) opens this file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const isNotADatabase = (err: unknown): boolean =>
  (err as { code?: unknown }).code === 'SQLITE_NOTADB' || /file is not a database/i.test((err as Error).message);

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const memory = file === ':memory:' || file === '';
  // The file is never opened outside SQLite here: on POSIX, closing any other handle to a file
  // drops every lock this process holds on it, SQLite's included ("How to corrupt an SQLite
  // file", 2.2), and the console opens the database again for every worker and job. A file that
  // is not SQLite is recognised by SQLite's own answer instead. (A new file is created empty and
  // 0600 first, so that SQLite's -wal and -shm inherit that mode.)
  let key: Buffer | null;
  let db: Db;
  try {
    key = memory ? (options.key ?? null) : options.key === undefined ? defaultKeyFor(file, readonly) : options.key;
    if (!readonly && !memory) ensurePrivateFile(file);
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError(
      'not_a_database',
      `cannot open ${file}: ${(err as Error).message}`,
      `无法打开 ${file}：${(err as Error).message}`,
    );
  }
  const keySource =
    options.keySource ?? (options.key === undefined ? keySourceFile(defaultKeyFilePath(file)) : { en: 'the key given', zh: '所给密钥' });
  try {
    db = connect(file, readonly, key);
  } catch (err) {
    if (!isNotADatabase(err))
      throw new DatabaseOpenError(
        'not_a_database',
        `cannot open ${file}: ${(err as Error).message}`,
        `无法打开 ${file}：${(err as Error).message}`,
      );
    db = openUnlocked(file, readonly, key, keySource);
    key = null;
  }
  rememberDatabaseKey(db, key);
  try {
    if (!readonly) db.pragma('journal_mode = WAL');
    if (!readonly && !memory) for (const suffix of ['-wal', '-shm']) restrictFile(file + suffix);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    // A day of a city's check-ins lands all over a 300 MB part of the tree: with a 64 MB cache the
    // import ran at 65,000 rows/s, with 256 MB at 155,000 (measured at 4 million residents).
    db.pragma(`cache_size = -${(options.cacheMB ?? 256) * 1024}`);
    db.pragma('temp_store = MEMORY');
    // Checkpoint less often than the default 1000 pages: imports write in large transactions.
    db.pragma('wal_autocheckpoint = 10000');
    if (!options.skipIntegrityCheck && !memory && statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') {
        throw new DatabaseOpenError(
          'damaged',
          `the database ${file} is damaged (${oneLine(result)}); restore it from a backup (hcc backup makes one)`,
        );
      }
    }
    if (readonly) {
      // A reader beside a writer (worker threads): the writer migrates; a reader only checks.
      if (schemaVersion(db) !== SCHEMA_VERSION)
        throw new DatabaseOpenError('newer_schema', `the database ${file} is at schema ${schemaVersion(db)}, expected ${SCHEMA_VERSION}`);
    } else migrate(db, file);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    const message = (err as Error).message;
    // The key opened the first page (connect), so a page that does not decrypt later is damage.
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new DatabaseOpenError('damaged', `the database ${file} is damaged (${oneLine(message)}); restore it from a backup`);
    }
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new DatabaseOpenError(
      'newer_schema',
      `the database ${file} was written by a newer version of the console (schema ${current}; this version knows up to ${SCHEMA_VERSION}); update ` +
        `the console before opening it`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      if (m.sql) db.exec(m.sql);
      m.up?.(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/**
 * The key did not open the file (or there was no key): a clear database from before encryption
 * still opens clear (until `hcc encrypt`); otherwise say what to do, never "file is not a database".
 */
function openUnlocked(file: string, readonly: boolean, key: Buffer | null, keySource: KeySource): Db {
  if (key) {
    try {
      // databaseKeyOf() says null: the CLI and the desktop warn that it is clear.
      return connect(file, readonly, null);
    } catch (err) {
      if (!isNotADatabase(err)) throw err;
    }
    throw new DatabaseOpenError(
      'wrong_key',
      `the database ${file} is encrypted and ${keySource.en} does not open it; give the key file it was encrypted with (--key-file or ` +
        `HCC_DB_KEY_FILE). Without that key the data cannot be read: restore from a backup and its key`,
      `数据库 ${file} 已加密，${keySource.zh}无法打开它；请提供加密时使用的密钥文件（--key-file 或 HCC_DB_KEY_FILE）。没有该密钥将无法读取数据：请用备份及其密钥恢复`,
    );
  }
  throw new DatabaseOpenError(
    'key_missing',
    `${file} cannot be read without a key: it is either encrypted and its key file is not given (none at ${defaultKeyFilePath(file)}; name it with ` +
      `--key-file or HCC_DB_KEY_FILE), or not a console database at all; check the --db path and the key file`,
    `无法在无密钥的情况下读取 ${file}：它或是已加密而未提供密钥文件（${defaultKeyFilePath(file)} 不存在；请用 --key-file 或 HCC_DB_KEY_FILE 指定），或根本不是控制台数据库；请检查 --db 路径和密钥文件`,
  );
}

function oneLine(detail: unknown): string {
  const text = String(detail)
    .replace(/\*\*\* in database main \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? text.slice(0, 157) + '...' : text;
}
