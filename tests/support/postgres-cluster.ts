/**
 * A private PostgreSQL cluster for the tests and the benchmark: its own data folder, port and socket
 * folder, started with Debian's `initdb` and `pg_ctl` (as the `postgres` user when we are root: the
 * server refuses to run as root) and stopped after. Never a system service.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** The role the tests connect as over TCP, with a password (the console's way). */
  user: string;
  password: string;
  host: string;
  port: number;
  /** A superuser connection through the private socket (creating databases, killing backends). */
  adminConfig: pg.ClientConfig;
  stop(): void;
}

/** The folder of Debian's PostgreSQL programs (the newest installed), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hcc-pg-'));
  const data = join(dir, 'data');
  const pwFile = join(dir, 'pw');
  const password = 'exchange-test-Pa55';
  writeFileSync(pwFile, 'superuser-not-used\n');
  if (root) {
    const pwent = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pwent.stdout), Number(gid.stdout));
    chownSync(pwFile, Number(pwent.stdout), Number(gid.stdout));
  }
  const run = (program: string, args: string[]) => {
    const cmd = root ? 'runuser' : join(bin, program);
    const argv = root ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${program} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  // Local (socket) connections trust, TCP needs a password: the console always gives one.
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
    `--pwfile=${pwFile}`,
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const adminConfig: pg.ClientConfig = { host: dir, port, user: 'postgres', database: 'postgres' };
  const admin = new pg.Client(adminConfig);
  await admin.connect();
  await admin.query(`CREATE ROLE hcc LOGIN CREATEDB PASSWORD '${password}'`);
  await admin.end();
  return {
    user: 'hcc',
    password,
    host: '127.0.0.1',
    port,
    adminConfig,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
