/**
 * The briefing of a county-scoped writer (issue 16): the same seven sheets and the same preview,
 * read for their county alone, with titles and the file name saying the county. Whatever they send,
 * nothing of another county reaches them: the preview's figures, every sheet's rows and names, the
 * recent exports. The city's writer still gets the city's; `hcc briefing --county` writes the same
 * workbook as the console.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { personCounty } from '../../../../electron/backend/people/person-county.ts';
import { countyStats } from '../../../../electron/backend/rules/county-stats.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { SHEETS, allTexts, dataRows, readBook } from '../../../support/briefing-world.ts';
import { runCli } from '../../../support/cli.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const ZOUPING = '371681';
const WUDI = '371623';
const OTHERS = COUNTIES.filter((c) => c.code !== ZOUPING);

describe('a county writer’s briefing', async () => {
  const dir = suiteTempDir();
  const c = await testConsole(dir, {
    demo: { people: 2500, days: 8 },
    users: [
      { name: 'wri', role: 'writer' },
      { name: 'zou', role: 'writer', county: ZOUPING },
      { name: 'wudi', role: 'writer', county: WUDI },
      { name: 'ofc', role: 'officer' },
      { name: 'cre', role: 'credit' },
    ],
  });
  const db = c.services.db;
  // Decisions today in three counties, so each county's notice list differs from the city's.
  const decided: Record<string, number> = {};
  for (const county of [ZOUPING, WUDI, '371602']) {
    const person = (
      db.prepare('SELECT person_id FROM residents WHERE county_code = ? ORDER BY person_id').pluck().all(county) as string[]
    ).find((id) => personCounty(db, id) === county)!;
    const flagged = await c.ok('ofc', 'cases.flag', { ref: await c.ref('ofc', person), behavior: 'impersonation', reason: '群众举报' });
    await c.ok('cre', 'cases.move', { id: flagged.id, move: 'review', reason: '审查' });
    await c.ok('cre', 'cases.move', { id: flagged.id, move: 'decide', reason: '经核实，转为红码' });
    decided[county] = flagged.id;
  }

  /** Exports as `user` for the latest data day and reads the workbook the session would download. */
  async function exported(user: string, day: string) {
    const before = new Set(downloads());
    const r = await c.ok(user, 'briefing.export', { day });
    const file = downloads().find((f) => !before.has(f))!;
    return { r, wb: await readBook(join(dir, 'downloads', file)) };
  }
  const downloads = () =>
    (readdirSync(join(dir, 'downloads'), { recursive: true }) as string[]).map(String).filter((f) => f.endsWith('.xlsx'));

  test('the preview is the county’s: its dashboard’s figures, its changes and notices, its file name', async () => {
    const p = await c.ok('zou', 'briefing.preview', {});
    const day = parseDay(p.day)!;
    expect(p.county).toBe(ZOUPING);
    expect(p.fileName).toBe(`滨州健康码每日简报_邹平市_${p.day}.xlsx`);
    const mine = countyStats(db, day).find((r) => r.county_code === ZOUPING)!;
    expect(p.kpis).toMatchObject({ red: mine.red, yellow: mine.yellow, green: mine.green, total: mine.total, noCode: mine.no_code });
    // The county account's own dashboard says the same, and neither is the city's.
    const dash = await c.ok('zou', 'dashboard.summary', { asOf: p.day });
    expect(p.kpis).toEqual(dash.kpis);
    const city = await c.ok('wri', 'briefing.preview', { day: p.day });
    expect(city.county).toBeNull();
    expect(city.fileName).toBe(`滨州健康码每日简报_${p.day}.xlsx`);
    expect(p.kpis.total).toBeLessThan(city.kpis.total);
    const changesHere = db
      .prepare("SELECT count(*) FROM code_changes WHERE day = ? AND county_code = ? AND to_color <> 'none' AND from_color <> 'none'")
      .pluck()
      .get(day, ZOUPING) as number;
    expect(p.changes).toBeGreaterThanOrEqual(changesHere);
    expect(p.changes).toBeLessThan(city.changes);
    // One decision in the county today, three in the city.
    expect(p.enforcement.decisions).toBe(1);
    expect(city.enforcement.decisions).toBe(3);
    expect(p.notices).toBe(1);
    expect(p.enforcement.openCases).toBeLessThanOrEqual(city.enforcement.openCases);
  });

  test('no parameter widens it: a county sent along is dropped, the answer stays the county’s', async () => {
    const asked = await c.ok('zou', 'briefing.preview', { county: null } as never);
    expect(asked.county).toBe(ZOUPING);
    const other = await c.call('zou', 'briefing.preview', { county: '371602' } as never);
    expect(other.ok && other.value.county).toBe(ZOUPING);
  });

  test('the workbook: the same sheets, one county’s rows and titles, no other county anywhere', async () => {
    const p = await c.ok('zou', 'briefing.preview', {});
    const { r, wb } = await exported('zou', p.day);
    expect(r.fileName).toBe(p.fileName);
    expect(r.sheets).toEqual(SHEETS);
    expect(wb.worksheets.map((s) => s.name)).toEqual(SHEETS);
    for (const ws of wb.worksheets) expect(String(ws.getCell(1, 1).value), ws.name).toMatch(/^滨州市健康码每日简报（邹平市）/);
    expect(String(wb.getWorksheet('概况')!.getCell(2, 1).value)).toContain('统计范围：邹平市');

    const day = parseDay(p.day)!;
    const mine = countyStats(db, day).find((row) => row.county_code === ZOUPING)!;
    const byCounty = dataRows(wb.getWorksheet('分县统计')!);
    expect(byCounty).toHaveLength(1);
    expect(byCounty[0]!.slice(0, 5)).toEqual(['邹平市', mine.total, mine.red, mine.yellow, mine.green]);
    const summary = new Map(dataRows(wb.getWorksheet('概况')!).map((row) => [row[0], row[1]]));
    expect([summary.get('持码人数'), summary.get('红码'), summary.get('当日处罚决定')]).toEqual([mine.total, mine.red, 1]);

    const changes = dataRows(wb.getWorksheet('转码明细')!).filter((row) => row[0] !== null);
    expect(changes.length).toBe(p.changes);
    for (const row of changes) expect(row[2]).toBe('邹平市');
    const notices = dataRows(wb.getWorksheet('执法通报')!).filter((row) => row[1] !== null);
    expect(notices).toHaveLength(1);
    expect(notices[0]![4]).toBe('邹平市');
    const enterprises = dataRows(wb.getWorksheet('企业复工')!);
    expect(enterprises.map((row) => row[0])).toEqual(['邹平市']);
    const trend = dataRows(wb.getWorksheet('趋势')!);
    expect(trend.at(-1)!.slice(1, 4)).toEqual([mine.red, mine.yellow, mine.green]);

    // No other county's name, and no city total, in any cell of any sheet.
    const texts = allTexts(wb).join('\n');
    for (const other of OTHERS) expect(texts, other.name).not.toContain(other.name);
    expect(texts).not.toContain('全市合计');
    expect(texts).not.toMatch(/\d{17}[\dX]/);
  });

  test('the city’s writer still gets every county and the city total; another county’s writer gets theirs', async () => {
    const p = await c.ok('wri', 'briefing.preview', {});
    const city = await exported('wri', p.day);
    expect(city.r.fileName).toBe(`滨州健康码每日简报_${p.day}.xlsx`);
    expect(String(city.wb.getWorksheet('概况')!.getCell(1, 1).value)).toBe('滨州市健康码每日简报');
    expect(dataRows(city.wb.getWorksheet('分县统计')!).map((row) => row[0])).toEqual([...COUNTIES.map((x) => x.name), '全市合计']);
    expect(dataRows(city.wb.getWorksheet('执法通报')!).filter((row) => row[1] !== null)).toHaveLength(3);

    const wudi = await exported('wudi', p.day);
    expect(wudi.r.fileName).toBe(`滨州健康码每日简报_无棣县_${p.day}.xlsx`);
    expect(dataRows(wudi.wb.getWorksheet('分县统计')!).map((row) => row[0])).toEqual(['无棣县']);
    expect(allTexts(wudi.wb).join('\n')).not.toContain('邹平市');
  });

  test('recent exports: a county’s writer sees their county’s only, the city’s writer all; the audit names the county', async () => {
    const zou = await c.ok('zou', 'briefing.recent', { limit: 100 });
    expect(zou.length).toBeGreaterThan(0);
    for (const row of zou) expect(row).toMatchObject({ user: 'zou', county: ZOUPING, fileName: expect.stringContaining('邹平市') });
    const all = await c.ok('wri', 'briefing.recent', { limit: 100 });
    expect(new Set(all.map((row) => row.county))).toEqual(new Set([ZOUPING, WUDI, null]));
    const audited = db
      .prepare("SELECT details FROM audit_log WHERE action = 'export.briefing' AND user_name = 'zou' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audited)).toMatchObject({ county: ZOUPING, file: expect.stringContaining('邹平市') });
  });

  test('hcc briefing --county writes the same workbook; a code that is no county is a usage error', async () => {
    const p = await c.ok('zou', 'briefing.preview', {});
    const out = join(dir, 'cli-zouping.xlsx');
    const cli = await runCli(['briefing', '--db', join(dir, 'console.db'), '--date', p.day, '--county', ZOUPING, '--out', out, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const fromCli = await readBook(out);
    const fromConsole = (await exported('zou', p.day)).wb;
    const rowsOf = (wb: ExcelJS.Workbook, sheet: string) => dataRows(wb.getWorksheet(sheet)!);
    for (const sheet of ['分县统计', '趋势', '转码明细', '执法通报', '企业复工'])
      expect(rowsOf(fromCli, sheet), sheet).toEqual(rowsOf(fromConsole, sheet));
    const bad = await runCli(['briefing', '--db', join(dir, 'console.db'), '--date', p.day, '--county', '999999', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--county/);
  });
});
