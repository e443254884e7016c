/**
 * The daily Excel briefing's numbers (BRIEFING.md) on a demo city: by county equal to `hcc stats`,
 * the summary, trend and changes agreeing, enterprises against each staff member's own code, the
 * data-quality list, today's notice list and a revocation on its own day.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { addDays, formatDay } from '../../../../shared/domain/local-date.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { allTexts, briefingWorld, dataRows, headerRowOf, readBook, type StatsRow } from '../../../support/briefing-world.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

describe('hcc briefing: the numbers', async () => {
  const { dir, db, last, lastDay, person, flagged, today, wb } = await briefingWorld(suiteTempDir());

  test('the by-county numbers are hcc stats’ for the same date, with the change against the day before', async () => {
    const stats = await cliJson<StatsRow[]>(['stats', '--db', db, '--as-of', last]);
    const before = await cliJson<StatsRow[]>(['stats', '--db', db, '--as-of', formatDay(lastDay - 1)]);
    const rows = dataRows(wb.getWorksheet('分县统计')!);
    expect(rows).toHaveLength(stats.length);
    stats.forEach((s, i) => {
      const [name, total, red, yellow, green, rate, noCode, coverage, dRed, dYellow, dGreen] = rows[i]!;
      const b = before[i]!;
      expect(name).toEqual(s.county_code === 'total' ? '全市合计' : expect.any(String));
      expect([total, red, yellow, green, noCode]).toEqual([s.total, s.red, s.yellow, s.green, s.no_code]);
      expect(rate as number).toBeCloseTo(s.total ? (s.red + s.yellow) / s.total : 0, 10);
      expect(coverage as number).toBeCloseTo(s.total / (s.total + s.no_code), 10);
      expect([dRed, dYellow, dGreen]).toEqual([s.red - b.red, s.yellow - b.yellow, s.green - b.green]);
    });
    const ws = wb.getWorksheet('分县统计')!;
    const firstData = headerRowOf(ws).number + 1;
    expect(ws.getCell(firstData, 2).numFmt).toBe('#,##0');
    expect(ws.getCell(firstData, 6).numFmt).toBe('0.0%');
    expect(ws.getCell(firstData + stats.length - 1, 1).font?.bold).toBe(true);
  });

  test('the summary, the trend and the changes agree with each other and with the city total', async () => {
    const city = (await cliJson<StatsRow[]>(['stats', '--db', db, '--as-of', last])).find((r) => r.county_code === 'total')!;
    const summary = new Map(dataRows(wb.getWorksheet('概况')!).map((r) => [r[0], r]));
    expect(summary.get('持码人数')?.[1]).toBe(city.total);
    expect([summary.get('红码')?.[1], summary.get('黄码')?.[1], summary.get('绿码')?.[1]]).toEqual([city.red, city.yellow, city.green]);
    expect(summary.get('覆盖率')?.[1] as number).toBeCloseTo(city.total / (city.total + city.no_code), 10);

    const trend = dataRows(wb.getWorksheet('趋势')!);
    expect(trend).toHaveLength(14);
    const firstDate = trend[0]![0] as Date;
    expect(firstDate).toBeInstanceOf(Date);
    expect(firstDate.toISOString().slice(0, 10)).toBe(formatDay(addDays(lastDay, -13)));
    expect(wb.getWorksheet('趋势')!.getCell(headerRowOf(wb.getWorksheet('趋势')!).number + 1, 1).numFmt).toBe('yyyy-mm-dd');
    const lastTrend = trend.at(-1)!;
    expect(lastTrend.slice(1, 4)).toEqual([city.red, city.yellow, city.green]);
    const turned = (lastTrend[4] as number) + (lastTrend[5] as number) + (lastTrend[6] as number);
    expect([summary.get('当日转为红码')?.[1], summary.get('当日转为黄码')?.[1], summary.get('当日转为绿码')?.[1]]).toEqual(
      lastTrend.slice(4, 7),
    );

    const changes = dataRows(wb.getWorksheet('转码明细')!);
    expect(turned).toBeGreaterThan(0);
    expect(changes).toHaveLength(turned);
    for (const c of changes) {
      expect(c[0]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(['红码', '黄码', '绿码']).toContain(c[4]);
      expect(c[3]).not.toBe(c[4]);
      expect(String(c[5])).not.toBe('');
    }
    // The two chart images.
    expect(wb.getWorksheet('分县统计')!.getImages()).toHaveLength(1);
    expect(wb.getWorksheet('趋势')!.getImages()).toHaveLength(1);
    expect(String(dataRows(wb.getWorksheet('概况')!).length)).not.toBe('0');
  });

  test('enterprises: approved ones per county, staff counted by their own code that day', () => {
    const check = openDatabase(db, { readonly: true });
    const staff = check
      .prepare(
        'SELECT s.person_id, e.county_code FROM staff s JOIN enterprises e ON e.credit_code = s.credit_code WHERE e.resumption_approved = 1',
      )
      .all() as { person_id: string; county_code: string }[];
    const expected = { staff: 0, red: 0, yellow: 0, green: 0, none: 0 };
    for (const s of staff) {
      expected.staff++;
      expected[personCode(check, s.person_id, lastDay)?.color ?? 'none']++;
    }
    const approved = check.prepare('SELECT count(*) FROM enterprises WHERE resumption_approved = 1').pluck().get() as number;
    check.close();
    const total = dataRows(wb.getWorksheet('企业复工')!).at(-1)!;
    expect(total[0]).toBe('全市合计');
    expect(total.slice(1)).toEqual([
      approved,
      expected.staff,
      expected.red,
      expected.yellow,
      expected.green,
      expected.none,
      expected.green,
      expected.yellow,
      expected.red,
    ]);
    expect(expected.staff).toBeGreaterThan(0);
  });

  test('data quality lists the day’s files per feed and names the file with errors, as text', () => {
    const ws = wb.getWorksheet('数据质量')!;
    const rows = dataRows(ws);
    const checkins = rows.find((r) => r[0] === '健康打卡')!;
    expect(checkins[1]).toBe(2);
    expect(checkins[4]).toBeGreaterThanOrEqual(1);
    expect(String(checkins[6])).toContain('=HYPERLINK("http-x") checkins-2020-02-17.csv');
    expect(checkins[5]).toBeInstanceOf(Date);
    const r = headerRowOf(ws).number + 1 + rows.indexOf(checkins);
    expect(ws.getCell(r, 7).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(r, 7).formula).toBeUndefined();
  });

  test('today’s briefing carries the notice list: the decision, masked, with the name kept as text', async () => {
    const out = join(dir, 'out', 'today.xlsx');
    await cliJson(['briefing', '--db', db, '--date', today, '--out', out]);
    const book = await readBook(out);
    const ws = book.getWorksheet('执法通报')!;
    const rows = dataRows(ws);
    expect(rows).toHaveLength(1);
    const [kind, number, id, name, , behavior, decided] = rows[0]!;
    expect(kind).toBe('处罚决定');
    expect(number).toMatch(/^BZXY-\d{4}-\d{6}$/);
    expect(id).toBe(`${person.slice(0, 6)}********${person.slice(-4)}`);
    // Neutralised as in every sheet we write (files/formula-guard.ts), and stored as text.
    expect(name).toBe("'=*****");
    expect(ws.getCell(headerRowOf(ws).number + 1, 4).type).toBe(ExcelJS.ValueType.String);
    expect(behavior).toBe('冒用他人');
    expect((decided as Date).toISOString().slice(0, 10)).toBe(today);
    const summary = new Map(dataRows(book.getWorksheet('概况')!).map((r) => [r[0], r[1]]));
    expect(summary.get('当日处罚决定')).toBe(1);
    // The audit anchor is printed: the hash of the chain's head when the briefing was made.
    const anchor = allTexts(book).find((t) => t.startsWith('审计日志锚点'))!;
    const hash = /哈希 ([0-9a-f]{64})/.exec(anchor)![1]!;
    expect((await runCli(['audit', 'verify', '--db', db, '--against', hash])).code).toBe(0);
  });

  test('a decision revoked later shows its revocation on the day of the revocation, on both rows', async () => {
    const id = String(flagged.id);
    for (const m of ['appeal', 'revoke']) {
      expect((await runCli(['case', m, '--db', db, '--id', id, '--user', 'cre', '--reason', '复核'])).code).toBe(0);
    }
    const out = join(dir, 'out', 'revoked.xlsx');
    await cliJson(['briefing', '--db', db, '--date', today, '--out', out]);
    const rows = dataRows((await readBook(out)).getWorksheet('执法通报')!);
    expect(rows.map((r) => r[0])).toEqual(['处罚决定', '撤销决定']);
    for (const r of rows) expect((r[7] as Date).toISOString().slice(0, 10)).toBe(today);
  });
});
