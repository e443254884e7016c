/**
 * Same numbers everywhere (issue 14): for one day of a demo city, the Enterprises screen's county
 * table (through the dispatch, as the renderer calls it), `hcc enterprises list --json` and the
 * 企业复工 sheet of the briefing workbook `hcc briefing` writes agree, county by county.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EnterpriseCountyRow } from '../../../../shared/contract/enterprises.ts';
import { runCli } from '../../../support/cli.ts';
import { type TestConsole, testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

/** The briefing sheet's columns after the county: approved, staff, red, yellow, green, no code. */
const figures = (r: EnterpriseCountyRow) => [r.approved, r.staff, r.centralQuarantine, r.homeQuarantine, r.mayReturn, r.noCode];

describe('the county table, the CLI and the briefing print the same numbers', () => {
  const dir = suiteTempDir();
  let c: TestConsole;
  beforeAll(async () => {
    c = await testConsole(dir, { demo: { people: 4000, days: 7 }, users: [{ name: 'officer1', role: 'officer' }] });
  });

  test('one day, every county and the city', async () => {
    const screen = await c.ok('officer1', 'enterprises.counties', {});
    const day = screen.day;
    expect(screen.total.staff).toBeGreaterThan(500);
    expect(screen.total.noCode).toBeGreaterThan(0);
    const db = join(dir, 'console.db');

    const cli = await runCli(['enterprises', 'list', '--db', db, '--as-of', day, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as { counties: EnterpriseCountyRow[]; total: EnterpriseCountyRow };
    expect(printed.counties).toEqual(screen.rows);
    expect(printed.total).toEqual(screen.total);

    const out = join(dir, 'briefing.xlsx');
    const briefing = await runCli(['briefing', '--db', db, '--date', day, '--out', out]);
    expect(briefing.code, briefing.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('企业复工')!;
    const byName = new Map<string, number[]>();
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1);
      if (typeof cells[1] === 'number') byName.set(String(cells[0]), cells.slice(1, 7) as number[]);
    });
    for (const r of screen.rows) expect(byName.get(r.countyName), r.countyName).toEqual(figures(r));
    const city = [...byName.entries()].find(([name]) => !screen.rows.some((r) => r.countyName === name));
    expect(city?.[1]).toEqual(figures(screen.total));
  });

  test('every site figure is the total of the list behind it, for the city, a county and a kind', async () => {
    const pairs = [
      ['scans', 'all'],
      ['passes', 'pass'],
      ['denials', 'deny'],
      ['shownRed', 'shown_red'],
      ['shownYellow', 'shown_yellow'],
      ['stale', 'stale'],
      ['violations', 'violation'],
    ] as const;
    const stats = await c.ok('officer1', 'sites.stats', {});
    expect(stats.total.violations).toBeGreaterThan(0);
    expect(stats.total.denials).toBeGreaterThan(0);
    const cell = stats.rows.find((r) => r.kind === 'enterprise' && r.violations > 0) ?? stats.rows[0]!;
    for (const [figure, filter] of pairs) {
      const city = await c.ok('officer1', 'sites.scans', { filter, limit: 5 });
      expect(city.total, figure).toBe(stats.total[figure]);
      const narrowed = await c.ok('officer1', 'sites.scans', { filter, county: cell.countyCode, kind: cell.kind, limit: 5 });
      expect(narrowed.total, `${figure} of ${cell.countyCode} ${cell.kind}`).toBe(cell[figure]);
      // A site's list is counted in SQL (a county's total is the kept figure): it must agree with the site's figure too.
      for (const site of stats.busiest.slice(0, 3)) {
        const own = await c.ok('officer1', 'sites.scans', { filter, siteId: site.siteId, limit: 5 });
        expect(own.total, `${figure} at ${site.siteId}`).toBe(site[figure]);
      }
      // A page is in time order.
      const times = city.rows.map((r) => r.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});
