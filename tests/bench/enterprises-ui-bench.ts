/**
 * Issue 14's targets measured as a user meets them: Chromium through `hcc serve` on the evaluated
 * 4-million city (the colours section's), from the click to the rendered result (driver timing, so a
 * few ms of Playwright's round trip are included): the Enterprises screen (county table and the
 * first list page), the next list page, an enterprise's page, the checkpoints tab, a site's day and
 * the weekly report's download. The first opening after the data changed counts the day (the kept
 * counts are cleared first to measure it); the later ones read the kept counts.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { fmt } from './bench-util.ts';
import { evaluatedCity } from './rules-bench.ts';
import { median, openServeSession } from './serve-session.ts';

export interface EnterprisesUiBench {
  people: number;
  /** ms per run; run 0 is the first opening after the data changed. */
  screen: number[];
  nextPage: number[];
  enterprisePage: number[];
  sitesTab: number[];
  siteDay: number[];
  weeklyReport: number[];
}

async function timed(page: Page, act: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const t0 = Date.now();
  await act();
  await done();
  return Date.now() - t0;
}

const ready = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-ready="true"]`).waitFor({ timeout: 120_000 });

export async function runEnterprisesUiBench(people: number, log: (line: string) => void): Promise<EnterprisesUiBench> {
  const file = evaluatedCity(people);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run the colours section first (npm run bench -- --only colours)`);
  const db = openDatabase(file);
  db.prepare('DELETE FROM enterprise_figure_days').run();
  db.close();
  const session = await openServeSession(file);
  const r: EnterprisesUiBench = { people, screen: [], nextPage: [], enterprisePage: [], sitesTab: [], siteDay: [], weeklyReport: [] };
  try {
    for (let run = 0; run < 5; run++) {
      log(`enterprises in Chromium: run ${run + 1} of 5${run === 0 ? ' (the day counted first)' : ''}`);
      const page = await session.signedIn();
      const rows = page.locator('[data-testid="enterprise-table"] tbody tr[data-credit-code]');
      r.screen.push(
        await timed(
          page,
          () => page.getByTestId('nav-enterprises').click(),
          async () => {
            await ready(page, 'enterprises-screen');
            await rows.first().waitFor({ timeout: 120_000 });
          },
        ),
      );
      const range = page.getByTestId('enterprise-table-range');
      const before = await range.textContent();
      r.nextPage.push(
        await timed(
          page,
          () => page.getByTestId('enterprise-table-next').click(),
          () =>
            page.waitForFunction((old) => document.querySelector('[data-testid="enterprise-table-range"]')?.textContent !== old, before, {
              timeout: 120_000,
            }),
        ),
      );
      r.enterprisePage.push(
        await timed(
          page,
          () => rows.first().getByTestId('enterprise-open').click(),
          () => ready(page, 'enterprise-page'),
        ),
      );
      await page.getByTestId('enterprises-back').click();
      r.sitesTab.push(
        await timed(
          page,
          () => page.getByTestId('enterprises-tab-sites').click(),
          () => ready(page, 'sites-panel'),
        ),
      );
      r.siteDay.push(
        await timed(
          page,
          () => page.getByTestId('busiest-row').first().getByTestId('site-open').click(),
          () => ready(page, 'site-page'),
        ),
      );
      await page.getByTestId('enterprises-back').click();
      await page.getByTestId('enterprises-tab-enterprises').click();
      const download = page.waitForEvent('download', { timeout: 120_000 });
      r.weeklyReport.push(
        await timed(
          page,
          () => page.getByTestId('weekly-export').click(),
          () => download,
        ),
      );
      await page.close();
    }
  } finally {
    await session.close();
  }
  return r;
}

export function printEnterprisesUiBench(r: EnterprisesUiBench, log: (line: string) => void): void {
  const line = (name: string, xs: number[], target: number) =>
    `${name}: first ${fmt(xs[0]!)} ms, then median ${fmt(median(xs.slice(1)))} ms, max ${fmt(Math.max(...xs.slice(1)))} ms (target < ${fmt(target)})`;
  log(`\n## Enterprises in Chromium through hcc serve (${fmt(r.people)} people)`);
  log(line('screen (county table + list page)', r.screen, 300));
  log(line('next list page', r.nextPage, 300));
  log(line('enterprise page', r.enterprisePage, 200));
  log(line('checkpoints tab (site figures)', r.sitesTab, 300));
  log(line("a site's day", r.siteDay, 200));
  log(line('weekly report download', r.weeklyReport, 5000));
}
