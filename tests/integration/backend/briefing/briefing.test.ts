/**
 * The daily Excel briefing (BRIEFING.md) written by `hcc briefing` on a demo city, read back with
 * ExcelJS: sheets, headers, formats, print set-up, totals equal to `hcc stats`, the notice list,
 * enterprises against each staff member's own code, masking of every cell, text never a formula,
 * nothing half-written; and the workbook converts to an A4-landscape PDF in LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { databaseClock } from '../../../../electron/backend/clock/database-clock.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import type { CountyStatsRow } from '../../../../electron/backend/rules/county-stats.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { addDays, dayOfInstant, formatDay, parseDay } from '../../../../shared/domain/local-date.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { pdfPages, printedPdf } from '../../../support/libreoffice.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const SHEETS = ['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量'];
const UNMASKED_ID = /(?<![0-9])\d{17}[\dXx](?![0-9])/;
const UNMASKED_PHONE = /(?<![0-9])1\d{10}(?![0-9])/;

/** What `hcc stats --json` prints: the county statistics rows themselves. */
type StatsRow = CountyStatsRow;

/** Every cell's text on every sheet (values of any type, rich text and formulas included). */
function allTexts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        // A number is only a leak when it could be an ID or a phone (rates have many digits too).
        if (typeof v === 'number') out.push(Number.isInteger(v) && v >= 1e10 ? String(v) : '');
        else out.push(typeof v === 'object' && v !== null && !(v instanceof Date) ? JSON.stringify(v) : String(v));
      }),
    ),
  );
  return out;
}

/** The header row of a sheet: the first row whose first cell is bold and filled. */
function headerRowOf(ws: ExcelJS.Worksheet): ExcelJS.Row {
  for (let r = 1; r <= 10; r++) {
    const c = ws.getRow(r).getCell(1);
    if (c.font?.bold && c.fill && 'fgColor' in c.fill) return ws.getRow(r);
  }
  throw new Error(`no header row on ${ws.name}`);
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const row = headerRowOf(ws);
  const out: string[] = [];
  row.eachCell((c) => out.push(String(c.value)));
  return out;
}

/** Data rows under the header, as arrays of values (column 1 first). */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const header = headerRowOf(ws).number;
  const width = headers(ws).length;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(1).border?.top) break;
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value));
  }
  return rows;
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('hcc briefing', async () => {
  const dir = suiteTempDir();
  const db = join(dir, 'city.db');
  const demo = await cliJson<{ dir: string }>(['demo', '--out', join(dir, 'city'), '--people', '2000', '--days', '8', '--seed', '7']);
  await cliJson(['sync', '--db', db, '--source', demo.dir]);
  const last = '2020-02-17';
  const lastDay = parseDay(last)!;

  // A department file whose name would be a formula in a careless spreadsheet, with a bad row: it
  // appears in the data-quality sheet's list of files with errors, as text.
  const hostile = join(dir, '=HYPERLINK("http-x") checkins-2020-02-17.csv');
  writeFileSync(
    hostile,
    'person_id,checked_at,temperature,symptoms\n37160219900101123X,2020-02-17 08:00:00,36.5,0\nnot-an-id,2020-02-17 08:00:00,36.5,0\n',
  );
  const imported = await runCli(['import', '--db', db, '--feed', 'checkins', hostile, '--json']);
  expect(imported.code, imported.stderr).toBe(0);

  // A decision today puts a person on today's notice list; their name (from the residents feed)
  // starts with '=' to prove text stays text.
  for (const [name, role] of [
    ['cre', 'credit'],
    ['ofc', 'officer'],
  ]) {
    expect((await runCli(['user', 'add', '--db', db, '--name', name!, '--role', role!], { input: 'cli-password-1\n' })).code).toBe(0);
  }
  const raw = openDatabase(db);
  const person = raw
    .prepare(
      `SELECT p.person_id FROM person_codes p JOIN residents r ON r.person_id = p.person_id WHERE p.timeline NOT GLOB '*,[yr],*' AND p.timeline GLOB ` +
        `'*,g,*' LIMIT 1`,
    )
    .pluck()
    .get() as string;
  raw.prepare('UPDATE residents SET name = ? WHERE person_id = ?').run('=CMD()', person);
  const phones = raw.prepare('SELECT phone FROM residents WHERE phone IS NOT NULL').pluck().all() as string[];
  // A name that starts with a character XML does not allow (a stray byte-order mark from a
  // department's file), for someone on the day's list of changes: Excel would refuse the workbook.
  const changed = raw
    .prepare(
      `SELECT c.person_id FROM code_changes c JOIN residents r ON r.person_id = c.person_id WHERE c.day = ? AND c.from_color <> 'none' LIMIT 1`,
    )
    .pluck()
    .get(lastDay) as string;
  raw.prepare('UPDATE residents SET name = ? WHERE person_id = ?').run('\uFFFE张三', changed);
  const names = raw
    .prepare("SELECT name FROM residents WHERE length(name) >= 2 AND name NOT LIKE '=%' AND name NOT LIKE '\uFFFE%'")
    .pluck()
    .all() as string[];
  raw.close();
  const flagged = await cliJson<{ id: number }>([
    'case',
    'flag',
    '--db',
    db,
    '--person',
    person,
    '--behavior',
    'impersonation',
    '--user',
    'ofc',
    '--reason',
    '群众举报',
  ]);
  for (const m of ['review', 'decide']) {
    expect((await runCli(['case', m, '--db', db, '--id', String(flagged.id), '--user', 'cre', '--reason', '依据材料'])).code).toBe(0);
  }
  // Decisions are made on the database's clock: a demo city's own day (clock/database-clock.ts).
  const clockDb = openDatabase(db, { readonly: true });
  const today = formatDay(dayOfInstant(databaseClock(clockDb)()));
  clockDb.close();

  const file = join(dir, 'out', `滨州健康码每日简报_${last}.xlsx`);
  execFileSync('mkdir', ['-p', join(dir, 'out')]);
  const written = await cliJson<{ file: string; sheets: string[] }>(['briefing', '--db', db, '--date', last, '--out', file]);
  const wb = await readBook(file);

  test('the seven sheets in order, each with its headers, frozen header rows and A4 landscape print set-up', () => {
    expect(written).toEqual({ file, sheets: SHEETS });
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect(headers(wb.getWorksheet('分县统计')!)).toEqual([
      '县（市、区）',
      '持码人数',
      '红码',
      '黄码',
      '绿码',
      '红黄码占比',
      '未领码人数',
      '覆盖率',
      '红码较前日',
      '黄码较前日',
      '绿码较前日',
    ]);
    expect(headers(wb.getWorksheet('趋势')!)).toEqual(['日期', '红码', '黄码', '绿码', '当日转红码', '当日转黄码', '当日转绿码']);
    expect(headers(wb.getWorksheet('转码明细')!)).toEqual(['身份证号', '姓名', '县（市、区）', '原码色', '现码色', '主要原因']);
    expect(headers(wb.getWorksheet('执法通报')!)).toEqual([
      '类别',
      '诚信记录编号',
      '身份证号',
      '姓名',
      '县（市、区）',
      '行为',
      '决定日期',
      '撤销日期',
    ]);
    expect(headers(wb.getWorksheet('企业复工')!)).toEqual([
      '县（市、区）',
      '批准复工企业',
      '员工总数',
      '红码员工',
      '黄码员工',
      '绿码员工',
      '无码员工',
      '可返岗（绿码）',
      '居家隔离（黄码）',
      '集中隔离（红码）',
    ]);
    expect(headers(wb.getWorksheet('数据质量')!)).toEqual([
      '数据源',
      '当日文件',
      '接收行数',
      '重复行数',
      '拒收行数',
      '最近导入时间',
      '有错误的文件',
    ]);
    for (const ws of wb.worksheets) {
      const header = headerRowOf(ws).number;
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: header });
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        printTitlesRow: `1:${header}`,
      });
      expect(String(ws.getCell(1, 1).value), ws.name).toMatch(/^滨州市健康码每日简报/);
      const h = headerRowOf(ws).getCell(1);
      expect(h.border?.bottom?.style).toBe('thin');
      // Widths fit the content: no column narrower than its header.
      headerRowOf(ws).eachCell((c, i) =>
        expect(ws.getColumn(i).width ?? 0, `${ws.name} ${String(c.value)}`).toBeGreaterThanOrEqual(String(c.value).length * 2),
      );
    }
  });

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

  test('no unmasked ID, phone or full name anywhere; no formula anywhere', () => {
    const texts = allTexts(wb);
    expect(texts.length).toBeGreaterThan(200);
    for (const t of texts) {
      expect(t, 'an unmasked ID').not.toMatch(UNMASKED_ID);
      expect(t, 'an unmasked phone').not.toMatch(UNMASKED_PHONE);
    }
    const all = new Set(texts);
    const leaked = names.filter((n) => all.has(n));
    expect(leaked).toEqual([]);
    expect(phones.length).toBeGreaterThan(0);
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((c) => expect(c.type, `${ws.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula))),
    );
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

  test('bad requests are refused with what to fix, and a failed write leaves no file behind', async () => {
    // Usage errors exit 2 (CLI.md), failures 1.
    const noDate = await runCli(['briefing', '--db', db, '--out', join(dir, 'x.xlsx')]);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toMatch(/--date/);
    const backwards = await runCli(['briefing', '--db', db, '--date', last, '--trend-from', '2020-02-20', '--out', join(dir, 'x.xlsx')]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--trend-from/);
    const nowhere = await runCli(['briefing', '--db', db, '--date', last, '--out', join(dir, 'missing-folder', 'b.xlsx')]);
    expect(nowhere.code).toBe(1);
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.includes('partial'))).toEqual([]);
  });

  test('text XML does not allow is replaced, so the workbook stays readable', () => {
    const row = dataRows(wb.getWorksheet('转码明细')!).find((r) => r[0] === `${changed.slice(0, 6)}********${changed.slice(-4)}`)!;
    expect(row[1]).toBe('\uFFFD**');
    expect(allTexts(wb).some((t) => t.includes('\uFFFE'))).toBe(false);
  });

  test('a long trend table puts its chart on a page of its own, covering the same days', () => {
    const ws = wb.getWorksheet('趋势')!;
    const rows = dataRows(ws);
    const lastRow = headerRowOf(ws).number + rows.length;
    const image = ws.getImages()[0]!;
    expect(image.range.tl.nativeRow).toBeGreaterThanOrEqual(lastRow);
    // The row break sits on the table's last row (Excel's rowBreaks in the sheet XML).
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet3.xml']).toString();
    expect(xml).toMatch(new RegExp(`<rowBreaks[^>]*><brk id="${lastRow}"`));
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

  test('LibreOffice opens it and prints every sheet on A4 landscape', () => {
    const pdf = printedPdf(file, dir);
    expect(pdfPages(pdf).length).toBeGreaterThanOrEqual(SHEETS.length);
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      expect(w).toBeCloseTo(841.9, 0);
      expect(h).toBeCloseTo(595.3, 0);
    }
  });
});
