/**
 * Every kind of figure opens the people behind it (issue 16): the KPI cards, the county table (a
 * county's cell and the city's total row), each of the day's transitions and a bar of the county
 * chart; each list's count is the figure's, its pages hold that many rows, sorted as asked; the list
 * exports masked; a person opens from it. A writer sees masked lists without links or full exports;
 * a county officer gets their county's people only.
 */
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { dashboardReady, screenshot, signIn, sql } from './support/pages.ts';
import { WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const UNMASKED_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

/** Opens the list of a figure's button and checks its count against the figure; returns the count. */
async function openList(page: Page, testId: string): Promise<number> {
  const button = page.getByTestId(testId).first();
  const value = Number(await button.getAttribute('data-value'));
  await button.click();
  return expectList(page, value);
}

async function expectList(page: Page, value: number): Promise<number> {
  const dialog = page.getByTestId('figure-people');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.figure-people')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('figure-people-total')).toHaveAttribute('data-value', String(value));
  await expect(page.getByTestId('figure-people-table-row')).toHaveCount(Math.min(50, value));
  return value;
}

async function closeList(page: Page): Promise<void> {
  await page.getByTestId('figure-people-close').click();
  await expect(page.getByTestId('figure-people')).toHaveCount(0);
}

/** Pages through the whole list: as many rows as the figure says. */
async function countAllRows(page: Page): Promise<number> {
  let n = await page.getByTestId('figure-people-table-row').count();
  const next = page.getByTestId('figure-people-table-next');
  while ((await next.count()) > 0 && (await next.isEnabled())) {
    const range = await page.getByTestId('figure-people-table-range').textContent();
    await next.click();
    await expect(page.getByTestId('figure-people-table-range')).not.toHaveText(range!);
    await expect(page.locator('.figure-people')).toHaveAttribute('data-ready', 'true');
    n += await page.getByTestId('figure-people-table-row').count();
  }
  return n;
}

test('an officer opens the people behind every kind of figure; the counts are the figures', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await dashboardReady(page);

  // The KPI cards: holders, red, yellow, green and those without a code.
  for (const f of ['holders', 'red', 'yellow', 'green', 'noCode']) {
    const n = await openList(page, `figure-${f}`);
    if (f === 'red') {
      expect(n).toBeGreaterThan(0);
      expect(await countAllRows(page)).toBe(n);
      // Reasons are worded, since-dates within the day; newest entry first by default.
      const since = await page.locator('[data-testid="figure-people-table-row"] td.num').allTextContents();
      expect(since.slice(0, 50)).toEqual([...since.slice(0, 50)].sort().reverse());
    }
    await closeList(page);
  }
  expect(Number(await page.getByTestId('figure-holders').getAttribute('data-value'))).toBe(
    Number(await page.getByTestId('kpi-total').getAttribute('data-value')),
  );

  // The county table: a county's red cell lists that county's people only; the city's total row.
  const wudiRed = await openList(page, 'county-371623-red');
  for (const county of await page.locator('[data-testid="figure-people-table-row"] td:nth-child(4)').allTextContents())
    expect(county).toBe('无棣县');
  expect(wudiRed).toBeGreaterThanOrEqual(0);
  await closeList(page);
  await expect(page.getByTestId('county-total-row')).toBeVisible();
  expect(Number(await page.getByTestId('county-total-holders').getAttribute('data-value'))).toBe(
    Number(await page.getByTestId('kpi-total').getAttribute('data-value')),
  );
  await openList(page, 'county-total-green');
  await closeList(page);

  // Each of the day's transitions.
  const transitions = page.locator('[data-testid="transitions"] tbody tr');
  const kinds = await transitions.count();
  expect(kinds).toBeGreaterThan(0);
  for (let i = 0; i < kinds; i++) {
    const row = transitions.nth(i);
    const [from, to] = [await row.getAttribute('data-from'), await row.getAttribute('data-to')];
    const n = await openList(page, `figure-transition-${from}-${to}`);
    expect(n).toBe(Number(await row.getAttribute('data-value')));
    expect(await countAllRows(page)).toBe(n);
    await closeList(page);
  }

  // A bar of the county chart: its lower part (green, most people) of the first county.
  const bars = page.getByTestId('county-bars');
  const box = (await bars.boundingBox())!;
  let opened = false;
  for (let x = box.x + 70; x < box.x + box.width / 4 && !opened; x += 12) {
    await page.mouse.click(x, box.y + box.height - 60);
    opened = (await page.getByTestId('figure-people').count()) > 0;
  }
  expect(opened, 'a click on a bar opens a list').toBe(true);
  await expect(page.locator('.figure-people')).toHaveAttribute('data-ready', 'true');
  const title = (await page.locator('#figure-people-title').textContent())!;
  const county = (await page.locator('[data-testid="figure-people-table-row"] td:nth-child(4)').first().textContent())!;
  expect(title).toContain(county);
  const code = (await page.locator('.dash-county-button', { hasText: county }).getAttribute('data-testid'))!.replace('county-', '');
  const colour = title.startsWith('绿码') ? 'green' : title.startsWith('黄码') ? 'yellow' : 'red';
  const total = await page.getByTestId('figure-people-total').getAttribute('data-value');
  await closeList(page);
  expect(total).toBe(await page.getByTestId(`county-${code}-${colour}`).getAttribute('data-value'));

  // The red list sorted oldest first, exported (masked, the whole list), a person opened from it.
  await page.getByTestId('figure-red').click();
  await expectList(page, Number(await page.getByTestId('figure-red').getAttribute('data-value')));
  await page.getByTestId('figure-people-sort').selectOption('since_asc');
  await expect(page.locator('.figure-people')).toHaveAttribute('data-ready', 'true');
  const asc = await page.locator('[data-testid="figure-people-table-row"] td.num').allTextContents();
  expect(asc).toEqual([...asc].sort());
  await screenshot(page, '27-drill-down');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('figure-people-export').click();
  const download = await downloading;
  const saved = join(WORLD_DIR, 'downloads', download.suggestedFilename());
  await download.saveAs(saved);
  await expect(page.getByTestId('figure-people-export-done')).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const sheet = book.worksheets[0]!;
  let rows = 0;
  sheet.eachRow((row) => {
    if (typeof row.getCell(1).value === 'number') rows++;
    expect(JSON.stringify(row.values)).not.toMatch(UNMASKED_ID);
  });
  expect(rows).toBe(Number(await page.getByTestId('figure-people-total').getAttribute('data-value')));
  await page.getByTestId('figure-people-table-row').first().getByTestId('person-link').click();
  await expect(page.getByTestId('person-page')).toBeVisible();
});

test('a writer sees the lists masked, without links to people or a full export', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'wri');
  await dashboardReady(page);
  const n = await openList(page, 'figure-yellow');
  if (n > 0) await expect(page.getByTestId('figure-people-table-row').first().getByTestId('person-link')).toHaveCount(0);
  await expect(page.getByTestId('figure-people-export')).toBeVisible();
  await expect(page.getByTestId('figure-people-export-full')).toHaveCount(0);
  await closeList(page);

  // The briefing preview's figures open the same lists.
  await page.getByTestId('nav-briefings').click();
  await expect(page.getByTestId('briefing-preview')).toBeVisible();
  for (const id of ['brf-red', 'brf-turned-yellow', 'brf-new-codes']) {
    const figure = page.getByTestId(id).locator('.figure-link');
    const value = Number(await page.getByTestId(id).getAttribute('data-value'));
    await figure.click();
    await expectList(page, value);
    await closeList(page);
  }
});

test('an officer exports the results of a people search, masked', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await page.getByTestId('nav-people').click();
  const name = sql(w.db, 'SELECT substr(name, 1, 1) FROM residents WHERE name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const two = sql(w.db, `SELECT substr(name, 1, 2) FROM residents WHERE name LIKE '${name}%' AND length(name) >= 2 LIMIT 1`);
  await page.getByTestId('people-search-input').fill(two);
  await page.getByTestId('people-search-submit').click();
  await expect(page.getByTestId('people-result').first()).toBeVisible();
  const shown = await page.getByTestId('people-result').count();
  expect(shown).toBeGreaterThan(0);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('people-results-export').click();
  const saved = join(WORLD_DIR, 'downloads', (await downloading).suggestedFilename());
  await (await downloading).saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  let rows = 0;
  book.worksheets[0]!.eachRow((row) => {
    expect(JSON.stringify(row.values)).not.toMatch(UNMASKED_ID);
    if (String(row.getCell(1).value).includes('*')) rows++;
  });
  expect(rows).toBe(shown);
});

test('a county officer lists their county only, and has no city total row', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'wudi');
  await dashboardReady(page);
  await openList(page, 'figure-holders');
  for (const county of await page.locator('[data-testid="figure-people-table-row"] td:nth-child(4)').allTextContents())
    expect(county).toBe('无棣县');
  await closeList(page);
  await expect(page.getByTestId('county-total-row')).toHaveCount(0);
  // A feed's freshness row opens the Data screen (its imports, rejects and sync history).
  await page.getByTestId('freshness-open-checkins').click();
  await expect(page.locator('[data-screen="data"]')).toBeVisible();
});
