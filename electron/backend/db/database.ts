/**
 * Opening the console's SQLite database: WAL with synchronous=FULL (a committed sync survives a
 * power cut), foreign keys, a busy timeout, an integrity check, and the migrations.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';

export type Db = Database.Database;

/** A database problem a person can act on (damaged file, newer schema, ...). */
export class DatabaseOpenError extends Error {
  readonly code: 'damaged' | 'newer_schema' | 'not_a_database' | 'locked';
  constructor(code: DatabaseOpenError['code'], message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.code = code;
  }
}

export interface OpenOptions {
  /** Skip the integrity check (tests that open the same file many times). */
  skipIntegrityCheck?: boolean;
  readonly?: boolean;
  /** Page cache in MB (default 256: imports). Readers beside a writer need less. */
  cacheMB?: number;
}

/** quick_check reads every page: on open we run it for files up to this size; `hcc backup` verifies any size. */
const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // The file is never opened outside SQLite here: on POSIX, closing any other handle to a file
  // drops every lock this process holds on it, SQLite's included ("How to corrupt an SQLite
  // file", 2.2), and the console opens the database again for every worker and job. A file that
  // is not SQLite is recognised by SQLite's own answer instead.
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
  } catch (err) {
    throw new DatabaseOpenError('not_a_database', `cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    // A day of a city's check-ins lands all over a 300 MB part of the tree: with a 64 MB cache the
    // import ran at 65,000 rows/s, with 256 MB at 155,000 (measured at 4 million residents).
    db.pragma(`cache_size = -${(options.cacheMB ?? 256) * 1024}`);
    db.pragma('temp_store = MEMORY');
    // Checkpoint less often than the default 1000 pages: imports write in large transactions.
    db.pragma('wal_autocheckpoint = 10000');
    if (!options.skipIntegrityCheck && statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') {
        throw new DatabaseOpenError(
          'damaged',
          `the database ${file} is damaged (${oneLine(result)}); restore it from a backup (hcc backup makes one)`,
        );
      }
    }
    if (options.readonly) {
      // A reader beside a writer (worker threads): the writer migrates; a reader only checks.
      if (schemaVersion(db) !== SCHEMA_VERSION) throw new DatabaseOpenError('newer_schema', `the database ${file} is at schema ${schemaVersion(db)}, expected ${SCHEMA_VERSION}`);
    } else migrate(db, file);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    const message = (err as Error).message;
    if (/file is not a database/i.test(message)) {
      throw new DatabaseOpenError('not_a_database', `${file} is not a console database (not an SQLite file); check the --db path or restore from a backup`);
    }
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
      `the database ${file} was written by a newer version of the console (schema ${current}; this version knows up to ${SCHEMA_VERSION}); update the console before opening it`,
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

function oneLine(detail: unknown): string {
  const text = String(detail).replace(/\*\*\* in database main \*\*\*/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? text.slice(0, 157) + '...' : text;
}
