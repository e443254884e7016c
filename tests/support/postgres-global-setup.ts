/**
 * Vitest's global setup: one private PostgreSQL cluster for the whole run (the exchange database's
 * tests each make a database of their own in it). Where PostgreSQL is not installed the tests that
 * need it are skipped with the reason printed; CI (HCC_REQUIRE_POSTGRES=1) fails instead.
 */
import type { TestProject } from 'vitest/node';
import { type PostgresCluster, postgresBinDir, startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { host: string; port: number; user: string; password: string; socketDir: string } | { missing: string };
  }
}

let cluster: PostgresCluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (!postgresBinDir()) {
    const why = 'PostgreSQL is not installed here (apt-get install -y postgresql): the exchange-database tests are skipped';
    if (process.env.HCC_REQUIRE_POSTGRES === '1') throw new Error(why.replace('are skipped', 'cannot run, and CI requires them'));
    console.warn(`\n*** ${why} ***\n`);
    project.provide('postgres', { missing: why });
    return;
  }
  cluster = await startPostgresCluster();
  project.provide('postgres', {
    host: cluster.host,
    port: cluster.port,
    user: cluster.user,
    password: cluster.password,
    socketDir: String(cluster.adminConfig.host),
  });
}

export function teardown(): void {
  cluster?.stop();
  cluster = null;
}
