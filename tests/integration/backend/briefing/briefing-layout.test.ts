/**
 * The daily Excel briefing (BRIEFING.md) as a workbook, written by `hcc briefing` on a demo city and
 * read back with ExcelJS: sheets, headers, formats, print set-up, masking of every cell, text never a
 * formula, nothing half-written; and it converts to an A4-landscape PDF in LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../support/cli.ts';
import { pdfPages, printedPdf } from '../../../support/libreoffice.ts';
import {
  allTexts,
  briefingWorld,
  dataRows,
  headerRowOf,
  headers,
  SHEETS,
  UNMASKED_ID,
  UNMASKED_PHONE,
} from '../../../support/briefing-world.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

describe('hcc briefing: the workbook', async () => {
  const { dir, db, last, phones, names, changed, file, written, wb } = await briefingWorld(suiteTempDir());

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
