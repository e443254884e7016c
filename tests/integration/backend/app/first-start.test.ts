/**
 * One first start for both shells (issue 11 §6): the first administrator, then the demo offer, then
 * a demo city that is synced from its own exchange directory, evaluated, examined by the fraud
 * detectors, and left as the exchange directory so that "sync now" works at once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { AuthStatus } from '../../../../shared/contract/api.ts';
import { consoleSettings } from '../../../../electron/backend/settings/console-settings.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { CLI_ENTRY } from '../../../support/cli.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGTERM');
});

function post(url: string, method: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** `hcc serve` on a fresh database; resolves with its address once it listens. */
function serve(db: string, flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI_ENTRY, 'serve', '--db', db, '--port', '0', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /console at (http\S+)/.exec(d.toString());
      if (m) resolve(m[1]!.endsWith('/') ? m[1]! : `${m[1]!}/`);
    });
    child.on('exit', (code) => reject(new Error(`hcc serve exited ${code}`)));
  });
}

describe('first start', () => {
  test(
    'serve --load-demo (as `npm run serve` ran it): nothing is loaded before the first administrator exists; the demo city is offered after ' +
      'set-up',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'console.db');
      const url = await serve(db, ['--load-demo']);
      const before = (await post(url, 'auth.status', {})) as { ok: true; value: AuthStatus };
      expect(before.value).toMatchObject({ setupRequired: true, emptyDatabase: true, session: null });
      const check = openDatabase(db, { readonly: true });
      try {
        expect(check.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
      } finally {
        check.close();
      }
    },
    60_000,
  );

  test('after set-up the database is still empty, so the page makes the offer (the same answer in both shells)', async () => {
    const c = await testConsole(tempDir());
    const setup = await c.call(null, 'auth.setup', { name: 'chief', password: 'first-admin-pass' });
    expect(setup.ok).toBe(true);
    expect(await c.ok(null, 'auth.status', {})).toMatchObject({ setupRequired: false, emptyDatabase: true });
  });

  test('the demo city is synced from its exchange directory, evaluated and examined; that directory is the sync source', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, {
      users: [
        { name: 'chief', role: 'admin' },
        { name: 'duty', role: 'officer' },
      ],
    });
    const job = await c.ok('chief', 'data.loadDemo', {});
    await c.services.jobs.idle();
    const db = c.services.db;
    expect(c.services.jobs.result(job.id)?.state).toMatchObject({ status: 'done', error: null });
    expect(consoleSettings(db).syncSource).toBe(join(dir, 'demo-exchange'));
    expect((await c.ok('chief', 'data.overview', {})).syncSource).toBe(join(dir, 'demo-exchange'));
    // The detectors ran on the colours just evaluated: cases wait in the queue.
    expect(c.services.jobs.result(job.id)?.state.casesOpened).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT count(*) FROM sync_runs WHERE status = 'done'").pluck().get()).toBe(1);
    expect(await c.ok('chief', 'auth.status', {})).toMatchObject({ emptyDatabase: false });
    // The officer's "sync now" (no source given: the setting) works at once and finds nothing new.
    expect((await c.ok('duty', 'data.overview', {})).syncSource).not.toBeNull();
    await c.ok('duty', 'sync.start', {});
    await c.services.jobs.idle();
    expect(db.prepare("SELECT count(*) FROM sync_runs WHERE status = 'done'").pluck().get()).toBe(2);
  }, 240_000);
});
