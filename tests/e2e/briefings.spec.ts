/**
 * 简报导出 as a report writer uses it: the preview of the latest date (checked against `hcc stats`),
 * the export downloaded and read back (file name, sheets, the city total, nothing unmasked), the
 * recent exports; another date and a wrong trend start; an officer is not offered the screen.
 */
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatDay, parseDay } from '../../shared/domain/local-date.ts';
import { hccStats, screenshot, signIn } from './support/pages.ts';
import { WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const SHEETS = ['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量'];
const UNMASKED_ID = /\b\d{17}[\dX]\b/;
const PHONE = /\b1\d{10}\b/;
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
/** Masked IDs to expect at least (every row of 转码明细 has one; a cap in case a sheet is cut). */
const SHEET_ROWS_SEEN = 1000;

function dayBefore(day: string, n = 1): string {
  return formatDay(parseDay(day)! - n);
}

async function num(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** The preview shows the figures of `day` (not the previous ones while they load). */
async function previewOf(page: Page, day: string): Promise<void> {
  await expect(page.getByTestId('briefing-preview-day')).toHaveAttribute('data-day', day);
  await expect(page.getByTestId('briefing-preview-day')).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('briefings-screen')).toHaveAttribute('data-ready', 'true');
}

/** The preview's red/yellow/green/holders equal `hcc stats` for the day, their changes the difference with the day before. */
async function expectFiguresOf(
  page: Page,
  db: string,
  day: string,
): Promise<{ red: number; yellow: number; green: number; total: number }> {
  const today = hccStats(db, day).find((r) => r.county_code === 'total')!;
  const before = hccStats(db, dayBefore(day)).find((r) => r.county_code === 'total')!;
  for (const c of ['red', 'yellow', 'green', 'total'] as const) {
    expect(await num(page, `brf-${c}`), c).toBe(today[c]);
    expect(await num(page, `brf-${c}-change`), `${c} change`).toBe(today[c] - before[c]);
  }
  return today;
}

/**
 * What a cell says, to look for IDs and phones in: text, rich text, hyperlinks, formula results; a
 * number only when it is a whole one (a phone stored as a number), not a rate's decimals.
 */
function cellTexts(cell: ExcelJS.Cell): string[] {
  const v = cell.value;
  const whole = (n: unknown) => (typeof n === 'number' ? (Number.isInteger(n) ? [String(n)] : []) : [String(n ?? '')]);
  if (v === null || v === undefined || v instanceof Date) return [];
  if (typeof v === 'number') return whole(v);
  if (typeof v === 'object' && 'richText' in v) return [v.richText.map((r) => r.text).join('')];
  if (typeof v === 'object' && 'formula' in v) return whole(v.result);
  if (typeof v === 'object' && 'text' in v) return [String(v.text), cell.text];
  return [String(v)];
}

function numberOf(cell: ExcelJS.Cell): number {
  const v = cell.value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v) return Number(v.result);
  return Number(String(cell.text).replace(/[,\s]/g, ''));
}

test('a report writer previews the latest date and exports the briefing', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'wri');
  await page.getByTestId('nav-briefings').click();
  await expect(page.getByTestId('briefings-screen')).toBeVisible();

  // The default date is the latest the data reaches (as the dashboard has it).
  const latest = (
    await page.evaluate(
      async () =>
        (await (
          await fetch('/api/dashboard.summary', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
        ).json()) as { value: { latestDataDay: string } },
    )
  ).value.latestDataDay;
  await expect(page.getByTestId('briefing-day')).toHaveValue(latest);
  await expect(page.getByTestId('briefing-day')).toHaveAttribute('max', latest);
  await previewOf(page, latest);
  const city = await expectFiguresOf(page, w.db, latest);
  // The trend: the 14 days up to the date; the sheets' rows and the freshness of every feed are shown.
  await expect(page.getByTestId('briefing-trend-from')).toHaveValue(dayBefore(latest, 13));
  expect(await num(page, 'brf-trend-days')).toBe(14);
  for (const id of [
    'brf-turned-red',
    'brf-turned-yellow',
    'brf-turned-green',
    'brf-new-codes',
    'brf-new-suspicions',
    'brf-decisions',
    'brf-revocations',
    'brf-open-cases',
    'brf-changes-rows',
    'brf-notices-rows',
  ]) {
    expect(await num(page, id), id).toBeGreaterThanOrEqual(0);
  }
  // Every colour change of the day is a row of 转码明细.
  const turned = (await num(page, 'brf-turned-red')) + (await num(page, 'brf-turned-yellow')) + (await num(page, 'brf-turned-green'));
  const changes = await num(page, 'brf-changes-rows');
  expect(changes).toBeGreaterThanOrEqual(turned);
  expect(await page.getByTestId('briefing-feed').count()).toBeGreaterThan(5);
  const fileName = `滨州健康码每日简报_${latest}.xlsx`;
  await expect(page.getByTestId('briefing-file-name')).toHaveText(fileName);

  // Export: busy while it runs, then the download arrives and the screen says so.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('briefing-export').click();
  // Counties have not signed off (county-signoff.spec.ts): the writer is asked first, and exports anyway.
  await page.getByTestId('signoff-export-confirm').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  const saved = join(WORLD_DIR, 'downloads', fileName);
  await download.saveAs(saved);
  await expect(page.getByTestId('briefing-exported')).toHaveAttribute('data-file-name', fileName);
  await expect(page.getByTestId('briefing-exported')).toHaveAttribute('data-sheets', SHEETS.join(','));
  await expect(page.getByTestId('briefing-export')).toBeEnabled();

  // The workbook: its sheets, the city total as previewed, and nothing unmasked anywhere.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.worksheets.map((s) => s.name)).toEqual(SHEETS);
  const byCounty = wb.getWorksheet('分县统计')!;
  let header: Record<'red' | 'yellow' | 'green', number> | null = null;
  let totalRow: ExcelJS.Row | null = null;
  for (let i = 1; i <= byCounty.rowCount && totalRow === null; i++) {
    const row = byCounty.getRow(i);
    const texts = Array.from({ length: row.cellCount + 1 }, (_, c) => (c === 0 ? '' : row.getCell(c).text.trim()));
    const col = (name: string) => texts.findIndex((t) => t.startsWith(name));
    if (header === null) {
      if (col('红码') > 0 && col('黄码') > 0 && col('绿码') > 0) header = { red: col('红码'), yellow: col('黄码'), green: col('绿码') };
    } else if (texts.some((t) => /^(全市|合计|全市合计|总计)$/.test(t))) totalRow = row;
  }
  expect(header, 'the 分县统计 header row').not.toBeNull();
  expect(totalRow, 'the 分县统计 city total row').not.toBeNull();
  expect(numberOf(totalRow!.getCell(header!.red))).toBe(city.red);
  expect(numberOf(totalRow!.getCell(header!.yellow))).toBe(city.yellow);
  expect(numberOf(totalRow!.getCell(header!.green))).toBe(city.green);
  const leaks: string[] = [];
  let masked = 0;
  let cells = 0;
  for (const sheet of wb.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells += 1;
        for (const text of cellTexts(cell)) {
          if (UNMASKED_ID.test(text) || PHONE.test(text)) leaks.push(`${sheet.name}!${cell.address}: ${text}`);
          if (MASKED_ID.test(text)) masked += 1;
        }
      });
    });
  }
  expect(cells).toBeGreaterThan(50);
  expect(leaks).toEqual([]);
  // The people of 转码明细 are there, masked (first 6 and last 4 of the ID kept).
  if (changes > 0) expect(masked).toBeGreaterThanOrEqual(Math.min(changes, SHEET_ROWS_SEEN));

  // The export is listed among the recent ones, by this user, for this date.
  const recent = page.getByTestId('briefing-recent-row').first();
  await expect(recent).toHaveAttribute('data-file-name', fileName);
  await expect(recent).toHaveAttribute('data-user', 'wri');
  await expect(recent).toHaveAttribute('data-day', latest);
  await screenshot(page, '15-briefings');
});

test('another date: the preview follows it; a trend that starts after the date is refused', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'wri');
  await page.goto(`${w.url}#/briefings`);
  await expect(page.getByTestId('briefings-screen')).toHaveAttribute('data-ready', 'true');
  const latest = await page.getByTestId('briefing-day').inputValue();
  expect(latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await previewOf(page, latest);
  const redLatest = await num(page, 'brf-red');

  const day = dayBefore(latest, 4);
  await page.getByTestId('briefing-day').fill(day);
  await previewOf(page, day);
  const figures = await expectFiguresOf(page, w.db, day);
  expect(figures.total).toBeGreaterThan(0);
  expect(hccStats(w.db, latest).find((r) => r.county_code === 'total')!.red).toBe(redLatest);
  await expect(page.getByTestId('briefing-trend-from')).toHaveValue(dayBefore(day, 13));
  await expect(page.getByTestId('briefing-file-name')).toHaveText(`滨州健康码每日简报_${day}.xlsx`);

  // A trend start after the briefing date: a clear message, and no export until it is put right.
  await page.getByTestId('briefing-trend-from').fill(dayBefore(day, -1));
  await expect(page.getByTestId('briefing-trend-error')).toHaveText(`趋势起始日期不能晚于简报日期 ${day}：请选择 ${day} 或更早的日期。`);
  await expect(page.getByTestId('briefing-export')).toBeDisabled();
  await page.getByTestId('briefing-trend-from').fill(dayBefore(day, 6));
  await expect(page.getByTestId('briefing-trend-error')).toHaveCount(0);
  await expect(page.getByTestId('briefing-export')).toBeEnabled();
  expect(await num(page, 'brf-trend-days')).toBe(7);

  // Back to the latest date.
  await page.getByTestId('briefing-day-latest').click();
  await previewOf(page, latest);
  expect(await num(page, 'brf-red')).toBe(redLatest);
});

test('an officer is not offered the Briefings screen', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
  await expect(page.getByTestId('nav-briefings')).toHaveCount(0);
  // A bookmark of the screen lands on the officer's first screen; the API refuses too.
  await page.goto(`${w.url}#/briefings`);
  await expect(page.getByTestId('briefings-screen')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/dashboard$/);
  const r = await page.evaluate(async () =>
    (await fetch('/api/briefing.preview', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json(),
  );
  expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
