/**
 * The interface benchmarks' setting: `hcc serve` on a bench database with a user of a role, and
 * Chromium (Debian's) to drive it, as a user's browser would reach the console.
 */
import { spawn, spawnSync } from 'node:child_process';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CLI } from './bench-util.ts';

/** Passes the password policy (not containing the user name, which bench-password-1 did). */
export const BENCH_PASSWORD = 'Timing-console-7q';

export interface ServeSession {
  url: string;
  browser: Browser;
  /** A new page signed in as the bench user, on the dashboard. */
  signedIn(): Promise<Page>;
  close(): Promise<void>;
}

export async function openServeSession(db: string, user = 'bench', role = 'officer'): Promise<ServeSession> {
  const added = spawnSync(process.execPath, [CLI, 'user', 'add', '--db', db, '--name', user, '--role', role], {
    input: BENCH_PASSWORD + '\n',
    encoding: 'utf8',
  });
  // Already there from an earlier run is fine; anything else would only show as a sign-in timeout.
  if (added.status !== 0 && !/exists|已存在/.test(added.stderr)) throw new Error(`hcc user add: ${added.stderr.trim()}`);
  const server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) =>
    server.stdout.on('data', (d: Buffer) => {
      const m = /console at (http\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    }),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    url,
    browser,
    async signedIn() {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(url);
      await page.getByTestId('signin-name').fill(user);
      await page.getByTestId('signin-password').fill(BENCH_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await page.locator('[data-ready="true"]').first().waitFor({ timeout: 120_000 });
      return page;
    },
    async close() {
      await browser.close();
      server.kill('SIGTERM');
    },
  };
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
