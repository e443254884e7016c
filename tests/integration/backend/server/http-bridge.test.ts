/** The browser bridge: the same API over HTTP, its guards (host, origin, cookie, CSP), events and downloads. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startBridge } from '../../../../electron/backend/server/http-bridge.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function bridge(options: { users?: { name: string; role: string }[] } = {}) {
  const dir = tempDir();
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>hcc</title>');
  const c = await testConsole(dir, { users: options.users ?? [{ name: 'ofc', role: 'officer' }] });
  const b = await startBridge({ host: '127.0.0.1', port: 0, staticDir, services: c.services });
  closers.push(b.close);
  const api = (method: string, params: unknown, headers: Record<string, string> = {}) =>
    http(`${b.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(params),
    });
  return { c, url: b.url, api };
}

describe('HTTP bridge', () => {
  test('sign-in sets an HttpOnly, SameSite=Strict cookie that carries the session', async () => {
    const { api } = await bridge();
    const r = await api('auth.signIn', { name: 'ofc', password: 'test-password-1' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { user: { name: 'ofc', role: 'officer' } } });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/hcc_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    const status = JSON.parse((await api('auth.status', {}, { Cookie: session })).body);
    expect(status.value.session.user.name).toBe('ofc');
    const anonymous = JSON.parse((await api('dashboard.summary', {})).body);
    expect(anonymous.error.code).toBe('unauthenticated');
    await api('auth.signOut', {}, { Cookie: session });
    expect(JSON.parse((await api('dashboard.summary', {}, { Cookie: session })).body).error.code).toBe('unauthenticated');
  });

  test('a foreign Host (DNS rebinding) or Origin (another site) is refused; JSON only; CSP on every response', async () => {
    const { url, api } = await bridge();
    expect((await http(url, { headers: { Host: 'evil.example:80' } })).status).toBe(403);
    expect((await api('auth.status', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('auth.status', {}, { Origin: url.replace(/\/$/, '') })).status).toBe(200);
    const form = await http(`${url}api/auth.status`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const page = await http(url);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await http(`${url}../../etc/passwd`)).body).toContain('<title>hcc</title>');
  });

  test('events stream to signed-in browsers only', async () => {
    const { c, url, api } = await bridge();
    expect((await http(`${url}api/events`)).status).toBe(401);
    const session = String((await api('auth.signIn', { name: 'ofc', password: 'test-password-1' })).headers['set-cookie']).split(';')[0]!;
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(`${url}api/events`, { headers: { Cookie: session } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('data-changed')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
      setTimeout(() => c.services.events.publish({ type: 'data-changed' }), 100);
    });
    expect(received).toContain('data: {"type":"data-changed"}');
  });

  test('an export made in the browser downloads once, for the session that made it', async () => {
    const dir = tempDir();
    const { c, url, api } = await bridge();
    // A rejected row to export.
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'person_id,checked_at,temperature\n123,2020-02-10 08:00,36.5\n');
    const { importFile } = await import('../../../../electron/backend/import/import-file.ts');
    await importFile(c.services.db, { path: file, feed: 'checkins', origin: 'import' });
    const session = String((await api('auth.signIn', { name: 'ofc', password: 'test-password-1' })).headers['set-cookie']).split(';')[0]!;
    const r = JSON.parse(
      (await api('rejects.export', { feed: 'checkins', format: 'csv', target: '/tmp/not-allowed.csv' }, { Cookie: session })).body,
    );
    expect(r.value).toMatchObject({ rows: 1, fileName: 'checkins-rejects.csv' });
    expect(r.value.downloadUrl).toMatch(/^\/download\//);
    const other = await http(`${url}${r.value.downloadUrl.slice(1)}`);
    expect(other.status).toBe(404);
    // Another browser's try did not use it up; the owner gets the file, once.
    const got = await http(`${url}${r.value.downloadUrl.slice(1)}`, { headers: { Cookie: session } });
    expect(got.status).toBe(200);
    expect(String(got.headers['content-disposition'])).toContain('checkins-rejects.csv');
    expect(got.body).toContain('123,2020-02-10 08:00,36.5');
    expect((await http(`${url}${r.value.downloadUrl.slice(1)}`, { headers: { Cookie: session } })).status).toBe(404);
  });
});
