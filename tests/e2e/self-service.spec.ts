/**
 * Users help themselves (issue 16), as they would in the browser: a county's report writer previews
 * and exports the briefing of their county (the workbook read back holds that county only); two
 * users of one machine keep their own languages, and the language follows a user to another
 * machine; a user changes their own password (a wrong current one, a short new one, then one that
 * signs in), audited without it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { COUNTIES } from '../../shared/domain/counties.ts';
import { hccStats, screenshot, sql } from './support/pages.ts';
import { CLI, PASSWORD, WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const ZOUPING = '371681';
const USERS = [
  { name: 'zou', role: 'writer', county: ZOUPING },
  { name: 'lang-a', role: 'officer' },
  { name: 'lang-b', role: 'writer' },
  { name: 'pw-self', role: 'officer', county: '371623' },
];

test.beforeAll(() => {
  const w = world();
  for (const u of USERS) {
    const args = [
      'user',
      'add',
      '--db',
      w.db,
      '--name',
      u.name,
      '--role',
      u.role,
      '--own-password',
      ...(u.county ? ['--county', u.county] : []),
    ];
    try {
      execFileSync(process.execPath, [CLI, ...args], { input: `${PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      // A retry of this file finds its users made.
      if (!String((err as { stderr?: Buffer }).stderr).includes('exists')) throw err;
    }
  }
});

/** The rows under a sheet's bold, filled header row, up to the first row without a border (the table's end). */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  let header = 0;
  for (let r = 1; r <= 10 && header === 0; r++) {
    const c = ws.getRow(r).getCell(1);
    if (c.font?.bold && c.fill && 'fgColor' in c.fill) header = r;
  }
  const width = ws.getRow(header).cellCount;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = header + 1; r <= ws.rowCount && ws.getRow(r).getCell(1).border?.top; r++)
    rows.push(Array.from({ length: width }, (_, i) => ws.getRow(r).getCell(i + 1).value));
  return rows;
}

/** Every cell's text on every sheet. */
function allTexts(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text))));
  return out.join('\n');
}

async function signInAs(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('user-name')).toHaveText(name);
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('signout').click();
  await expect(page.getByTestId('signin-screen')).toBeVisible();
}

/** The page's language, as the document and the navigation say it. */
async function expectLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  await expect(page.getByTestId('app-title').or(page.locator('.auth-top .app-title'))).toHaveText(
    lang === 'zh' ? '滨州健康码指挥中心' : 'Binzhou Health Code Command Center',
  );
}

test('a county’s report writer previews and exports the briefing of their county, and nothing else', async ({ page }) => {
  const w = world();
  await page.goto(w.url);
  await signInAs(page, 'zou');
  await page.getByTestId('nav-briefings').click();
  const screen = page.getByTestId('briefings-screen');
  await expect(screen).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('briefing-county')).toHaveAttribute('data-county', ZOUPING);
  await expect(page.getByTestId('briefing-county')).toContainText('邹平市');
  await expect(page.getByTestId('briefing-preview-error')).toHaveCount(0);

  // The preview: Zouping's figures for the latest day, not the city's.
  const day = await page.getByTestId('briefing-day').inputValue();
  const mine = hccStats(w.db, day).find((r) => r.county_code === ZOUPING)!;
  const city = hccStats(w.db, day).find((r) => r.county_code === 'total')!;
  for (const c of ['red', 'yellow', 'green', 'total'] as const)
    expect(Number(await page.getByTestId(`brf-${c}`).getAttribute('data-value')), c).toBe(mine[c]);
  expect(mine.total).toBeLessThan(city.total);
  await expect(page.getByTestId('briefing-preview')).toContainText('邹平市');
  const fileName = `滨州健康码每日简报_邹平市_${day}.xlsx`;
  await expect(page.getByTestId('briefing-file-name')).toHaveText(fileName);
  await screenshot(page, '28-briefings-county');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('briefing-export').click();
  // Counties have not signed off (county-signoff.spec.ts): the writer is asked first, and exports anyway.
  await page.getByTestId('signoff-export-confirm').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  const saved = join(WORLD_DIR, 'downloads', fileName);
  await download.saveAs(saved);
  await expect(page.getByTestId('briefing-exported')).toHaveAttribute('data-file-name', fileName);

  // Read back: the same seven sheets, each titled for Zouping, Zouping's rows only.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量']);
  for (const ws of wb.worksheets) expect(String(ws.getCell(1, 1).value), ws.name).toContain('（邹平市）');
  const byCounty = dataRows(wb.getWorksheet('分县统计')!);
  expect(byCounty.map((r) => r.slice(0, 5))).toEqual([['邹平市', mine.total, mine.red, mine.yellow, mine.green]]);
  const changes = Number(await page.getByTestId('brf-changes-rows').getAttribute('data-value'));
  const changeRows = dataRows(wb.getWorksheet('转码明细')!).filter((r) => r[0] !== null);
  expect(changeRows).toHaveLength(changes);
  for (const r of changeRows) expect(r[2]).toBe('邹平市');
  expect(dataRows(wb.getWorksheet('企业复工')!).map((r) => r[0])).toEqual(['邹平市']);
  const texts = allTexts(wb);
  for (const other of COUNTIES.filter((c) => c.code !== ZOUPING)) expect(texts, other.name).not.toContain(other.name);
  expect(texts).not.toContain('全市合计');

  // Among the recent exports: this one, and no briefing of another county or of the city.
  const rows = page.getByTestId('briefing-recent-row');
  await expect(rows.first()).toHaveAttribute('data-file-name', fileName);
  for (const name of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-file-name') ?? '')))
    expect(name).toContain('邹平市');
});

test('two users of one machine keep their own languages, and a language follows its user to another machine', async ({ page, browser }) => {
  const w = world();
  await page.goto(w.url);
  await expectLanguage(page, 'zh');
  await signInAs(page, 'lang-a');
  await expectLanguage(page, 'zh');
  const kept = page.waitForResponse((r) => r.url().endsWith('/api/auth.setLanguage') && r.ok());
  await page.getByTestId('lang-switch').click();
  await kept;
  await expectLanguage(page, 'en');
  await expect(page.getByTestId('nav-dashboard')).toHaveText('Dashboard');

  // Signed out, the machine keeps its last language; the next user gets their own.
  await signOut(page);
  await expectLanguage(page, 'en');
  await signInAs(page, 'lang-b');
  await expectLanguage(page, 'zh');
  await expect(page.getByTestId('nav-dashboard')).toHaveText('态势总览');
  await signOut(page);
  await expectLanguage(page, 'zh');
  await signInAs(page, 'lang-a');
  await expectLanguage(page, 'en');
  // A reload keeps it.
  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText('lang-a');
  await expectLanguage(page, 'en');

  // Another machine (a browser that never saw this console): Chinese until lang-a signs in.
  const other = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
  const seat = await other.newPage();
  await seat.goto(w.url);
  await expectLanguage(seat, 'zh');
  await signInAs(seat, 'lang-a');
  await expectLanguage(seat, 'en');
  await other.close();
  expect(sql(w.db, "SELECT language FROM users WHERE name = 'lang-a'")).toBe('en');
  expect(sql(w.db, "SELECT coalesce(language, 'none') FROM users WHERE name = 'lang-b'")).toBe('none');
});

test('a user changes their own password: a wrong current one, a short new one, then one that signs in', async ({ page }) => {
  const w = world();
  const mine = 'a phrase only I know 42';
  await page.goto(w.url);
  await signInAs(page, 'pw-self');
  await page.getByTestId('change-password').click();
  const dialog = page.getByTestId('change-password-dialog');
  await expect(dialog).toBeVisible();

  await page.getByTestId('change-current').fill('not-my-password-1');
  await page.getByTestId('change-new').fill(mine);
  await page.getByTestId('change-confirm').fill(mine);
  await page.getByTestId('change-submit').click();
  await expect(dialog.getByText('当前密码不正确，请重新输入')).toBeVisible();
  await expect(page.getByTestId('change-current')).toBeFocused();
  await expect(page.getByTestId('change-current')).toHaveValue('');

  await page.getByTestId('change-current').fill(PASSWORD);
  await page.getByTestId('change-new').fill('short-one');
  await page.getByTestId('change-confirm').fill('short-one');
  await page.getByTestId('change-submit').click();
  await expect(dialog.getByText('密码至少需要 12 个字符')).toBeVisible();
  // The earlier answer about the current password no longer shows.
  await expect(dialog.getByText('当前密码不正确，请重新输入')).toHaveCount(0);
  await page.getByTestId('change-new').fill('123456789012');
  await page.getByTestId('change-confirm').fill('123456789012');
  await expect(dialog.getByText(/最常被猜测/)).toBeVisible();

  await page.getByTestId('change-new').fill(mine);
  await page.getByTestId('change-confirm').fill(mine);
  await page.getByTestId('change-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('change-password-done')).toHaveText('密码已修改。');

  // The old password no longer signs in; the new one does.
  await signOut(page);
  await page.getByTestId('signin-name').fill('pw-self');
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toContainText('用户名或密码错误');
  await signInAs(page, 'pw-self', mine);
  await expect(page.getByTestId('user-county')).toHaveAttribute('data-county', '371623');

  // Audited, without a password.
  expect(sql(w.db, "SELECT count(*) FROM audit_log WHERE action = 'auth.password_changed' AND user_name = 'pw-self'")).toBe('1');
  expect(sql(w.db, "SELECT count(*) FROM audit_log WHERE action = 'auth.password_change_refused' AND user_name = 'pw-self'")).toBe('1');
  const log = sql(w.db, "SELECT group_concat(details, ' ') FROM audit_log WHERE user_name = 'pw-self'");
  for (const secret of [PASSWORD, mine, 'not-my-password-1']) expect(log).not.toContain(secret);
});
