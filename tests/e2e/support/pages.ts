/** Page objects: how the tests drive each screen (by the data-testids the screens expose). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, expect } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { CLI, PASSWORD, SCREENSHOTS } from './world.ts';

export async function signIn(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('user-role')).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function dashboardReady(page: Page): Promise<void> {
  await expect(
    page.locator('[data-screen="dashboard"][data-ready="true"], [data-testid="dashboard"][data-ready="true"]').first(),
  ).toBeVisible();
}

export async function kpi(page: Page, name: 'total' | 'red' | 'yellow' | 'green'): Promise<number> {
  return Number(await page.getByTestId(`kpi-${name}`).getAttribute('data-value'));
}

export interface StatsRow {
  county_code: string;
  red: number;
  yellow: number;
  green: number;
  total: number;
  no_code: number;
}

export function hccStats(db: string, day: string): StatsRow[] {
  return JSON.parse(
    execFileSync(process.execPath, [CLI, 'stats', '--db', db, '--as-of', day, '--json'], { encoding: 'utf8' }),
  ) as StatsRow[];
}

/** Reads the console's database the way the console does (the same SQLite, with its key file beside it). */
export function sql(db: string, query: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    if (existsSync(`${db}.key`)) {
      // As db/database.ts applyKey: SQLCipher 4 format, the raw key.
      conn.pragma("cipher = 'sqlcipher'");
      conn.pragma('legacy = 4');
      conn.pragma(`key = "x'${readFileSync(`${db}.key`).toString('hex')}'"`);
    }
    const row = conn.prepare(query).raw().get() as unknown[] | undefined;
    return row === undefined ? '' : String(row[0]);
  } finally {
    conn.close();
  }
}
