/**
 * The green forecast on its screens (issue 17): the dashboard's band after the trend shows the
 * expected greens of the next 14 days and those held, the numbers of `hcc forecast --json`, for the
 * city and for a county account's own county; an enterprise's page shows its staff expected back by
 * date, the staff list's own dates counted; the briefing's preview carries the line of 概况.
 */
import { execFileSync } from 'node:child_process';
import { type Page, expect, test } from '@playwright/test';
import type { GreenForecast } from '../../shared/contract/forecast.ts';
import { dashboardReady, screenshot, signIn, sql } from './support/pages.ts';
import { CLI, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

function hccForecast(day: string, county?: string): GreenForecast {
  const args = [CLI, 'forecast', '--db', world().db, '--as-of', day, ...(county ? ['--county', county] : []), '--json'];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as GreenForecast;
}

const values = async (page: Page, testId: string): Promise<number[]> =>
  (await page.getByTestId(testId).evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).map(Number);
const value = async (page: Page, testId: string): Promise<number> => Number(await page.getByTestId(testId).getAttribute('data-value'));

/** The dashboard on the world's own last day (a sync test may have brought later days). */
async function dashboardOn(page: Page, day: string): Promise<void> {
  await dashboardReady(page);
  await page.getByTestId('asof-input').fill(day);
  await expect(page.getByTestId('forecast-band')).toHaveAttribute('data-as-of', day);
  await dashboardReady(page);
}

test('the dashboard’s forecast band: the next 14 days and those held, as hcc forecast says, for the city and a county', async ({
  page,
}) => {
  const day = world().latestDay;
  await signIn(page, world().url, 'ofc');
  await dashboardOn(page, day);
  const f = hccForecast(day);
  expect(f.redYellow).toBeGreaterThan(0);
  const band = page.getByTestId('forecast-band');
  await expect(band).toBeVisible();
  expect(await values(page, 'forecast-day')).toEqual(f.days.map((d) => d.n));
  expect(await page.getByTestId('forecast-day').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')))).toEqual(
    f.days.map((d) => d.day),
  );
  expect(await value(page, 'forecast-held')).toBe(f.held);
  expect(await value(page, 'forecast-red-yellow')).toBe(f.redYellow);
  expect(await value(page, 'forecast-red-yellow')).toBe((await value(page, 'kpi-red')) + (await value(page, 'kpi-yellow')));
  expect(await value(page, 'forecast-tomorrow')).toBe(f.days[0]!.n);
  expect(await value(page, 'forecast-week')).toBe(f.days.slice(0, 7).reduce((a, d) => a + d.n, 0));
  // The band comes after the trend.
  const trendBox = (await page.getByTestId('trend-chart').boundingBox())!;
  const bandBox = (await band.boundingBox())!;
  expect(bandBox.y).toBeGreaterThan(trendBox.y + trendBox.height - 1);
  await screenshot(page, '28-green-forecast');
});

test('a county account’s band is its county’s forecast', async ({ page }) => {
  const day = world().latestDay;
  await signIn(page, world().url, 'wudi');
  await dashboardOn(page, day);
  const f = hccForecast(day, '371623');
  expect(await values(page, 'forecast-day')).toEqual(f.days.map((d) => d.n));
  expect(await value(page, 'forecast-held')).toBe(f.held);
  expect(await value(page, 'forecast-red-yellow')).toBe(f.redYellow);
});

test('an enterprise’s page shows its staff expected back by date: the staff list’s own dates, counted', async ({ page }) => {
  const day = world().latestDay;
  // The enterprise with the most staff who have ever been red or yellow.
  const creditCode = sql(
    world().db,
    `SELECT s.credit_code FROM staff s JOIN person_codes p ON p.person_id = s.person_id
     WHERE p.timeline GLOB '*,[ry],*' GROUP BY s.credit_code ORDER BY count(*) DESC, s.credit_code LIMIT 1`,
  );
  await signIn(page, world().url, 'ofc');
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('enterprises-asof').fill(day);
  await expect(page.getByTestId('enterprises-screen')).toHaveAttribute('data-day', day);
  await page.getByTestId('enterprise-search').fill(creditCode);
  await page.getByTestId('enterprise-search-submit').click();
  const row = page.getByTestId('enterprise-table').locator(`tbody tr[data-credit-code="${creditCode}"]`);
  await row.getByTestId('enterprise-open').click();
  await expect(page.getByTestId('enterprise-page')).toHaveAttribute('data-ready', 'true');

  const card = page.getByTestId('enterprise-expected-back');
  await expect(card).toBeVisible();
  const days = await values(page, 'expected-back-day');
  expect(days).toHaveLength(14);
  const held = await value(page, 'expected-back-held');
  const redYellow = Number(await page.getByTestId('expected-back-note').getAttribute('data-red-yellow'));
  expect(redYellow).toBe(days.reduce((a, n) => a + n, 0) + held);

  // The staff list's 预计可返岗 of its red and yellow members, counted by date, are the card's numbers.
  const dates = page.getByTestId('expected-back-day');
  const dayNames = await dates.evaluateAll((els) => els.map((e) => e.getAttribute('data-day')!));
  const counted = new Map<string, number>();
  let noDate = 0;
  for (const status of ['red', 'yellow']) {
    await page.getByTestId('staff-status').selectOption(status);
    await expect(page.getByTestId('staff-total')).not.toHaveAttribute('data-value', '');
    const headers = await page.getByTestId('staff-table').locator('thead th').allTextContents();
    const col = headers.indexOf('预计可返岗') + 1;
    expect(col).toBeGreaterThan(0);
    const total = await value(page, 'staff-total');
    const cells = await page.getByTestId('staff-table').locator(`tbody tr td:nth-child(${col})`).allTextContents();
    expect(cells).toHaveLength(Math.min(total, 50));
    for (const c of cells) {
      if (c === '—') noDate++;
      else counted.set(c, (counted.get(c) ?? 0) + 1);
    }
  }
  expect(noDate).toBe(held);
  expect(dayNames.map((d) => counted.get(d) ?? 0)).toEqual(days);
  await screenshot(page, '29-enterprise-expected-back');
});

test('the briefing’s preview carries 概况’s line of expected greens', async ({ page }) => {
  const day = world().latestDay;
  await signIn(page, world().url, 'wri');
  await page.getByTestId('nav-briefings').click();
  await expect(page.getByTestId('briefings-screen')).toBeVisible();
  await page.getByTestId('briefing-day').fill(day);
  await expect(page.getByTestId('briefing-preview-day')).toHaveAttribute('data-day', day);
  await expect(page.getByTestId('briefings-screen')).toHaveAttribute('data-ready', 'true');
  const f = hccForecast(day);
  const week = f.days.slice(0, 7).reduce((a, d) => a + d.n, 0);
  const line = page.getByTestId('brf-forecast');
  await expect(line).toHaveAttribute('data-tomorrow', String(f.days[0]!.n));
  await expect(line).toHaveAttribute('data-week', String(week));
  await expect(line).toHaveAttribute('data-held', String(f.held));
  await expect(line).toContainText(`7日内 ${week} 人`);
});
