/**
 * A case through the console as the roles allow: an officer reports a suspicion, credit supervision
 * reviews and decides (the code turns red at once, a credit record is written), records the appeal
 * and revokes; a writer cannot decide, an officer is offered no moves.
 */
import { expect, test } from '@playwright/test';
import { dashboardReady, kpi, screenshot, signIn, sql } from './support/pages.ts';
import { world } from './support/world.ts';

test.describe.configure({ mode: 'serial' });
let caseId = '';

test('an officer reports a suspicion about a person', async ({ page }) => {
  const w = world();
  const name = sql(
    w.db,
    "SELECT r.name FROM residents r JOIN person_codes p USING (person_id) WHERE p.timeline NOT GLOB '*,[yr],*' AND r.county_code = '371602' LIMIT 1",
  );
  await signIn(page, w.url, 'ofc');
  await page.goto(`${w.url}#/enforcement`);
  await expect(page.getByTestId('enforcement-screen')).toBeVisible();
  await page.getByTestId('flag-open').click();
  await page.getByTestId('flag-search').fill(name);
  await page.getByTestId('flag-pick').first().click();
  await page.getByTestId('flag-behavior').selectOption('other');
  await page.getByTestId('flag-reason').fill('群众举报：使用他人健康码进入商超');
  await page.getByTestId('flag-submit').click();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-state', 'suspected');
  caseId = (await page.getByTestId('case-page').getAttribute('data-case-id'))!;
  // An officer may report but not judge: no moves are offered.
  await expect(page.locator('[data-testid^="move-"]:not([data-testid="move-outcome"])')).toHaveCount(0);
  await screenshot(page, '11-case-suspected');
});

test('credit supervision reviews and decides: the code is red at once and a credit record is written', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'cre');
  await dashboardReady(page);
  const redBefore = await kpi(page, 'red');
  await page.goto(`${w.url}#/enforcement/${caseId}`);
  for (const [move, reason] of [
    ['review', '开始审查'],
    ['decide', '经核实属实，转为红码并纳入诚信记录'],
  ] as const) {
    await page.getByTestId(`move-${move}`).click();
    await page.getByTestId('move-reason').fill(reason);
    await page.getByTestId('move-submit').click();
    await expect(page.getByTestId('case-page')).toHaveAttribute('data-state', move === 'review' ? 'under_review' : 'decided');
  }
  await expect(page.getByTestId('case-color')).toHaveAttribute('data-color', 'red');
  await expect(page.getByTestId('credit-record')).toHaveAttribute('data-number', /^BZXY-\d{4}-\d{6}$/);
  await expect(page.getByTestId('credit-record')).toHaveAttribute('data-status', 'effective');
  await screenshot(page, '12-case-decided');
  await page.goto(`${w.url}#/dashboard`);
  await dashboardReady(page);
  expect(await kpi(page, 'red')).toBe(redBefore + 1);
});

test('a report writer cannot decide cases', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'wri');
  await expect(page.getByTestId('nav-enforcement')).toHaveCount(0);
  const r = await page.evaluate(
    async (id) =>
      (
        await fetch('/api/cases.move', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: Number(id), move: 'appeal', reason: '尝试' }),
        })
      ).json(),
    caseId,
  );
  expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('the appeal is recorded and the decision revoked: the record is marked revoked, then the case closes', async ({ page }) => {
  const w = world();
  await signIn(page, w.url, 'cre');
  await page.goto(`${w.url}#/enforcement/${caseId}`);
  for (const [move, state] of [
    ['appeal', 'appealed'],
    ['revoke', 'revoked'],
    ['close', 'closed'],
  ] as const) {
    await page.getByTestId(`move-${move}`).click();
    await page.getByTestId('move-reason').fill(`${move}：依据当事人材料`);
    await page.getByTestId('move-submit').click();
    await expect(page.getByTestId('case-page')).toHaveAttribute('data-state', state);
  }
  await expect(page.getByTestId('credit-record')).toHaveAttribute('data-status', 'revoked');
  await expect(page.getByTestId('case-color')).not.toHaveAttribute('data-color', 'red');
  await expect(page.getByTestId('history-row')).toHaveCount(6);
  await screenshot(page, '13-case-revoked');
  await page.getByRole('link', { name: '返回案件队列' }).click();
  await page.getByTestId('tab-credit').click();
  await expect(page.getByTestId('credit-table')).toBeVisible();
  await screenshot(page, '14-credit-records');
});
