/** First start on an empty database: the first administrator's password, then the demo city. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot } from './support/pages.ts';
import { CLI } from './support/world.ts';

let server: ChildProcess | null = null;
test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('set up the first administrator, load the demo city, see it on the dashboard', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'hcc-first-'));
  server = spawn(process.execPath, [CLI, 'serve', '--db', join(dir, 'console.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => server!.stdout!.on('data', (d: Buffer) => /console at (http\S+)/.exec(d.toString())?.[1] && resolve(/console at (http\S+)/.exec(d.toString())![1]!)));
  await page.goto(url);
  await expect(page.getByTestId('setup-name')).toBeVisible();
  await screenshot(page, '00-first-start');
  await page.getByTestId('setup-name').fill('chief');
  await page.getByTestId('setup-password').fill('first-admin-pass');
  await page.getByTestId('setup-confirm').fill('first-admin-pass');
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('user-role')).toBeVisible({ timeout: 150_000 });
  await expect(page.locator('[data-ready="true"]').first()).toBeVisible({ timeout: 30_000 });
  expect(Number(await page.getByTestId('kpi-total').getAttribute('data-value'))).toBeGreaterThan(15_000);
});
