/**
 * Before the end-to-end tests: a demo city (4,000 people, first 8 of 10 days synced; the last two
 * days wait in another exchange directory for the sync test), users of every role, and the browser
 * bridge serving the built interface (npm test builds it first).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CLI, PASSWORD, ROOT, SCREENSHOTS, USERS, WORLD_DIR, type World } from './world.ts';

const cli = (args: string[], input?: string) =>
  execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: input ?? '', stdio: ['pipe', 'pipe', 'inherit'] });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html')))
    throw new Error('the interface is not built: run npx electron-vite build first (npm test does)');
  rmSync(WORLD_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = join(WORLD_DIR, 'data');
  const city = join(WORLD_DIR, 'city');
  cli(['demo', '--out', city, '--people', '4000', '--days', '10', '--seed', '9']);
  // Split the city: everything but the last two days' daily files now, those later.
  const first = join(WORLD_DIR, 'exchange');
  const next = join(WORLD_DIR, 'exchange-next');
  for (const feed of readdirSync(city, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const f of readdirSync(join(city, feed.name))) {
      const late = /2020-02-(18|19)\./.test(f);
      const target = join(late ? next : first, feed.name);
      mkdirSync(target, { recursive: true });
      cpSync(join(city, feed.name, f), join(target, f));
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const db = join(dataDir, 'console.db');
  cli(['sync', '--db', db, '--source', first]);
  // --own-password: the tests sign in as these users with this password (no change at the first sign-in).
  for (const u of USERS)
    cli(
      ['user', 'add', '--db', db, '--name', u.name, '--role', u.role, '--own-password', ...('county' in u ? ['--county', u.county] : [])],
      PASSWORD + '\n',
    );
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: false,
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /console at (http\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`hcc serve exited ${code}`)));
  });
  child.stdout.removeAllListeners('data');
  child.unref();
  const stats = JSON.parse(cli(['stats', '--db', db, '--as-of', '2020-02-17', '--json'])) as unknown[];
  if (!Array.isArray(stats)) throw new Error('stats failed');
  const w: World = { url, db, dataDir, nextDays: next, pid: child.pid!, latestDay: '2020-02-17' };
  writeFileSync(join(WORLD_DIR, 'world.json'), JSON.stringify(w, null, 2));
}
