/**
 * 审计日志 as an administrator uses it (issue 16): the chain verified with its head, the log filtered
 * by action, the list exported and read back as a workbook (masked), and every read recorded; an
 * officer has no audit screen. Runs first of the specs: it only appends to the log, which no later
 * spec counts except by differences.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { screenshot, signIn, sql } from './support/pages.ts';
import { WORLD_DIR, world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });

const UNMASKED_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

test('an administrator verifies the chain, filters by action, exports the list; each read is an entry', async ({ page }) => {
  const w = world();
  const readsBefore = Number(sql(w.db, "SELECT count(*) FROM audit_log WHERE action = 'audit.read' AND user_name = 'admin'"));
  await signIn(page, w.url, 'admin');
  await page.getByTestId('nav-audit').click();
  const screen = page.getByTestId('audit-screen');
  await expect(screen).toHaveAttribute('data-ready', 'true');

  // The chain: verified, its length and head those of the database when it was checked.
  const state = page.getByTestId('audit-chain-state');
  await expect(state).toHaveAttribute('data-state', 'ok');
  const entries = Number(await state.getAttribute('data-entries'));
  expect(entries).toBeGreaterThan(5);
  const headHash = (await page.getByTestId('audit-head-hash').textContent())!.trim();
  expect(headHash).toBe(sql(w.db, `SELECT hash FROM audit_log WHERE id = ${entries}`));
  await expect(page.getByTestId('audit-chain')).toContainText('日志链完整');

  // The whole log, newest first: the screen's own check is already among the entries.
  const rows = page.getByTestId('audit-table-row');
  await expect(rows.first()).toBeVisible();
  const ids = (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-id'))))) as number[];
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  await screenshot(page, '23-audit');

  // By action: the accounts the set-up created (hcc user add, recorded without a user: via the command line).
  await page.getByTestId('audit-action').fill('user.');
  await page.getByTestId('audit-search').click();
  await expect(screen).toHaveAttribute('data-ready', 'true');
  const total = Number(await page.getByTestId('audit-total').getAttribute('data-value'));
  expect(total).toBe(Number(sql(w.db, "SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'")));
  expect(total).toBeGreaterThanOrEqual(5);
  await expect(rows).toHaveCount(total);
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))) expect(action).toMatch(/^user\./);

  // The export: the list shown, as a workbook, masked, and recorded with its filters.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const download = await downloading;
  const saved = join(WORLD_DIR, 'downloads', download.suggestedFilename());
  await download.saveAs(saved);
  await expect(page.getByTestId('audit-export-done')).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const sheet = book.getWorksheet('审计日志')!;
  const cells: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
  expect(cells.filter((c) => c === 'user.create').length).toBe(
    Number(sql(w.db, "SELECT count(*) FROM audit_log WHERE action = 'user.create'")),
  );
  expect(cells.join('\n')).not.toMatch(UNMASKED_ID);
  expect(cells.join('\n')).toContain('操作=user.');
  await expect
    .poll(() => sql(w.db, "SELECT details FROM audit_log WHERE action = 'audit.export' AND user_name = 'admin' ORDER BY id DESC LIMIT 1"))
    .toContain('"action":"user."');

  // Every read left an entry: opening the screen, the search (and the check).
  const reads = Number(sql(w.db, "SELECT count(*) FROM audit_log WHERE action = 'audit.read' AND user_name = 'admin'"));
  expect(reads - readsBefore).toBeGreaterThanOrEqual(2);
  expect(Number(sql(w.db, "SELECT count(*) FROM audit_log WHERE action = 'audit.verify' AND user_name = 'admin'"))).toBeGreaterThanOrEqual(
    1,
  );
});

test('an officer has no audit screen, and a bookmark of it lands on their first screen', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'ofc');
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  await page.goto(`${w.url}#/audit`);
  await expect(page.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('audit-screen')).toHaveCount(0);
});
