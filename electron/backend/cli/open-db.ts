import { existsSync, statSync } from 'node:fs';
import { keySourceFile, openDatabase, type Db, type OpenOptions } from '../db/database.ts';
import { databaseKeyOf } from '../db/db-key.ts';
import { keyFileFromEnvironment, readKeyFile, readOrCreateKeyFile } from '../db/key-file.ts';
import { type ParsedArgs, required } from './args.ts';

/**
 * The key of the database at `file`, from --key-file or HCC_DB_KEY_FILE: the named file is read,
 * or created (0600, 32 random bytes) for a database that does not exist yet. Neither given: {} (the
 * key file beside the database, db/key-file.ts).
 */
export function keyFromArgs(args: ParsedArgs, file: string): Pick<OpenOptions, 'key' | 'keySource'> {
  const keyFile = keyFileFromEnvironment(args.options.get('key-file'));
  if (keyFile === null) return {};
  const newDatabase = !existsSync(file) || statSync(file).size === 0;
  const key = newDatabase ? readOrCreateKeyFile(keyFile).key : readKeyFile(keyFile);
  return { key, keySource: keySourceFile(keyFile) };
}

/** Opens with the key from the arguments; a clear database is said on stderr (stdout stays the answer). */
export function openDatabaseWithArgs(args: ParsedArgs, file: string): Db {
  const db = openDatabase(file, keyFromArgs(args, file));
  if (databaseKeyOf(db) === null)
    process.stderr.write(
      `note: the database ${file} is not encrypted; convert it with hcc encrypt --db ${file} (数据库未加密，请用 hcc encrypt 转换)\n`,
    );
  return db;
}

/** The database named by --db, created and migrated on first use. */
export function openDbFromArgs(args: ParsedArgs): Db {
  return openDatabaseWithArgs(args, required(args, 'db'));
}

/**
 * For commands that only read (or copy) what is stored: a mistyped --db must not quietly create an
 * empty database and answer from it.
 */
export function openExistingDbFromArgs(args: ParsedArgs): Db {
  const file = required(args, 'db');
  if (!existsSync(file)) throw new Error(`no database at ${file}; check --db (sync, import or serve create one)`);
  return openDatabaseWithArgs(args, file);
}
