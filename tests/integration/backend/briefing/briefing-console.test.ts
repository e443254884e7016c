/**
 * The Briefings screen's API through the one dispatch: the preview's figures are the dashboard's and
 * `countyStats`' for the date; the export runs in a worker thread, lands as a download for the
 * session, is audited and listed among recent exports; who may, and bad dates.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { countyStats } from '../../../../electron/backend/rules/county-stats.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

describe('briefing.preview, briefing.export, briefing.recent', async () => {
  const c = await testConsole(suiteTempDir(), {
    demo: { people: 1500, days: 8 },
    users: [
      { name: 'wri', role: 'writer' },
      { name: 'ofc', role: 'officer' },
      { name: 'zou', role: 'writer', county: '371681' },
    ],
  });

  test('the preview defaults to the latest data day and gives the dashboard’s numbers for it', async () => {
    const p = await c.ok('wri', 'briefing.preview', {});
    expect(p.day).toBe(p.latestDataDay);
    expect(p.fileName).toBe(`滨州健康码每日简报_${p.day}.xlsx`);
    const city = countyStats(c.services.db, parseDay(p.day)!).find((r) => r.county_code === 'total')!;
    expect(p.kpis).toMatchObject({ red: city.red, yellow: city.yellow, green: city.green, total: city.total, noCode: city.no_code });
    const dash = await c.ok('wri', 'dashboard.summary', { asOf: p.day });
    expect(p.kpis).toEqual(dash.kpis);
    const last = dash.trend.at(-1)!;
    expect(p.turned).toEqual({ red: last.turnedRed, yellow: last.turnedYellow, green: last.turnedGreen });
    expect(p.changes).toBe(last.turnedRed + last.turnedYellow + last.turnedGreen);
    expect(p.trendFrom).toBe('2020-02-04');
    const earlier = await c.ok('wri', 'briefing.preview', { day: '2020-02-12' });
    expect(earlier.day).toBe('2020-02-12');
    expect(earlier.kpis.total).toBeLessThan(p.kpis.total);
  });

  test('the export is written in a worker, downloaded once by this session, audited and listed', async () => {
    const r = await c.ok('wri', 'briefing.export', { day: '2020-02-16', trendFrom: '2020-02-10' });
    expect(r.fileName).toBe('滨州健康码每日简报_2020-02-16.xlsx');
    expect(r.sheets).toEqual(['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量']);
    expect(r.downloadUrl).toMatch(/^\/download\//);
    // The file waits in the data folder's downloads/ for this session to fetch it.
    const waiting = readdirSync(join(c.dir, 'downloads'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.xlsx'));
    expect(waiting).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(c.dir, 'downloads', waiting[0]!));
    const trend = wb.getWorksheet('趋势')!;
    expect(trend.getCell(2, 1).value).toBe('2020-02-10 至 2020-02-16，每日24时\u3000单位：人');
    const recent = await c.ok('wri', 'briefing.recent', {});
    expect(recent[0]).toMatchObject({ user: 'wri', day: '2020-02-16', fileName: r.fileName });
    const entry = c.services.db
      .prepare("SELECT details FROM audit_log WHERE action = 'export.briefing' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toMatchObject({ day: '2020-02-16', trendFrom: '2020-02-10' });
  });

  test('in the desktop window: the chosen file is written and listed by its name; a folder that is gone is said plainly', async () => {
    const target = join(c.dir, '我的简报.xlsx');
    const r = await c.call('wri', 'briefing.export', { day: '2020-02-16', target }, 'ipc');
    expect(r.ok && r.value.fileName).toBe('我的简报.xlsx');
    expect((await c.ok('wri', 'briefing.recent', {}))[0]).toMatchObject({ fileName: '我的简报.xlsx' });
    const gone = await c.call('wri', 'briefing.export', { day: '2020-02-16', target: join(c.dir, 'gone', 'b.xlsx') }, 'ipc');
    expect(gone.ok ? null : gone.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/the folder .*gone does not exist; choose another folder/),
      messageZh: expect.stringMatching(/不存在/),
    });
  });

  test('only report writers (a county’s get their county’s briefing: briefing-county.test.ts); dates are checked', async () => {
    expect((await c.call('ofc', 'briefing.preview', {})).ok).toBe(false);
    const county = await c.ok('zou', 'briefing.export', { day: '2020-02-16' });
    expect(county.fileName).toBe('滨州健康码每日简报_邹平市_2020-02-16.xlsx');
    const backwards = await c.call('wri', 'briefing.export', { day: '2020-02-12', trendFrom: '2020-02-13' });
    expect(backwards.ok ? null : backwards.error).toMatchObject({ code: 'bad_request', messageZh: expect.stringContaining('趋势') });
    const bad = await c.call('wri', 'briefing.export', { day: '2020-13-45' });
    expect(bad.ok ? null : bad.error.code).toBe('bad_request');
    const none = await c.call('wri', 'briefing.export', {} as never);
    expect(none.ok ? null : none.error.messageZh).toContain('简报日期');
  });
});
