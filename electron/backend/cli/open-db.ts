import { openDatabase, type Db } from '../db/database.ts';
import { type ParsedArgs, required } from './args.ts';

/** The database named by --db, created and migrated on first use. */
export function openDbFromArgs(args: ParsedArgs): Db {
  return openDatabase(required(args, 'db'));
}
