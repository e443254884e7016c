/**
 * The exchange database in a test: a database of its own in the run's private cluster
 * (postgres-global-setup.ts), or a loud skip where PostgreSQL is missing.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';

const provided = inject('postgres');

/** The reason the exchange-database tests cannot run here, or null. */
export const postgresMissing: string | null = 'missing' in provided ? provided.missing : null;

/** `describe`, skipped (with the reason printed) where there is no PostgreSQL. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (postgresMissing) console.warn(`SKIPPED "${name}": ${postgresMissing}`);
  describe.skipIf(postgresMissing !== null)(name, body);
}

export interface TestExchangeDatabase {
  /** postgres://hcc@127.0.0.1:port/db, without the password. */
  url: string;
  password: string;
  /** The URL with the password in it (what a user may type on the command line). */
  urlWithPassword: string;
  database: string;
  /** A superuser client on this database (through the private socket). */
  admin(): Promise<pg.Client>;
  /** Ends the console's connections to this database (a network cut, as the server sees it). */
  cutConnections(): Promise<number>;
}

export async function createExchangeDatabase(prefix = 'exchange'): Promise<TestExchangeDatabase> {
  if ('missing' in provided) throw new Error(provided.missing);
  const p = provided;
  const database = `${prefix}_${randomBytes(4).toString('hex')}`;
  const adminOf = async (db: string) => {
    const c = new pg.Client({ host: p.socketDir, port: p.port, user: 'postgres', database: db });
    await c.connect();
    return c;
  };
  const root = await adminOf('postgres');
  await root.query(`CREATE DATABASE ${database} OWNER ${p.user}`);
  await root.end();
  const url = `postgres://${p.user}@${p.host}:${p.port}/${database}`;
  return {
    url,
    password: p.password,
    urlWithPassword: `postgres://${p.user}:${encodeURIComponent(p.password)}@${p.host}:${p.port}/${database}`,
    database,
    admin: () => adminOf(database),
    async cutConnections() {
      const c = await adminOf('postgres');
      try {
        const r = await c.query(
          'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = $2) t',
          [database, p.user],
        );
        return (r.rows[0] as { n: number }).n;
      } finally {
        await c.end();
      }
    },
  };
}
