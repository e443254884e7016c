/**
 * The exchange database a sync or push talks to, with its password: from the URL itself (a user may
 * type one), a connection file, the PGPASSWORD environment variable (the PostgreSQL convention), or
 * the console's sealed setting (exchange-credentials.ts), in that order.
 */
import type { Db } from '../db/database.ts';
import { storedExchangePassword } from './exchange-credentials.ts';
import { type PostgresSource, parsePostgresUrl, readConnectionFile, sourceName } from './pg-source.ts';

export function resolvePostgresSource(db: Db, given: { url?: string; connectionFile?: string; password?: string | null }): PostgresSource {
  const s = given.connectionFile ? readConnectionFile(given.connectionFile) : parsePostgresUrl(given.url ?? '');
  const password = given.password ?? s.password ?? process.env.PGPASSWORD ?? storedPasswordFor(db, s);
  return { ...s, password: password ?? null };
}

/** The stored password belongs to the source the settings name (never sent to another server). */
function storedPasswordFor(db: Db, s: PostgresSource): string | null {
  const configured = db.prepare("SELECT value FROM settings WHERE key = 'console.sync_source'").pluck().get() as string | undefined;
  if (!configured || configured !== sourceName({ ...s, password: null })) return null;
  return storedExchangePassword(db);
}
