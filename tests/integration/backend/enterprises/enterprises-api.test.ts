/**
 * The Enterprises methods (ENTERPRISES.md) through the one dispatch on a hand-built city
 * (small-city.ts): every figure of the spec's table, approval as of D from the register's history,
 * stale codes and both kinds of violation; county scope on every method; the writer's two methods;
 * exports masked and audited; the weekly report's sheets; and the same numbers in the briefing.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ParamsOf } from '../../../../shared/contract/api.ts';
import type { EnterpriseCountyTable } from '../../../../shared/contract/enterprises.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { enterpriseStaff } from '../../../../electron/backend/briefing/enterprise-staff.ts';
import { runCli } from '../../../support/cli.ts';
import { pdfPages, printedPdf } from '../../../support/libreoffice.ts';
import { type TestConsole, testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';
import { A, B, C, D, P, buildSmallCity } from './small-city.ts';

const UNMASKED_ID = /(?<![0-9])\d{17}[\dXx](?![0-9])/;
const UNMASKED_PHONE = /(?<![0-9])1\d{10}(?![0-9])/;

const USERS = [
  { name: 'officer1', role: 'officer' },
  { name: 'credit1', role: 'credit' },
  { name: 'writer1', role: 'writer' },
  { name: 'huimin1', role: 'officer', county: '371621' },
];

let exports = 0;

/** An export as the desktop makes it (ipc: the file the save dialog chose), read back. */
async function exported<M extends 'enterprises.exportList' | 'enterprises.weeklyReport' | 'enterprises.exportCounties'>(
  c: TestConsole,
  user: string,
  method: M,
  params: ParamsOf<M>,
): Promise<{ rows: number; wb: ExcelJS.Workbook; file: string }> {
  const file = join(c.dir, `export-${++exports}.xlsx`);
  const r = await c.call(user, method, { ...params, target: file } as ParamsOf<M>, 'ipc');
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { rows: r.value.rows, wb, file };
}

function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? ''))));
  return out;
}

const texts = (wb: ExcelJS.Workbook): string[] => wb.worksheets.flatMap(sheetTexts);

describe('enterprises and sites', () => {
  const dir = suiteTempDir();
  let c: TestConsole;
  beforeAll(async () => {
    c = await testConsole(dir, { users: USERS });
    await buildSmallCity(c.services.db, dir);
  });

  test('the county table: every figure of the spec, approval as of D from the history', async () => {
    const t = await c.ok('officer1', 'enterprises.counties', { asOf: D });
    const bincheng = t.rows.find((r) => r.countyCode === '371602')!;
    expect(bincheng).toMatchObject({
      approved: 1,
      notApproved: 1,
      staff: 5,
      noCode: 1,
      mayReturn: 2,
      homeQuarantine: 1,
      centralQuarantine: 1,
      compliant: 2,
      // Passes and denials at the sites of both enterprises; K2 (yellow) and K4 (B not approved).
      passes: 3,
      denials: 1,
      violations: 2,
    });
    expect(bincheng.complianceRate).toBeCloseTo(2 / 4);
    // C approved as the register stood on D (its withdrawal is dated 02-18).
    expect(t.rows.find((r) => r.countyCode === '371621')).toMatchObject({ approved: 1, notApproved: 0, staff: 1, compliant: 1 });
    expect(t.total).toMatchObject({ countyCode: '371600', approved: 2, notApproved: 1, staff: 6, violations: 2 });
    const later = await c.ok('officer1', 'enterprises.counties', { asOf: '2020-02-18' });
    expect(later.rows.find((r) => r.countyCode === '371621')).toMatchObject({ approved: 0, notApproved: 1, staff: 0 });
  });

  test('the list: sorts, search by name or credit-code prefix, filters, paging with total', async () => {
    const all = await c.ok('officer1', 'enterprises.list', { asOf: D, sort: 'red_yellow' });
    expect(all.total).toBe(3);
    expect(all.rows[0]!.creditCode).toBe(A);
    expect(all.industries).toEqual(expect.arrayContaining(['制造业', '批发零售']));
    const a = all.rows[0]!;
    expect(a).toMatchObject({ approved: true, approvedOn: '2020-02-12', adminName: '王管理', adminPhoneMasked: '139****1111' });
    const byViolations = await c.ok('officer1', 'enterprises.list', { asOf: D, sort: 'violations', limit: 2 });
    expect(byViolations.total).toBe(3);
    expect(byViolations.rows).toHaveLength(2);
    expect(byViolations.rows.map((r) => r.violations)).toEqual([1, 1]);
    const nonCompliant = await c.ok('officer1', 'enterprises.list', { asOf: D, sort: 'non_compliance' });
    expect(nonCompliant.rows[0]!.creditCode).toBe(A);
    expect((await c.ok('officer1', 'enterprises.list', { asOf: D, search: '乙商贸' })).rows.map((r) => r.creditCode)).toEqual([B]);
    expect(
      (await c.ok('officer1', 'enterprises.list', { asOf: D, search: C.slice(0, 8).toLowerCase() })).rows.map((r) => r.creditCode),
    ).toEqual([C]);
    expect((await c.ok('officer1', 'enterprises.list', { asOf: D, approval: 'not_approved' })).rows.map((r) => r.creditCode)).toEqual([B]);
    expect(
      (await c.ok('officer1', 'enterprises.list', { asOf: D, industry: '制造业', county: '371621' })).rows.map((r) => r.creditCode),
    ).toEqual([C]);
  });

  test('an enterprise page: 14 days ending on D, its sites', async () => {
    const e = await c.ok('credit1', 'enterprises.get', { creditCode: A, asOf: D });
    expect(e.days).toHaveLength(14);
    expect(e.days.at(-1)).toMatchObject({ day: D, staff: 5, passes: 2, denials: 1, violations: 1 });
    // Before the first declarations nobody held a code.
    expect(e.days[0]).toMatchObject({ day: '2020-02-04', staff: 0 });
    expect(e.sites.map((s) => s.siteId)).toEqual(['S1']);
    expect(e.enterprise).toMatchObject({ creditCode: A, staff: 5, compliant: 2 });
  });

  test('staff: masked, status, since, expected back (null while an ongoing condition holds), check-ins', async () => {
    const s = await c.ok('officer1', 'enterprises.staff', { creditCode: A, asOf: D });
    expect(s.total).toBe(5);
    expect(s.rows.map((r) => r.status)).toEqual(['red', 'yellow', 'no_code', 'green', 'green']);
    const [red, yellow, noCode] = s.rows;
    expect(red).toMatchObject({ expectedBack: null, since: '2020-02-12', idMasked: P.red.slice(0, 6) + '********' + P.red.slice(-4) });
    expect(yellow!.expectedBack! > D).toBe(true);
    expect(yellow).toMatchObject({ since: '2020-02-15', checkins: 2 });
    expect(noCode).toMatchObject({ since: null, expectedBack: null, checkins: 0 });
    for (const r of s.rows) {
      expect(JSON.stringify(r)).not.toMatch(UNMASKED_ID);
      expect(JSON.stringify(r)).not.toMatch(UNMASKED_PHONE);
    }
    // A reference opens the person's page in this session.
    expect((await c.ok('officer1', 'people.get', { ref: red!.ref, asOf: D })).color).toBe('red');
    const nonCompliant = await c.ok('officer1', 'enterprises.staff', { county: '371602', nonCompliant: true, asOf: D });
    expect(nonCompliant.rows.map((r) => r.status).sort()).toEqual(['green', 'red']);
  });

  test('sites: figures per county and kind, stale codes, violations of both kinds, a site by hour', async () => {
    const s = await c.ok('officer1', 'sites.stats', { asOf: D });
    expect(s.total).toEqual({ scans: 6, passes: 5, denials: 1, shownRed: 2, shownYellow: 0, stale: 1, violations: 3 });
    expect(s.rows.map((r) => `${r.countyCode}:${r.kind}:${r.scans}`)).toEqual(['371602:enterprise:4', '371621:checkpoint:2']);
    expect(s.busiest[0]).toMatchObject({ siteId: 'S1', scans: 3 });
    const v = await c.ok('officer1', 'sites.scans', { asOf: D, filter: 'violation' });
    expect(v.rows.map((r) => `${r.scanId}:${r.violation}`)).toEqual(['K2:yellow_passed', 'K4:not_approved', 'K6:red_passed']);
    expect(v.rows[0]).toMatchObject({ shownColor: 'green', colorAtScan: 'yellow' });
    expect((await c.ok('officer1', 'sites.scans', { asOf: D, filter: 'stale' })).rows.map((r) => r.scanId)).toEqual(['K5']);
    const site = await c.ok('officer1', 'sites.get', { siteId: 'S3', asOf: D });
    expect(site.hours[10]).toEqual({ hour: 10, scans: 2, passes: 2, denials: 0, violations: 1 });
    expect(site.site).toMatchObject({ kind: 'checkpoint', stale: 1 });
  });

  test('a county account sees its county only, on every method', async () => {
    const t = await c.ok('huimin1', 'enterprises.counties', { asOf: D, county: '371602' });
    expect(t.rows.map((r) => r.countyCode)).toEqual(['371621']);
    expect(t.total).toMatchObject({ countyCode: '371621', approved: 1 });
    expect((await c.ok('huimin1', 'enterprises.list', { asOf: D })).rows.map((r) => r.creditCode)).toEqual([C]);
    for (const [method, params] of [
      ['enterprises.get', { creditCode: A, asOf: D }],
      ['enterprises.staff', { creditCode: A, asOf: D }],
      ['sites.get', { siteId: 'S1', asOf: D }],
      ['sites.scans', { siteId: 'S1', asOf: D }],
      ['sites.scans', { creditCode: A, asOf: D }],
    ] as const) {
      const r = await c.call('huimin1', method, params as never);
      expect(r.ok ? 'ok' : r.error.code, method).toBe('not_found');
    }
    expect((await c.ok('huimin1', 'enterprises.get', { creditCode: C, asOf: D })).enterprise.staff).toBe(1);
    expect((await c.ok('huimin1', 'enterprises.staff', { asOf: D })).rows.map((r) => r.creditCode)).toEqual([C]);
    const s = await c.ok('huimin1', 'sites.stats', { asOf: D });
    expect(s.rows.map((r) => r.countyCode)).toEqual(['371621']);
    expect(s.total.scans).toBe(2);
    expect((await c.ok('huimin1', 'sites.scans', { asOf: D })).rows.map((r) => r.scanId)).toEqual(['K5', 'K6']);
    const e = await exported(c, 'huimin1', 'enterprises.exportList', { list: 'enterprises', asOf: D });
    expect(e.rows).toBe(1);
    expect(texts(e.wb)).not.toContain(A);
  });

  test('a writer may read the county table and the weekly report, nothing else', async () => {
    expect((await c.call('writer1', 'enterprises.counties', { asOf: D })).ok).toBe(true);
    expect((await c.call('writer1', 'enterprises.weeklyReport', { week: '2020-W07' })).ok).toBe(true);
    expect((await c.call('writer1', 'enterprises.exportCounties', { asOf: D })).ok).toBe(true);
    for (const [method, params] of [
      ['enterprises.list', { asOf: D }],
      ['enterprises.get', { creditCode: A }],
      ['enterprises.staff', { creditCode: A }],
      ['sites.stats', {}],
      ['sites.get', { siteId: 'S1' }],
      ['sites.scans', {}],
      ['enterprises.exportList', { list: 'staff' }],
    ] as const) {
      const r = await c.call('writer1', method, params as never);
      expect(r.ok ? 'ok' : r.error.code, method).toBe('forbidden');
    }
  });

  test('exports are masked and audited without personal data', async () => {
    const db = c.services.db;
    for (const list of ['enterprises', 'staff', 'scans', 'sites'] as const) {
      const r = await exported(c, 'officer1', 'enterprises.exportList', { list, asOf: D, ...(list === 'staff' ? { creditCode: A } : {}) });
      expect(r.rows).toBeGreaterThan(0);
      const all = texts(r.wb).join('\n');
      expect(all, list).not.toMatch(UNMASKED_ID);
      expect(all, list).not.toMatch(UNMASKED_PHONE);
    }
    const audits = db.prepare("SELECT details FROM audit_log WHERE action = 'enterprises.export' ORDER BY id").pluck().all() as string[];
    expect(audits.length).toBeGreaterThanOrEqual(4);
    for (const a of audits) {
      expect(a).not.toMatch(UNMASKED_ID);
      expect(JSON.parse(a)).toHaveProperty('rows');
    }
    const staffBook = await exported(c, 'officer1', 'enterprises.exportList', { list: 'staff', asOf: D, creditCode: A });
    expect(texts(staffBook.wb)).toContain(P.red.slice(0, 6) + '********' + P.red.slice(-4));
  });

  test('the weekly report: a city summary and a sheet per county, approved that week, no administrator', async () => {
    const { wb, file } = await exported(c, 'officer1', 'enterprises.weeklyReport', { week: '2020-W07' });
    // LibreOffice opens it (the weekly report goes to the city as a file people open anywhere).
    expect(pdfPages(printedPdf(file, dir)).length).toBeGreaterThanOrEqual(wb.worksheets.length);
    const counties = ['滨城区', '沾化区', '惠民县', '阳信县', '无棣县', '博兴县', '邹平市'];
    expect(wb.worksheets.map((w) => w.name)).toEqual(['全市汇总', ...counties]);
    const bincheng = sheetTexts(wb.getWorksheet('滨城区')!);
    expect(bincheng).toEqual(expect.arrayContaining([A, '滨州甲机械有限公司', '王管理', '139****1111', '是']));
    expect(bincheng).not.toContain(B);
    expect(sheetTexts(wb.getWorksheet('惠民县')!)).toEqual(expect.arrayContaining([C, '未报']));
    expect(texts(wb).join('\n')).not.toMatch(UNMASKED_PHONE);
    const bad = await c.call('officer1', 'enterprises.weeklyReport', { week: '2021-W53' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('bad_request');
  });

  test('the same numbers in the briefing: its 企业复工 rows are the county table', async () => {
    const t: EnterpriseCountyTable = await c.ok('officer1', 'enterprises.counties', { asOf: D });
    const sheet = enterpriseStaff(c.services.db, parseDay(D)!);
    const api = [...t.rows, t.total].map((r) => [r.approved, r.staff, r.centralQuarantine, r.homeQuarantine, r.mayReturn, r.noCode]);
    expect(sheet.map((r) => [r.approved, r.staff, r.red, r.yellow, r.green, r.no_code])).toEqual(api);
  });

  test('hcc enterprises and hcc sites --json agree with the API (and so with the briefing)', async () => {
    const db = join(dir, 'console.db');
    const t = await c.ok('officer1', 'enterprises.counties', { asOf: D });
    const list = await runCli(['enterprises', 'list', '--db', db, '--as-of', D, '--json']);
    expect(list.code, list.stderr).toBe(0);
    const parsed = JSON.parse(list.stdout) as { total: unknown; counties: unknown[]; enterprises: { creditCode: string }[] };
    expect(parsed.total).toEqual(t.total);
    expect(parsed.counties).toEqual(t.rows);
    expect(parsed.enterprises.map((e) => e.creditCode)).toEqual(
      (await c.ok('officer1', 'enterprises.list', { asOf: D })).rows.map((e) => e.creditCode),
    );
    const show = await runCli(['enterprises', 'show', '--db', db, '--credit-code', A, '--as-of', D, '--json']);
    expect(show.code, show.stderr).toBe(0);
    const detail = JSON.parse(show.stdout) as { days: unknown[]; staff: { status: string }[] };
    expect(detail.days).toHaveLength(14);
    expect(detail.staff.map((r) => r.status)).toEqual(['red', 'yellow', 'no_code', 'green', 'green']);
    expect(show.stdout).not.toMatch(UNMASKED_ID);
    const sites = await runCli(['sites', 'stats', '--db', db, '--as-of', D, '--kind', 'checkpoint', '--json']);
    expect(sites.code, sites.stderr).toBe(0);
    expect((JSON.parse(sites.stdout) as { total: { scans: number } }).total.scans).toBe(2);
    const out = join(dir, 'week.xlsx');
    const report = await runCli(['enterprises', 'report', '--db', db, '--week', '2020-W07', '--out', out, '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ rows: 2, sheets: 8 });
    const human = await runCli(['enterprises', 'list', '--db', db, '--as-of', D]);
    expect(human.stdout).toContain('滨城区');
    expect((await runCli(['enterprises', 'report', '--db', db, '--week', '2020-08', '--out', out])).code).toBe(2);
  });
});
