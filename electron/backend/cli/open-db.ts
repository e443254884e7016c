import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../db/database.ts';
import { type ParsedArgs, required } from './args.ts';

/** The database named by --db, created and migrated on first use. */
export function openDbFromArgs(args: ParsedArgs): Db {
  return openDatabase(required(args, 'db'));
}

/**
 * For commands that only read (or copy) what is stored: a mistyped --db must not quietly create an
 * empty database and answer from it.
 */
export function openExistingDbFromArgs(args: ParsedArgs): Db {
  const file = required(args, 'db');
  if (!existsSync(file)) throw new Error(`no database at ${file}; check --db (sync, import or serve create one)`);
  return openDatabase(file);
}
