/**
 * 企业复工与卡口核验 as each role uses it (ENTERPRISES.md): an officer reads the county table, opens
 * the list behind a figure (its total is the figure), searches and opens an enterprise (staff
 * masked), opens a site's page and exports a list that opens as a workbook; a writer sees only the
 * county table and the weekly report and exports the report; a county account sees its county only.
 */
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { screenshot, signIn } from './support/pages.ts';
import { WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const UNMASKED_ID = /\b\d{17}[\dX]\b/;
const PHONE = /\b1\d{10}\b/;
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

async function openScreen(page: Page, user: string): Promise<void> {
  await signIn(page, world().url, user);
  await page.getByTestId('nav-enterprises').click();
  await expect(page.getByTestId('enterprises-screen')).toHaveAttribute('data-ready', 'true');
}

/** The world's own last day: the sync test may have brought later days of check-ins only (no scans). */
async function onWorldsLastDay(page: Page): Promise<void> {
  await page.getByTestId('enterprises-asof').fill(world().latestDay);
  await expect(page.getByTestId('enterprises-screen')).toHaveAttribute('data-day', world().latestDay);
}

async function value(page: Page, testId: string): Promise<number> {
  const el = page.getByTestId(testId);
  await expect(el).not.toHaveAttribute('data-value', '');
  return Number(await el.getAttribute('data-value'));
}

/** Clicks an export button, saves the download and reads it back with ExcelJS. */
async function exported(page: Page, testId: string): Promise<{ name: string; book: ExcelJS.Workbook }> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const download = await downloading;
  const saved = join(WORLD_DIR, 'downloads', download.suggestedFilename());
  await download.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  return { name: download.suggestedFilename(), book };
}

function texts(book: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text))));
  return out;
}

test('an officer reads the county table and opens the staff behind a figure', async ({ page }) => {
  await openScreen(page, 'ofc');
  await onWorldsLastDay(page);
  const total = page.getByTestId('enterprise-county-total');
  // The demo city has enterprises at work: the city's staff and approved enterprises are not zero.
  const staff = Number(await total.locator('[data-figure="staff"]').getAttribute('data-value'));
  const approved = Number(await total.locator('[data-figure="approved"]').getAttribute('data-value'));
  expect(staff).toBeGreaterThan(0);
  expect(approved).toBeGreaterThan(0);
  expect(await page.getByTestId('enterprise-county-row').count()).toBeGreaterThan(1);
  await screenshot(page, '16-enterprises');

  // A county's staff figure opens a list whose total is the figure.
  const row = page.locator('[data-testid="enterprise-county-row"]:has([data-testid="figure-staff"])').first();
  const figure = Number(await row.locator('[data-figure="staff"]').getAttribute('data-value'));
  await row.getByTestId('figure-staff').click();
  await expect(page.getByTestId('enterprises-view')).toHaveAttribute('data-view', 'staff');
  expect(await value(page, 'staff-total')).toBe(figure);
  // Staff rows are masked: ID, name and phone.
  const ids = await page.getByTestId('staff-table').locator('tbody tr td:first-child').allTextContents();
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toMatch(MASKED_ID);
  expect(await page.getByTestId('staff-table').textContent()).not.toMatch(PHONE);
  // An officer may open a person's page from the list.
  await expect(page.getByTestId('person-link').first()).toHaveAttribute('href', /^#\/people\//);

  // Back to the table; the city's violations open the violations (if the day has any).
  await page.getByTestId('enterprises-back').click();
  const violations = Number(await total.locator('[data-figure="violations"]').getAttribute('data-value'));
  if (violations > 0) {
    await total.getByTestId('figure-violations').click();
    await expect(page.getByTestId('enterprises-view')).toHaveAttribute('data-view', 'scans');
    expect(await value(page, 'scans-total')).toBe(violations);
    await page.getByTestId('enterprises-back').click();
  }
});

test('an officer searches an enterprise, opens its page and exports its staff', async ({ page }) => {
  await openScreen(page, 'ofc');
  await onWorldsLastDay(page);
  const list = page.getByTestId('enterprise-table');
  const first = list.locator('tbody tr[data-credit-code]').first();
  await expect(first).toBeVisible();
  const creditCode = (await first.getAttribute('data-credit-code'))!;
  const listTotal = await value(page, 'enterprise-total');
  expect(listTotal).toBeGreaterThan(0);

  // Search by the start of the credit code: that enterprise is found.
  await page.getByTestId('enterprise-search').fill(creditCode.slice(0, 14));
  await page.getByTestId('enterprise-search-submit').click();
  await expect(list.locator(`tbody tr[data-credit-code="${creditCode}"]`)).toBeVisible();
  expect(await value(page, 'enterprise-total')).toBeLessThanOrEqual(listTotal);
  await list.locator(`tbody tr[data-credit-code="${creditCode}"]`).getByTestId('enterprise-open').click();

  const ent = page.getByTestId('enterprise-page');
  await expect(ent).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('enterprise-credit-code')).toHaveText(creditCode);
  await expect(page.getByTestId('enterprise-days-table').locator('tbody tr')).toHaveCount(14);
  // The administrator's phone, when there is one, is masked.
  expect(await page.getByTestId('enterprise-admin').textContent()).not.toMatch(PHONE);
  const staffIds = await ent.getByTestId('staff-table').locator('tbody tr td:first-child').allTextContents();
  for (const id of staffIds) if (id !== '') expect(id).toMatch(MASKED_ID);
  expect(await ent.textContent()).not.toMatch(UNMASKED_ID);
  await screenshot(page, '17-enterprise-page');

  if ((await value(page, 'staff-total')) > 0) {
    const { name, book } = await exported(page, 'staff-export');
    expect(name).toMatch(/\.xlsx$/);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const all = texts(book);
    expect(all.some((s) => MASKED_ID.test(s))).toBe(true);
    expect(all.some((s) => UNMASKED_ID.test(s))).toBe(false);
    expect(all.some((s) => PHONE.test(s))).toBe(false);
    await expect(page.getByTestId('staff-export-done')).toBeVisible();
  }
});

test("an officer reads the checkpoints and opens a site's page and the scans behind a figure", async ({ page }) => {
  await openScreen(page, 'ofc');
  await onWorldsLastDay(page);
  await page.getByTestId('enterprises-tab-sites').click();
  await expect(page.getByTestId('sites-panel')).toHaveAttribute('data-ready', 'true');
  const scans = await value(page, 'sites-total-scans');
  expect(scans).toBeGreaterThan(0);
  expect(await page.getByTestId('sites-row').count()).toBeGreaterThan(0);
  await screenshot(page, '18-sites');

  // The total's scans figure opens every scan of the day.
  await page.getByTestId('sites-total').getByTestId('site-figure-scans').click();
  expect(await value(page, 'scans-total')).toBe(scans);
  await page.getByTestId('enterprises-back').click();

  // The busiest site's page: scans by hour; its figures open its scans.
  const busiest = page.getByTestId('busiest-row').first();
  const siteScans = Number(await busiest.locator('[data-figure="scans"]').getAttribute('data-value'));
  await busiest.getByTestId('site-open').click();
  await expect(page.getByTestId('site-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('site-hours-chart').locator('canvas')).toBeVisible();
  await screenshot(page, '19-site-page');
  await page.getByTestId('site-header').getByTestId('site-figure-scans').click();
  expect(await value(page, 'scans-total')).toBe(siteScans);

  const { book } = await exported(page, 'scans-export');
  expect(texts(book).some((s) => UNMASKED_ID.test(s))).toBe(false);
});

test('a writer sees only the county table and the weekly report, and exports the report', async ({ page }) => {
  await openScreen(page, 'wri');
  await expect(page.getByTestId('enterprise-counties')).toBeVisible();
  await expect(page.getByTestId('weekly-report')).toBeVisible();
  await expect(page.getByTestId('enterprise-list')).toHaveCount(0);
  await expect(page.getByTestId('enterprises-tab-sites')).toHaveCount(0);
  // Figures are not lists for a writer.
  await expect(page.locator('[data-testid^="figure-"]')).toHaveCount(0);

  const day = (await page.getByTestId('enterprises-screen').getAttribute('data-day'))!;
  await expect(page.getByTestId('weekly-week')).toHaveValue(/^\d{4}-W\d{2}$/);
  expect(await page.getByTestId('weekly-range').textContent()).toBeTruthy();
  const { name, book } = await exported(page, 'weekly-export');
  expect(name).toContain(await page.getByTestId('weekly-week').inputValue());
  expect(book.worksheets.length).toBeGreaterThan(1);
  expect(texts(book).some((s) => PHONE.test(s))).toBe(false);
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('credit staff see everything an officer sees', async ({ page }) => {
  await openScreen(page, 'cre');
  await onWorldsLastDay(page);
  await expect(page.getByTestId('enterprise-list')).toBeVisible();
  await expect(page.locator('[data-testid^="figure-"]').first()).toBeVisible();
  await page.getByTestId('enterprises-tab-sites').click();
  await expect(page.getByTestId('sites-panel')).toHaveAttribute('data-ready', 'true');
  expect(await value(page, 'sites-total-scans')).toBeGreaterThan(0);
});

test('a county account sees its county only', async ({ page }) => {
  await openScreen(page, 'wudi');
  // One county: the total row is 无棣县 and no other county row is offered.
  await expect(page.getByTestId('enterprise-county-total')).toHaveAttribute('data-county', '371623');
  for (const county of await page
    .getByTestId('enterprise-county-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-county'))))
    expect(county).toBe('371623');
  await expect(page.getByTestId('enterprise-county')).toHaveCount(0);
  const rows = page.getByTestId('enterprise-table').locator('tbody tr[data-credit-code]');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.locator('td:nth-child(3)').allTextContents()) expect(text).toBe('无棣县');

  await page.getByTestId('enterprises-tab-sites').click();
  await expect(page.getByTestId('sites-panel')).toHaveAttribute('data-ready', 'true');
  for (const county of await page.getByTestId('sites-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-county'))))
    expect(county).toBe('371623');
});

test('the English switch reaches the screen', async ({ page }) => {
  await openScreen(page, 'ofc');
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('enterprises-screen').locator('h1')).toHaveText('Enterprises and checkpoints');
  await expect(page.getByTestId('enterprise-county-total').locator('th')).toHaveText('City');
  // The choice is kept with the user (self-service.spec.ts): back to Chinese, as the specs that follow
  // sign ofc in and read Chinese headers (forecast.spec.ts failed after this one in CI).
  const kept = page.waitForResponse((r) => r.url().endsWith('/api/auth.setLanguage') && r.ok());
  await page.getByTestId('lang-switch').click();
  await kept;
  await expect(page.getByTestId('enterprises-screen').locator('h1')).not.toHaveText('Enterprises and checkpoints');
});
