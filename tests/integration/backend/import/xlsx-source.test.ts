import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { cellText } from '../../../../shared/domain/feeds/cells.ts';
import type { SourceRow } from '../../../../electron/backend/import/row-source.ts';
import { xlsxRows } from '../../../../electron/backend/import/xlsx-source.ts';
import { isBuiltInDateFormat, isDateFormatCode } from '../../../../electron/backend/import/xlsx-styles.ts';
import { MAIN_NS, sheetXml, stylesXml } from '../../../support/xlsx-builder.ts';
import { xlsxReadingKit } from '../../../support/xlsx-reading.ts';

const { file, readAll, failure, handMade } = xlsxReadingKit();

describe('workbooks written by ExcelJS', () => {
  test('Chinese headers, shared strings, dates, booleans, formulas, errors, gaps and line numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('报送数据');
    ws.getCell('A1').value = '身份证号';
    ws.getCell('B1').value = '姓名';
    ws.getCell('C1').value = '申报时间';
    ws.getCell('D1').value = '阳性';
    ws.getCell('E1').value = '数量';
    ws.getCell('F1').value = '备注';
    ws.getCell('A3').value = '371602198001011234';
    ws.getCell('B3').value = '张三';
    ws.getCell('C3').value = new Date(Date.UTC(2024, 0, 15, 8, 30));
    ws.getCell('C3').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
    ws.getCell('D3').value = true;
    ws.getCell('E3').value = { formula: 'LEN(B3)*10', result: 20 };
    ws.getCell('F3').value = { formula: 'B3&"（已核）"', result: '张三（已核）' };
    ws.getCell('A4').value = '李四';
    ws.getCell('C4').value = new Date(Date.UTC(2024, 1, 29));
    ws.getCell('D4').value = false;
    ws.getCell('E4').value = { error: '#N/A' };
    ws.getCell('G4').value = null; // styled empty cells at the end are trimmed
    ws.getCell('G4').numFmt = '0.00';
    ws.getCell('A5').value = 12.5;
    ws.getCell('A5').numFmt = '0.00';
    const path = file();
    await wb.xlsx.writeFile(path);

    const rows = await readAll(path);
    expect(rows).toEqual([
      { line: 1, cells: ['身份证号', '姓名', '申报时间', '阳性', '数量', '备注'] },
      { line: 3, cells: ['371602198001011234', '张三', { excelSerial: expect.closeTo(45306.3541667, 6) }, 'true', '20', '张三（已核）'] },
      { line: 4, cells: ['李四', '', { excelSerial: 45351 }, 'false', '#N/A'] },
      { line: 5, cells: ['12.5'] },
    ]);
    expect(cellText(rows[2]?.cells[2])).toBe('2024-02-29');
    expect(cellText(rows[1]?.cells[2])).toBe('2024-01-15 08:30:00');
  });

  test('streamed workbook without shared strings (str and rich inline strings), in batches', async () => {
    const path = file();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const ws = wb.addWorksheet('数据');
    ws.addRow(['序号', '地址', '富文本']).commit();
    for (let i = 1; i <= 250; i++) {
      ws.addRow([i, `滨州市 <${i}> & "路"`, { richText: [{ text: '红' }, { text: `色${i}`, font: { bold: true } }] }]).commit();
    }
    ws.commit();
    await wb.commit();
    const sizes: number[] = [];
    const rows: SourceRow[] = [];
    for await (const batch of xlsxRows(path, {}, 100)) {
      sizes.push(batch.length);
      rows.push(...batch);
    }
    expect(sizes).toEqual([100, 100, 51]);
    expect(rows[0]).toEqual({ line: 1, cells: ['序号', '地址', '富文本'] });
    expect(rows[250]).toEqual({ line: 251, cells: ['250', '滨州市 <250> & "路"', '红色250'] });
  });
});

describe('hand-written workbooks', () => {
  test('an 18-digit ID stored as a number keeps all its digits; numbers are the stored text', async () => {
    const path = await handMade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>371602198001011234</v></c><c r="B2" t="n"><v>0.1000000000000000055511</v></c><c r="C2"><v>1.5E+20</v></c></row>',
    );
    const rows = await readAll(path);
    expect(rows[1]).toEqual({ line: 2, cells: ['371602198001011234', '0.1000000000000000055511', '1.5E+20'] });
    expect(String(Number('371602198001011234'))).not.toBe('371602198001011234'); // what going through a number would lose
  });

  test('the worksheet may be stored before the shared strings and the workbook', async () => {
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row>';
    const path = await handMade(rows, { sharedStrings: ['身份证号', '申报时间', '王五'], reverse: true });
    const names = readFileSync(path).toString('latin1');
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    expect(await readAll(path)).toEqual([
      { line: 1, cells: ['身份证号', '申报时间'] },
      { line: 2, cells: ['王五'] },
    ]);
  });

  test('rich text runs are concatenated, phonetic runs left out, entities and _xHHHH_ escapes decoded', async () => {
    const rich =
      '<r><rPr><b/></rPr><t>滨州</t></r><r><t xml:space="preserve"> &amp; 东营</t></r><rPh sb="0" eb="2"><t>ビンシュウ</t></rPh><phoneticPr fontId="1"/>';
    const path = await handMade(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><v>a_x000D_b</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>x_x005F_x0041_y</t><rPh><t>no</t></rPh></is></c><c r="E1" t="inlineStr"><is><t><![CDATA[<raw>]]></t></is></c></row>',
      { sharedStrings: [rich, '第一行_x000A_第二行 <b>'] },
    );
    expect((await readAll(path))[0]?.cells).toEqual(['滨州 & 东营', '第一行\n第二行 <b>', 'a\rb', 'x_x0041_y', '<raw>']);
  });

  test('cells go by their column letters; rows and cells without r follow the previous one; empty rows are skipped', async () => {
    const path = await handMade(
      '<row r="2"><c r="C2" t="inlineStr"><is><t>c</t></is></c><c r="AA2"><v>27</v></c></row>' +
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" s="0"/><c r="G3" ' +
        't="inlineStr"><is><t></t></is></c></row>' +
        '<row r="7"><c r="A7" t="inlineStr"><is><t></t></is></c><c r="B7" s="1"/></row>' +
        '<row r="9"><c r="B9" t="e"><v>#DIV/0!</v></c></row>',
    );
    const rows = await readAll(path);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 9]);
    expect(rows[0]?.cells).toHaveLength(27);
    expect(rows[0]?.cells[2]).toBe('c');
    expect(rows[0]?.cells[26]).toBe('27');
    expect(rows[0]?.cells.filter((c) => c !== '')).toEqual(['c', '27']);
    expect(rows[1]?.cells).toEqual(['a', '2', '', '', 'true']);
    expect(rows[2]?.cells).toEqual(['', '#DIV/0!']);
  });

  test('the 1904 date system is converted to 1900 serials', async () => {
    const styles = stylesXml([], [0, 14]);
    const rows = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43844.5</v></c><c r="C1"><v>100</v></c></row>';
    const r1904 = await readAll(await handMade(rows, { styles, date1904: true }));
    expect(r1904[0]?.cells).toEqual([{ excelSerial: 1462 }, { excelSerial: 45306.5 }, '100']);
    expect(cellText(r1904[0]?.cells[0])).toBe('1904-01-01');
    expect(cellText(r1904[0]?.cells[1])).toBe('2024-01-15 12:00:00');
    const r1900 = await readAll(await handMade(rows, { styles }));
    expect(r1900[0]?.cells[1]).toEqual({ excelSerial: 43844.5 });
  });

  test('custom date formats are dates; 0.00, "$"#,##0 and [Red] number formats are not', async () => {
    const styles = stylesXml(
      [
        [164, 'yyyy\\-mm\\-dd'],
        [165, '0.00'],
        [166, '"$"#,##0'],
        [167, '[Red][$-804]0.00;-0.00'],
        [168, '[$-804]yyyy"年"m"月"d"日"'],
        [169, '[h]:mm'],
        [170, '#,##0 "件数 hms"'],
      ],
      [0, 164, 165, 166, 167, 168, 169, 170, 22, 57, 49, 2],
    );
    const cells = Array.from({ length: 12 }, (_, s) => `<c r="${String.fromCharCode(65 + s)}1" s="${s}"><v>45306.25</v></c>`).join('');
    const rows = await readAll(await handMade(`<row r="1">${cells}</row>`, { styles }));
    const d = { excelSerial: 45306.25 };
    const n = '45306.25';
    expect(rows[0]?.cells).toEqual([n, d, n, n, n, d, d, n, d, d, n, n]);
  });

  test('date format code rules', () => {
    for (const code of ['m/d/yy', 'yyyy"年"m"月"', 'hh:mm:ss', '[ss]', 'mmm-yy', '[$-F800]dddd, mmmm dd, yyyy', 'h:mm AM/PM']) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of [
      'General',
      '0.00',
      '"$"#,##0',
      '[Red]#,##0',
      '0.00E+00',
      '@',
      '#,##0"天"',
      '\\d0',
      '_-* #,##0_-;[Red]-* #,##0_-',
      '[>=100]0;0',
    ]) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
    expect([13, 14, 22, 23, 27, 36, 37, 45, 47, 49, 50, 58, 59].map(isBuiltInDateFormat)).toEqual([
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  test('absolute, relative and dotted sheet targets; the first sheet in workbook order; no root .rels', async () => {
    const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>';
    for (const sheetTarget of ['/xl/data/first.xml', 'data/first.xml', '../xl/data/./first.xml']) {
      const path = await handMade(row, { sheetTarget, sheetPath: 'xl/data/first.xml', omitRootRels: sheetTarget.startsWith('..') });
      expect((await readAll(path))[0]?.cells, sheetTarget).toEqual(['ok']);
    }
    // A chart sheet listed first is skipped; a worksheet listed first wins over rId order.
    const chart = {
      name: '图表',
      type: 'chartsheet',
      target: 'chartsheets/sheet1.xml',
      path: 'xl/chartsheets/sheet1.xml',
      xml: `<chartsheet xmlns="${MAIN_NS}"/>`,
    };
    const other = {
      name: '说明',
      type: 'worksheet',
      target: 'worksheets/notes.xml',
      path: 'xl/worksheets/notes.xml',
      xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>'),
    };
    expect((await readAll(await handMade(row, { before: [chart] })))[0]?.cells).toEqual(['ok']);
    expect((await readAll(await handMade(row, { before: [chart, other] })))[0]?.cells).toEqual(['说明']);
  });

  test('a __proto__ header stays plain text and pollutes no prototype', async () => {
    const path = await handMade(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>polluted</t></is></c></row>' +
        '<row r="2" __proto__="x"><c r="A2" t="inlineStr" constructor="y"><is><t>{"polluted":1}</t></is></c><c r="B2"><v>1</v></c></row>',
      { sharedStrings: ['__proto__', 'constructor'], styles: stylesXml([[164, 'toString']], [0]) },
    );
    const rows = await readAll(path);
    expect(rows[0]?.cells).toEqual(['__proto__', 'constructor', 'polluted']);
    expect(rows[1]?.cells).toEqual(['{"polluted":1}', '1']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    // A shared-string index that is not a number is refused, not looked up.
    const bad = await handMade('<row r="1"><c r="A1" t="s"><v>__proto__</v></c></row>', { sharedStrings: ['a'] });
    expect((await failure(bad)).problem.code).toBe('not_readable');
    const outOfRange = await handMade('<row r="1"><c r="A1" t="s"><v>1</v></c></row>', { sharedStrings: ['a'] });
    expect((await failure(outOfRange)).problem.en).toMatch(/damaged/);
  });
});

test('speed: 200k rows x 4 shared-string columns written by ExcelJS streaming', async () => {
  const path = file();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('数据');
  ws.addRow(['身份证号', '姓名', '地址', '申报时间']).commit();
  for (let i = 0; i < 200_000; i++) {
    ws.addRow([
      `3716021980${String(i).padStart(8, '0')}`,
      `姓名${i % 5000}`,
      `滨州市滨城区黄河${i % 300}路${i}号`,
      `2024-01-${(i % 28) + 1}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  const t0 = performance.now();
  let n = 0;
  let last: SourceRow | undefined;
  for await (const batch of xlsxRows(path)) {
    n += batch.length;
    last = batch.at(-1);
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`xlsxRows: ${n} rows in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} rows/s`);
  expect(n).toBe(200_001);
  expect(last).toEqual({ line: 200_001, cells: ['371602198000199999', '姓名4999', '滨州市滨城区黄河199路199999号', '2024-01-24'] });
  expect(n / seconds).toBeGreaterThan(30_000); // ~110k rows/s measured on a quiet machine
});
