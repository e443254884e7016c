/** First start on an empty database: the first administrator's password, then the demo city. */
import { type ChildProcess, spawn } from 'node:child_process';
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
function serveEmpty(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-first-'));
  server = spawn(process.execPath, [CLI, 'serve', '--db', join(dir, 'console.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(server);
  const child = server;
  return new Promise<string>((resolve) => child.stdout!.on('data', (d: Buffer) => /console at (http\S+)/.exec(d.toString())?.[1] && resolve(/console at (http\S+)/.exec(d.toString())![1]!)));
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
