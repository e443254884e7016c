/**
 * The first administrator of a database that already holds people (issue 12, high): the set-up is
 * open only on an empty database; with data and no user it needs the one-time code that `hcc
 * serve` prints on its own stdout, or the administrator comes from `hcc user add`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ApiResponse, AuthStatus, SessionInfo } from '../../../../shared/contract/api.ts';
import type { CallContext } from '../../../../electron/backend/api/context.ts';
import { dispatch } from '../../../../electron/backend/api/dispatch.ts';
import { databaseHoldsData } from '../../../../electron/backend/auth/first-administrator.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { CLI_ENTRY, runCli } from '../../../support/cli.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGTERM');
});

/** A database as `hcc sync` leaves it: people in it, no user yet. */
async function syncedDatabase(dir: string): Promise<string> {
  const city = join(dir, 'city');
  const db = join(dir, 'console.db');
  expect((await runCli(['demo', '--out', city, '--people', '60', '--days', '2'])).code).toBe(0);
  expect((await runCli(['sync', '--db', db, '--source', city])).code).toBe(0);
  return db;
}

function post<T>(url: string, method: string, body: unknown): Promise<ApiResponse<T>> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(JSON.parse(text) as ApiResponse<T>));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** `hcc serve`; resolves with its address and everything it wrote to stdout and stderr so far. */
function serve(db: string): Promise<{ url: string; stdout: () => string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI_ENTRY, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /console at (http\S+)/.exec(out);
      // The whole notice is one write: wait for its last line when a code is announced.
      if (m && (!/set-up code/.test(out) || /hcc user add/.test(out)))
        resolve({ url: m[1]!.endsWith('/') ? m[1]! : `${m[1]!}/`, stdout: () => out, stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`hcc serve exited ${code}: ${err}`)));
  });
}

describe('the first administrator on a database that holds data', () => {
  test('hcc sync then hcc serve: the set-up needs the code serve printed on its stdout, and only that code', async () => {
    const dir = tempDir();
    const db = await syncedDatabase(dir);
    const server = await serve(db);
    const code = /^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})$/m.exec(server.stdout())?.[1];
    expect(code, server.stdout()).toBeDefined();
    expect(server.stderr()).not.toContain(code!);

    const status = await post<AuthStatus>(server.url, 'auth.status', {});
    expect(status.ok && status.value).toMatchObject({ setupRequired: true, setupCodeRequired: true, emptyDatabase: false });

    const open = await post(server.url, 'auth.setup', { name: 'intruder', password: 'correct horse battery' });
    expect(open.ok ? 'ok' : open.error.code).toBe('forbidden');
    if (!open.ok) expect(open.error.messageZh).toMatch(/设置码/);
    const wrong = await post(server.url, 'auth.setup', {
      name: 'intruder',
      password: 'correct horse battery',
      setupCode: 'AAAA-BBBB-CCCC-DDDD',
    });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('forbidden');

    const right = await post<SessionInfo>(server.url, 'auth.setup', {
      name: 'chief',
      password: 'correct horse battery',
      setupCode: code!.toLowerCase(),
    });
    expect(right.ok && right.value.user).toEqual({ name: 'chief', role: 'admin', county: null });
    // Spent: a second set-up with the same code is refused.
    const again = await post(server.url, 'auth.setup', { name: 'other', password: 'correct horse battery', setupCode: code });
    expect(again.ok ? 'ok' : again.error.code).toBe('conflict');

    const check = openDatabase(db, { readonly: true });
    try {
      expect(check.prepare('SELECT name FROM users').pluck().all()).toEqual(['chief']);
      const refused = check.prepare("SELECT details FROM audit_log WHERE action = 'auth.setup_refused'").pluck().all() as string[];
      expect(refused).toHaveLength(2);
      expect(refused.join()).not.toContain(code!.replaceAll('-', ''));
    } finally {
      check.close();
    }
  }, 120_000);

  test('after hcc user add there is no set-up and serve prints no code; on an empty database serve says the set-up is open', async () => {
    const dir = tempDir();
    const db = await syncedDatabase(dir);
    expect(
      (await runCli(['user', 'add', '--db', db, '--name', 'chief', '--role', 'admin'], { input: 'correct horse battery\n' })).code,
    ).toBe(0);
    const server = await serve(db);
    expect(server.stdout()).not.toMatch(/set-up code/);
    const status = await post<AuthStatus>(server.url, 'auth.status', {});
    expect(status.ok && status.value).toMatchObject({ setupRequired: false, setupCodeRequired: false });

    const empty = await serve(join(tempDir(), 'empty.db'));
    expect(empty.stdout()).toMatch(/database is empty; open the console to create the first administrator/);
  }, 120_000);

  test('in-process: no code, a voided code after five wrong ones; the desktop window (IPC) needs none', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { demo: { people: 60, days: 2 } });
    expect(databaseHoldsData(c.services.db)).toBe(true);
    const code = c.services.setupCode.issue();
    for (let i = 0; i < 5; i++) {
      const r = await c.call(null, 'auth.setup', { name: 'chief', password: 'correct horse battery', setupCode: `WRNG-${i}` });
      expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    }
    const late = await c.call(null, 'auth.setup', { name: 'chief', password: 'correct horse battery', setupCode: code });
    expect(late.ok ? 'ok' : late.error.message).toMatch(/void/);

    const desktop: CallContext = { services: c.services, session: null, client: 'desktop', transport: 'ipc', setSession: () => undefined };
    expect(await dispatch(desktop, 'auth.status', {})).toMatchObject({
      ok: true,
      value: { setupRequired: true, setupCodeRequired: false },
    });
    const viaIpc = await dispatch(desktop, 'auth.setup', { name: 'chief', password: 'correct horse battery' });
    expect(viaIpc.ok).toBe(true);
  }, 120_000);

  test('an empty database (nothing but key areas, which name regions, not people) keeps the open set-up', async () => {
    const c = await testConsole(tempDir());
    c.services.db
      .prepare("INSERT INTO key_areas (region_code, name, effective_from, version_time, batch_id) VALUES ('4201', 'Wuhan', 18300, 0, 0)")
      .run();
    expect(databaseHoldsData(c.services.db)).toBe(false);
    expect(await c.ok(null, 'auth.status', {})).toMatchObject({ setupRequired: true, setupCodeRequired: false });
    expect((await c.call(null, 'auth.setup', { name: 'chief', password: 'correct horse battery' })).ok).toBe(true);
  });
});
