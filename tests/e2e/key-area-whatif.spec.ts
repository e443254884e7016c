/**
 * The what-if before a key-area change (issue 17), as an administrator does it in Settings: add
 * Jiangsu (32) from a date, read the dry run by county (nothing has changed yet), publish it with a
 * reason, and find the version listed with who, when and why.
 *
 * On its own copy of the demo city (a backup, served by its own `hcc serve`): publishing recolours
 * the city, and the other specs count the shared world's colours.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, sql } from './support/pages.ts';
import { CLI, SCREENSHOTS, WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const DIR = join(WORLD_DIR, 'key-area-whatif');
const DB = join(DIR, 'console.db');
let server: ChildProcess | null = null;
let url = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  execFileSync(process.execPath, [CLI, 'backup', '--db', world().db, '--out', DB, '--out-key-file', `${DB}.key`], { stdio: 'ignore' });
  server = spawn(process.execPath, [CLI, 'serve', '--db', DB, '--port', String(await freePort())], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', (d: Buffer) => {
      const m = /console at (http\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    server!.on('exit', (code) => reject(new Error(`hcc serve exited ${code}`)));
  });
});

test.afterAll(() => {
  if (server?.pid) process.kill(server.pid);
});

test('an administrator sees the what-if by county, publishes with a reason and finds the version', async ({ page }) => {
  await signIn(page, url, 'admin');
  await page.goto(`${url}#/settings`);
  await expect(page.getByTestId('settings-keyareas')).toBeVisible();
  const areasBefore = sql(DB, 'SELECT count(*) FROM key_areas');

  await page.getByTestId('keyarea-add').click();
  await page.getByTestId('keyarea-code').fill('32');
  await page.getByTestId('keyarea-name').fill('江苏省');
  await page.getByTestId('keyarea-from').fill('2020-02-12');
  await page.getByTestId('keyarea-save').click();

  // The dry run by county: the seven counties and the total; nothing has changed yet.
  const table = page.getByTestId('keyarea-whatif-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('keyarea-whatif-dryrun')).toContainText('试算');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  const total = page.getByTestId('whatif-row-total');
  const changedToday = Number(await total.getAttribute('data-today'));
  expect(changedToday).toBeGreaterThan(0);
  // People who roamed there were yellow (outside Shandong): they turn red.
  await expect(total.locator('[data-transition$=">red"]').first()).toBeVisible();
  await expect(page.getByTestId('keyarea-whatif-rule')).toContainText('发布');
  expect(sql(DB, 'SELECT count(*) FROM key_areas')).toBe(areasBefore);
  expect(sql(DB, 'SELECT count(*) FROM key_area_versions')).toBe('0');
  // The dialog alone: a full-page picture of a modal over a long settings page shows little of it.
  await page.getByTestId('keyarea-dialog').screenshot({ path: join(SCREENSHOTS, '30-key-area-whatif.png') });

  // A reason is required.
  await page.getByTestId('keyarea-publish').click();
  await expect(page.getByTestId('keyarea-reason-error')).toBeVisible();
  expect(sql(DB, 'SELECT count(*) FROM key_area_versions')).toBe('0');
  await page.getByTestId('keyarea-reason').fill('省指挥部通报：江苏省列为重点地区');
  await page.getByTestId('keyarea-publish').click();

  // Published: listed, and a version with who, when and why.
  await expect(page.getByTestId('keyarea-saved')).toBeVisible();
  await expect(page.getByTestId('keyarea-row-32-2020-02-12')).toBeVisible();
  const version = page.getByTestId('keyarea-version-32-add');
  await expect(version).toContainText('admin');
  await expect(version).toContainText('省指挥部通报：江苏省列为重点地区');
  await expect(version).toContainText('2020-02');
  expect(sql(DB, "SELECT published_by || '|' || reason FROM key_area_versions")).toBe('admin|省指挥部通报：江苏省列为重点地区');
  expect(sql(DB, "SELECT count(*) FROM audit_log WHERE action = 'key_area.save'")).toBe('1');
  // The feed's own areas are versions too.
  await expect(page.getByTestId('keyarea-version-42-add')).toContainText('key_areas');
  await page.getByTestId('settings-keyareas').screenshot({ path: join(SCREENSHOTS, '31-key-area-versions.png') });
});

test('cancel after the what-if changes nothing', async ({ page }) => {
  await signIn(page, url, 'admin');
  await page.goto(`${url}#/settings`);
  const versions = sql(DB, 'SELECT count(*) FROM key_area_versions');
  await page.getByTestId('keyarea-add').click();
  await page.getByTestId('keyarea-code').fill('3201');
  await page.getByTestId('keyarea-from').fill('2020-02-11');
  await page.getByTestId('keyarea-save').click();
  await expect(page.getByTestId('keyarea-whatif-table')).toBeVisible();
  await page.getByTestId('keyarea-cancel').click();
  await expect(page.getByTestId('keyarea-dialog')).toBeHidden();
  expect(sql(DB, 'SELECT count(*) FROM key_area_versions')).toBe(versions);
  expect(sql(DB, "SELECT count(*) FROM key_areas WHERE region_code = '3201'")).toBe('0');
});
