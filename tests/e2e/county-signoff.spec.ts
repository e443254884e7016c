/**
 * County sign-off before the city briefing (issue 17), in Chromium: a county's designated officer
 * (an officer account of 博兴县, made with `hcc user add`) signs off the county's figures after a
 * confirmation that shows them; a city officer sees the seven counties' state and cannot sign one;
 * a writer exporting the briefing is first warned of the counties not signed off, may wait, or
 * export anyway, and the workbook's 概况 states the sign-offs.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { dashboardReady, screenshot, signIn, sql } from './support/pages.ts';
import { CLI, PASSWORD, WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const BOXING = '371625';
const OTHERS = ['滨城区', '沾化区', '惠民县', '阳信县', '无棣县', '邹平市'];
let signedDay = '';

test('a county officer signs off their county’s figures after seeing them', async ({ page }) => {
  const w = world();
  execFileSync(
    process.execPath,
    [CLI, 'user', 'add', '--db', w.db, '--name', 'boxing', '--role', 'officer', '--county', BOXING, '--own-password'],
    { input: `${PASSWORD}\n` },
  );
  await signIn(page, w.url, 'boxing');
  await dashboardReady(page);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel).toBeVisible();
  // A county's account sees its own county alone, not yet signed off.
  await expect(panel.getByTestId('signoff-county')).toHaveCount(1);
  const chip = panel.locator(`[data-testid="signoff-county"][data-county="${BOXING}"]`);
  await expect(chip).toHaveAttribute('data-signed', 'false');
  signedDay = (await panel.getAttribute('data-day'))!;
  expect(signedDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The confirmation shows the figures being signed: the county's, as the dashboard shows them.
  await page.getByTestId('signoff-sign').click();
  const dialog = page.getByTestId('signoff-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`确认签发：博兴县 · ${signedDay}`);
  const holders = await dialog.locator('tr[data-figure="holders"] td.num').innerText();
  expect(Number(holders.replace(/[,\s]/g, ''))).toBe(Number(await page.getByTestId('kpi-total').getAttribute('data-value')));
  await expect(dialog.locator('tr[data-figure]')).toHaveCount(15);
  await page.getByTestId('signoff-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('signoff-done')).toContainText(`博兴县 ${signedDay} 的数据已签发`);
  await expect(chip).toHaveAttribute('data-signed', 'true');
  await expect(chip).toContainText('boxing');
  await expect(chip.getByTestId('signoff-changed')).toHaveText('签发后无变动');
  await expect(page.getByTestId('signoff-sign')).toHaveText('重新签发本县数据');

  // Recorded once, with its audit entry.
  expect(sql(w.db, `SELECT count(*) FROM county_signoffs WHERE county_code = '${BOXING}'`)).toBe('1');
  expect(sql(w.db, `SELECT user_name FROM audit_log WHERE action = 'signoff.county' AND target = '${BOXING}' ORDER BY id DESC`)).toBe(
    'boxing',
  );
});

test('a city officer sees the seven counties’ state and cannot sign off a county', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await dashboardReady(page);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel).toHaveAttribute('data-day', signedDay);
  await expect(panel.getByTestId('signoff-county')).toHaveCount(7);
  await expect(page.getByTestId('signoff-summary')).toHaveText('1/7 个县（市、区）已签发');
  const boxing = panel.locator(`[data-testid="signoff-county"][data-county="${BOXING}"]`);
  await expect(boxing).toHaveAttribute('data-signed', 'true');
  await expect(boxing).toContainText('boxing');
  await expect(panel.locator('[data-testid="signoff-county"][data-signed="false"]')).toHaveCount(6);
  await expect(page.getByTestId('signoff-sign')).toHaveCount(0);
  // Not a hidden button only: the service refuses a city-wide account.
  const refused = await page.evaluate(async (day) => {
    const r = await fetch('/api/signoff.sign', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ day, county: '371625' }),
    });
    return ((await r.json()) as { error?: { reason?: { code: string } } }).error?.reason?.code;
  }, signedDay);
  expect(refused).toBe('signoff.cityWide');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, '32-county-signoff');
});

test('a writer exporting the briefing is warned of the counties not signed off first', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'wri');
  await page.getByTestId('nav-briefings').click();
  await expect(page.getByTestId('briefings-screen')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('briefing-day')).toHaveValue(signedDay);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel).toHaveAttribute('data-day', signedDay);
  await expect(panel.locator(`[data-testid="signoff-county"][data-county="${BOXING}"]`)).toHaveAttribute('data-signed', 'true');

  // Asked first, naming the six counties; waiting exports nothing.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('briefing-export').click();
  const warning = page.getByTestId('signoff-export-warning');
  await expect(warning).toBeVisible();
  await expect(page.getByTestId('signoff-export-unsigned')).toHaveText(
    `${signedDay} 以下县（市、区）尚未签发本县数据：${OTHERS.join('、')}。`,
  );
  await screenshot(page, '33-briefing-signoff-warning');
  await page.getByTestId('signoff-export-cancel').click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('briefing-exported')).toHaveCount(0);
  expect(downloads).toBe(0);

  // Exported anyway: the workbook's 概况 states who signed off and who did not.
  await page.getByTestId('briefing-export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('signoff-export-confirm').click();
  const download = await downloading;
  const saved = join(WORLD_DIR, 'downloads', `signoff-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  await expect(page.getByTestId('briefing-exported')).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const lines: string[] = [];
  wb.getWorksheet('概况')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join('|')));
  expect(lines.find((l) => l.startsWith('博兴县|'))).toMatch(/^博兴县\|已签发\|0\|boxing \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(lines).toContain(`7 个县（市、区）中 1 个已签发；未签发：${OTHERS.join('、')}。`);
});
