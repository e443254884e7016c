/**
 * First start on an empty database: the first administrator's password, then the demo city. On a
 * database that already holds data: the one-time code `hcc serve` printed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { screenshot } from './support/pages.ts';
import { CLI } from './support/world.ts';

let server: ChildProcess | null = null;
const servers: ChildProcess[] = [];
test.afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
});

/** `hcc serve` on a fresh, empty database; resolves with its address. */
function serveEmpty(flags: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-first-'));
  server = spawn(process.execPath, [CLI, 'serve', '--db', join(dir, 'console.db'), '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(server);
  const child = server;
  return new Promise<string>((resolve) =>
    child.stdout!.on(
      'data',
      (d: Buffer) => /console at (http\S+)/.exec(d.toString())?.[1] && resolve(/console at (http\S+)/.exec(d.toString())![1]!),
    ),
  );
}

async function setUp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('setup-name')).toBeVisible();
  await page.getByTestId('setup-name').fill('chief');
  await page.getByTestId('setup-password').fill('first-admin-pass');
  await page.getByTestId('setup-confirm').fill('first-admin-pass');
  await page.getByTestId('setup-submit').click();
}

test('set up the first administrator, load the demo city, see it on the dashboard', async ({ page }) => {
  test.setTimeout(180_000);
  const url = await serveEmpty();
  await page.goto(url);
  await expect(page.getByTestId('setup-name')).toBeVisible();
  await screenshot(page, '00-first-start');
  await setUp(page, url);
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('user-role')).toBeVisible({ timeout: 150_000 });
  await expect(page.locator('[data-ready="true"]').first()).toBeVisible({ timeout: 30_000 });
  expect(Number(await page.getByTestId('kpi-total').getAttribute('data-value'))).toBeGreaterThan(15_000);
});

test('npm run serve: set-up, then the demo offer, then a dashboard with cases in the queue and a sync that works', async ({ page }) => {
  test.setTimeout(240_000);
  // --load-demo: what `npm run serve` used to pass, which loaded the city behind the set-up screen.
  const url = await serveEmpty(['--load-demo']);
  await setUp(page, url);
  // The demo city is offered once the administrator exists, not loaded before.
  await expect(page.getByTestId('demo-screen')).toBeVisible();
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('user-role')).toBeVisible({ timeout: 200_000 });
  await expect(page.locator('[data-ready="true"]').first()).toBeVisible({ timeout: 30_000 });
  expect(Number(await page.getByTestId('kpi-total').getAttribute('data-value'))).toBeGreaterThan(15_000);
  // The duty officer (the administrator neither syncs nor sees cases).
  const created = await page.evaluate(async () => {
    const r = await fetch('/api/users.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'duty', role: 'officer', county: null, password: 'given-by-chief-1' }),
    });
    return ((await r.json()) as { ok: boolean }).ok;
  });
  expect(created).toBe(true);
  await page.getByTestId('signout').click();
  await page.getByTestId('signin-name').fill('duty');
  await page.getByTestId('signin-password').fill('given-by-chief-1');
  await page.getByTestId('signin-submit').click();
  // The administrator chose that password: the duty officer chooses their own before anything else.
  await expect(page.getByTestId('must-change-password-screen')).toBeVisible();
  await page.getByTestId('change-current').fill('given-by-chief-1');
  await page.getByTestId('change-new').fill('my own night shift');
  await page.getByTestId('change-confirm').fill('my own night shift');
  await page.getByTestId('change-submit').click();
  await expect(page.getByTestId('user-role')).toBeVisible();
  // The fraud detectors examined the demo city: cases wait in the queue.
  await expect
    .poll(async () => Number(await page.getByTestId('kpi-open-cases').getAttribute('data-value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.goto(`${url}#/enforcement`);
  await expect
    .poll(async () => Number(await page.getByTestId('case-count-all').getAttribute('data-value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  // The demo's exchange directory is the sync source: 立即同步 is enabled and works (nothing new).
  await page.goto(`${url}#/data`);
  await expect(page.getByTestId('sync-source')).toContainText('demo-exchange');
  await expect(page.getByTestId('sync-start')).toBeEnabled();
  await page.getByTestId('sync-start').click();
  await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('job-summary')).not.toContainText('ENOENT');
});

test('an administrator who skipped the demo city is offered it again on the empty dashboard, not told to sync', async ({ page }) => {
  test.setTimeout(120_000);
  const url = await serveEmpty();
  await setUp(page, url);
  await page.getByTestId('demo-skip').click();
  await expect(page.getByTestId('user-role')).toBeVisible();
  // Signed in again later: the offer is on the dashboard, not only right after set-up.
  await page.reload();
  await expect(page.getByTestId('dash-no-data')).toHaveAttribute('data-text', 'dashboard.noData.demo');
  await expect(page.getByTestId('dash-no-data')).not.toContainText('请先在“数据同步”中同步');
  await screenshot(page, '00-empty-dashboard');
  await page.getByTestId('dash-demo-load').click();
  // The same job as at first start: it runs, and the offer gives way to its progress.
  await expect(page.getByTestId('dash-demo-progress')).toBeVisible();
  await expect(page.getByTestId('dash-demo-load')).toHaveCount(0);
});

test('hcc sync then hcc serve: the set-up screen asks for the code serve printed, and refuses without it', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'hcc-first-data-'));
  const db = join(dir, 'console.db');
  execFileSync(process.execPath, [CLI, 'demo', '--out', join(dir, 'city'), '--people', '60', '--days', '2']);
  execFileSync(process.execPath, [CLI, 'sync', '--db', db, '--source', join(dir, 'city')]);
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(child);
  let out = '';
  const url = await new Promise<string>((resolve) =>
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /console at (http\S+)/.exec(out);
      if (m && /hcc user add/.test(out)) resolve(m[1]!);
    }),
  );
  const code = /^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})$/m.exec(out)![1]!;
  await page.goto(url);
  await expect(page.getByTestId('setup-code')).toBeVisible();
  await page.getByTestId('setup-code').fill('AAAA-BBBB-CCCC-DDDD');
  await page.getByTestId('setup-name').fill('chief');
  await page.getByTestId('setup-password').fill('first-admin-pass');
  await page.getByTestId('setup-confirm').fill('first-admin-pass');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-error')).toContainText('设置码');
  await page.getByTestId('setup-code').fill(code);
  await page.getByTestId('setup-submit').click();
  // The database holds data: no demo offer, the console opens.
  await expect(page.getByTestId('user-role')).toBeVisible();
});
