/**
 * The dashboard's map on a fixed scale (its legend, an administrator changing the thresholds, every
 * role's colours following them), its print layout checked as a PDF (A4 landscape, at most two
 * pages, the KPI figures in its text), and the "sync in progress" banner over the last complete
 * figures while a sync is held running.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { bandOf, DEFAULT_MAP_BANDS } from '../../shared/domain/map-bands.ts';
import { CODE_COLOR_HEX } from '../../shared/domain/code-colors.ts';
import { dashboardReady, hccStats, kpi, screenshot, signIn } from './support/pages.ts';
import { holdWriteLock } from './support/write-lock.ts';
import { WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const COUNTY_CODES = ['371602', '371603', '371621', '371622', '371623', '371625', '371681'];

/** How many counties each band of the legend lists. */
async function legendCounts(page: Page, bands: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < bands; i++) out.push(Number(await page.getByTestId(`map-band-${i}`).getAttribute('data-counties')));
  return out;
}

/** The day the dashboard shows (later specs' syncs may have moved it past the world's first latest day). */
const shownDay = (page: Page) => page.getByTestId('asof-input').inputValue();

/** What the bands should hold for the day shown, from `hcc stats` and the thresholds. */
function expectedCounts(thresholds: readonly number[], day: string): number[] {
  const w = world();
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  for (const r of hccStats(w.db, day).filter((s) => COUNTY_CODES.includes(s.county_code)))
    counts[bandOf(r.total ? (r.red + r.yellow) / r.total : 0, thresholds)]!++;
  return counts;
}

async function asAdmin(browser: Browser, thresholds: string): Promise<void> {
  const w = world();
  const admin = await browser.newPage();
  await signIn(admin, w.url, 'admin');
  await admin.goto(`${w.url}#/settings`);
  await admin.getByTestId('settings-map-bands-input').fill(thresholds);
  await admin.getByTestId('settings-map-bands-save').click();
  await expect(admin.getByTestId('settings-map-bands-saved')).toBeVisible();
  await admin.close();
}

test('the map legend says it is a fixed scale; an administrator changes the thresholds and an officer’s colours follow', async ({
  page,
  browser,
}) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await dashboardReady(page);
  const day = await shownDay(page);
  const legend = page.getByTestId('map-legend');
  await expect(legend).toContainText('固定分级');
  await expect(legend).toHaveAttribute('data-thresholds', DEFAULT_MAP_BANDS.join(','));
  await expect(page.locator('[data-testid^="map-band-"]')).toHaveCount(5);
  await expect(page.getByTestId('map-band-0')).toContainText('< 0.5 %');
  await expect(page.getByTestId('map-band-4')).toContainText('≥ 5 %');
  expect(await legendCounts(page, 5)).toEqual(expectedCounts(DEFAULT_MAP_BANDS, day));

  // A wrong entry is refused in the form, saying what to fix; nothing is saved.
  const admin = await browser.newPage();
  await signIn(admin, w.url, 'admin');
  await admin.goto(`${w.url}#/settings`);
  await expect(admin.getByTestId('settings-map-bands-input')).toHaveValue('0.5, 1, 2, 5');
  await admin.getByTestId('settings-map-bands-input').fill('2, 1');
  await admin.getByTestId('settings-map-bands-save').click();
  await expect(admin.getByTestId('settings-map-bands')).toContainText('阈值应从小到大');
  await admin.close();

  // Thresholds that split the demo's counties otherwise: half a point above the city's rate.
  const city = hccStats(w.db, day).find((r) => r.county_code === 'total')!;
  const cityRate = Math.round(((city.red + city.yellow) / city.total) * 1000) / 10;
  const thresholds = [Math.max(0.1, cityRate - 0.5), cityRate + 0.5].map((x) => Math.round(x * 10) / 10);
  await asAdmin(browser, thresholds.join(', '));

  await page.reload();
  await dashboardReady(page);
  await expect(legend).toHaveAttribute('data-thresholds', thresholds.join(','));
  await expect(page.locator('[data-testid^="map-band-"]')).toHaveCount(3);
  expect(await legendCounts(page, 3)).toEqual(expectedCounts(thresholds, day));
  await expect(page.getByTestId('map-band-0')).toHaveAttribute('data-color', CODE_COLOR_HEX.green);
  await expect(page.getByTestId('map-band-2')).toHaveAttribute('data-color', CODE_COLOR_HEX.red);
  await screenshot(page, '24-dashboard-map-bands');

  // A report writer sees the same scale.
  const writer = await browser.newPage();
  await signIn(writer, w.url, 'wri');
  await dashboardReady(writer);
  await expect(writer.getByTestId('map-legend')).toHaveAttribute('data-thresholds', thresholds.join(','));
  await writer.close();

  await asAdmin(browser, DEFAULT_MAP_BANDS.join(', '));
});

test('print: the 打印 button prints; the print layout is a light A4 landscape PDF of at most two pages with the KPI figures', async ({
  page,
}) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await dashboardReady(page);
  const day = await shownDay(page);
  const figures = {
    total: await kpi(page, 'total'),
    red: await kpi(page, 'red'),
    yellow: await kpi(page, 'yellow'),
    green: await kpi(page, 'green'),
  };

  await page.evaluate(() => {
    (window as { printed?: number }).printed = 0;
    window.print = () => {
      (window as { printed?: number }).printed! += 1;
    };
  });
  await page.getByTestId('dash-print').click();
  expect(await page.evaluate(() => (window as { printed?: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  for (const id of ['county-map', 'county-bars', 'trend-chart']) await expect(page.getByTestId(id)).toHaveAttribute('data-printed', 'true');
  await expect(page.getByTestId('nav-dashboard')).toBeHidden();
  await expect(page.getByTestId('dash-print')).toBeHidden();
  await expect(page.getByTestId('asof-input')).toBeHidden();
  await expect(page.getByTestId('dash-print-header')).toContainText(day);
  await expect(page.getByTestId('dash-print-header')).toContainText('全市');
  // Each chart drawn at its printed box, so none is cut: the canvas as wide and high as the box.
  for (const id of ['county-map', 'county-bars', 'trend-chart']) {
    const fit = await page.getByTestId(id).evaluate((el) => {
      const canvas = el.querySelector('canvas')!;
      return { box: [el.clientWidth, el.clientHeight], canvas: [canvas.clientWidth, canvas.clientHeight] };
    });
    expect(fit.canvas, id).toEqual(fit.box);
  }
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await screenshot(page, '25-dashboard-print');

  const pdf = join(WORLD_DIR, 'dashboard-print.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', landscape: true }));
  await page.emulateMedia({ media: 'screen' });
  // Poppler's pdfinfo and pdftotext (Debian poppler-utils, which .ci/run installs).
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  // A4 landscape is 841.89 × 595.28 pt; Chromium rounds it to its own inch-based size (842.88 × 595.92).
  const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
  expect(Math.abs(width! - 842)).toBeLessThan(2);
  expect(Math.abs(height! - 595)).toBeLessThan(2);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const [name, n] of Object.entries(figures)) expect(text, name).toContain(n.toLocaleString('zh-CN'));
  expect(text).toContain(day);
  // No navigation printed.
  expect(text).not.toContain('数据同步\n');
});

test('while a sync is held running, the dashboard says 正在同步… over the last complete figures, and refreshes when it ends', async ({
  page,
  browser,
}) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await dashboardReady(page);
  const writer = await browser.newPage();
  await signIn(writer, w.url, 'wri');
  await dashboardReady(writer);
  const before = await kpi(page, 'total');
  await expect(page.getByTestId('dash-sync-banner')).toHaveCount(0);

  // The sync's worker waits for the lock (up to 10 s), running all the while.
  const release = holdWriteLock(w.db);
  try {
    const started = await page.evaluate(async (source) => {
      const r = await fetch('/api/sync.start', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ source }),
      });
      return r.status;
    }, w.nextDays);
    expect(started).toBe(200);
    // The officer's page hears of the job at once and keeps its figures.
    await expect(page.getByTestId('dash-sync-banner')).toBeVisible();
    await expect(page.getByTestId('dash-sync-banner')).toContainText('正在同步');
    await expect(page.getByTestId('dash-sync-banner')).toHaveAttribute('data-kept', 'true');
    expect(await kpi(page, 'total')).toBe(before);
    // Opened afresh mid-sync, and for a role without job events (the summary says it): the banner, no zeros.
    await page.reload();
    await expect(page.getByTestId('dash-sync-banner')).toBeVisible();
    await expect.poll(() => kpi(page, 'total')).toBe(before);
    await writer.reload();
    await expect(writer.getByTestId('dash-sync-banner')).toBeVisible();
    await expect.poll(() => kpi(writer, 'total')).toBe(before);
    await screenshot(page, '26-dashboard-sync-banner');
  } finally {
    release();
  }
  await expect(page.getByTestId('dash-sync-banner')).toHaveCount(0, { timeout: 60_000 });
  await expect(writer.getByTestId('dash-sync-banner')).toHaveCount(0, { timeout: 60_000 });
  await dashboardReady(page);
  expect(await kpi(page, 'total')).toBeGreaterThan(0);
  await writer.close();
});
