import { readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { cellText } from '../../shared/domain/feeds/cells.ts';
import type { SourceRow } from '../../electron/backend/import/row-source.ts';
import { UnreadableFileError } from '../../electron/backend/import/unreadable-file.ts';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits, xlsxRows } from '../../electron/backend/import/xlsx-source.ts';
import { isBuiltInDateFormat, isDateFormatCode } from '../../electron/backend/import/xlsx-styles.ts';
import {
  MAIN_NS,
  paddedStream,
  patchCentralRecord,
  sheetXml,
  stylesXml,
  tempFolder,
  workbookParts,
  writeWorkbook,
  writeZip,
} from './support/xlsx-builder.ts';

const tmp = tempFolder();
afterAll(() => tmp.cleanup());
let seq = 0;
const file = (ext = 'xlsx') => tmp.path(`f${++seq}.${ext}`);

async function readAll(path: string, limits?: Partial<XlsxLimits>, batchSize?: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of xlsxRows(path, limits, batchSize)) rows.push(...batch);
  return rows;
}

async function failure(path: string, limits?: Partial<XlsxLimits>): Promise<UnreadableFileError> {
  try {
    await readAll(path, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableFileError);
    const e = err as UnreadableFileError;
    expect(e.problem.zh).toMatch(/[\u4e00-\u9fff]/);
    return e;
  }
  throw new Error('expected the workbook to be refused');
}

/** A one-sheet workbook whose sheet rows are given as XML. */
async function handMade(rows: string, o: Omit<Parameters<typeof writeWorkbook>[1], 'sheet'> = {}): Promise<string> {
  const path = file();
  await writeWorkbook(path, { sheet: sheetXml(rows), ...o });
  return path;
}

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
    const rich = '<r><rPr><b/></rPr><t>滨州</t></r><r><t xml:space="preserve"> &amp; 东营</t></r><rPh sb="0" eb="2"><t>ビンシュウ</t></rPh><phoneticPr fontId="1"/>';
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
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" s="0"/><c r="G3" t="inlineStr"><is><t></t></is></c></row>' +
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
    for (const code of ['General', '0.00', '"$"#,##0', '[Red]#,##0', '0.00E+00', '@', '#,##0"天"', '\\d0', '_-* #,##0_-;[Red]-* #,##0_-', '[>=100]0;0']) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
    expect([13, 14, 22, 23, 27, 36, 37, 45, 47, 49, 50, 58, 59].map(isBuiltInDateFormat)).toEqual([
      false, true, true, false, true, true, false, true, true, false, true, true, false,
    ]);
  });

  test('absolute, relative and dotted sheet targets; the first sheet in workbook order; no root .rels', async () => {
    const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>';
    for (const sheetTarget of ['/xl/data/first.xml', 'data/first.xml', '../xl/data/./first.xml']) {
      const path = await handMade(row, { sheetTarget, sheetPath: 'xl/data/first.xml', omitRootRels: sheetTarget.startsWith('..') });
      expect((await readAll(path))[0]?.cells, sheetTarget).toEqual(['ok']);
    }
    // A chart sheet listed first is skipped; a worksheet listed first wins over rId order.
    const chart = { name: '图表', type: 'chartsheet', target: 'chartsheets/sheet1.xml', path: 'xl/chartsheets/sheet1.xml', xml: `<chartsheet xmlns="${MAIN_NS}"/>` };
    const other = { name: '说明', type: 'worksheet', target: 'worksheets/notes.xml', path: 'xl/worksheets/notes.xml', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>') };
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

describe('hostile and unreadable files', () => {
  test('a DOCTYPE with entities (billion laughs, XXE) is refused', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const e1 = await failure(await (async () => {
      const p = file();
      await writeWorkbook(p, { sheet: laughs });
      return p;
    })());
    expect(e1.problem.code).toBe('not_readable');
    expect(e1.problem.en).toMatch(/DOCTYPE/);
    const xxe = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst xmlns="' + MAIN_NS + '"><si><t>&x;</t></si></sst>';
    const p2 = file();
    await writeZip(p2, workbookParts({ sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sharedStrings: [] }).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: xxe } : p)));
    expect((await failure(p2)).problem.en).toMatch(/DOCTYPE.*sharedStrings/);
    // An undefined entity without a DOCTYPE is malformed XML, not expanded.
    expect((await failure(await handMade('<row r="1"><c r="A1" t="inlineStr"><is><t>&ent;</t></is></c></row>'))).problem.en).toMatch(/well-formed/);
  });

  test('a zip bomb (300 MB of zeros in one entry) is refused from the central directory, quickly and in little memory', async () => {
    const path = file();
    const parts = workbookParts({ sheet: '' }).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: paddedStream('', 300 * 1024 * 1024, 0) } : p));
    await writeZip(path, parts);
    expect(statSync(path).size).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage();
    const t0 = performance.now();
    const e = await failure(path);
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    expect(e.problem.code).toBe('too_large');
    expect(e.problem.en).toMatch(/compressed \d+ to 1/);
    expect(ms).toBeLessThan(1000);
    expect(after.external + after.arrayBuffers - (before.external + before.arrayBuffers)).toBeLessThan(32 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
    // A tighter per-entry limit stops a smaller entry on its declared size alone.
    const small = await handMade('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect((await failure(small, { maxEntryBytes: 100 })).problem.code).toBe('too_large');
    expect((await failure(small, { maxUncompressedBytes: 500 })).problem.en).toMatch(/in all/);
  });

  test('a zip whose directory declares less data than an entry really holds is refused', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>头</t></is></c></row>');
    const path = file();
    const parts = workbookParts({ sheet: '' }).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: paddedStream(sheet, 300 * 1024 * 1024) } : p));
    await writeZip(path, parts);
    const honest = await failure(path);
    expect(honest.problem.code).toBe('too_large'); // declared honestly: the ratio check refuses it
    writeFileSync(path, patchCentralRecord(readFileSync(path), 'xl/worksheets/sheet1.xml', 'uncompressedSize', Buffer.byteLength(sheet) + 10));
    const t0 = performance.now();
    const e = await failure(path);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.problem.code).toBe('not_readable');
    expect(e.problem.en).toMatch(/damaged.*too many bytes/);
  });

  test('an encrypted workbook (OLE/CFB container) is refused with a password message', async () => {
    const path = file();
    writeFileSync(path, Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(4096)]));
    const e = await failure(path);
    expect(e.problem.code).toBe('not_readable');
    expect(e.problem.en).toMatch(/password/);
    expect(e.problem.zh).toMatch(/密码/);
  });

  test('a zip entry encrypted with a zip password is refused with a password message', async () => {
    const path = await handMade('<row r="1"><c r="A1"><v>1</v></c></row>');
    writeFileSync(path, patchCentralRecord(readFileSync(path), 'xl/worksheets/sheet1.xml', 'flags', 1));
    expect((await failure(path)).problem.en).toMatch(/password-protected/);
  });

  test('elements nested absurdly deep are refused; many self-closing elements are fine', async () => {
    const deep = await handMade(`<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(5000)}${'</r>'.repeat(5000)}</is></c></row>`);
    expect((await failure(deep)).problem.en).toMatch(/nests elements more than/);
    const flat = Array.from({ length: 300 }, (_, i) => `<c r="${String.fromCharCode(65 + (i % 26))}${i + 1}" s="0"/>`).join('');
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="0"/><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
    const path = await handMade(rows + `<row r="400">${flat}</row>`);
    const result = await readAll(path);
    expect(result).toHaveLength(300);
    expect(result[299]).toEqual({ line: 300, cells: ['', '299'] });
  });

  test.runIf(process.platform === 'linux')('stopping early closes the file', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const path = await handMade(rows);
    const openFiles = () => readdirSync('/proc/self/fd').filter((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`) === path; } catch { return false; } }).length;
    let seen = 0;
    for await (const batch of xlsxRows(path, {}, 10)) {
      seen += batch.length;
      if (seen === 10) expect(openFiles()).toBe(1);
      if (seen >= 20) break;
    }
    expect(seen).toBe(20);
    await new Promise((r) => setTimeout(r, 50));
    expect(openFiles()).toBe(0);
  });

  test('a non-zip file, a broken zip, a zip without a workbook and a workbook without sheets are refused', async () => {
    const csv = file();
    writeFileSync(csv, '身份证号,姓名\n1,2\n');
    expect((await failure(csv)).problem.en).toMatch(/not an XLSX workbook/);
    const broken = file();
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    expect((await failure(broken)).problem.en).toMatch(/damaged/);
    const plainZip = file();
    await writeZip(plainZip, [{ name: 'readme.txt', data: 'hello' }]);
    expect((await failure(plainZip)).problem.en).toMatch(/not an Excel workbook/);
    const noSheets = file();
    await writeZip(noSheets, workbookParts({ sheet: sheetXml('') }).map((p) =>
      p.name === 'xl/workbook.xml' ? { ...p, data: `<workbook xmlns="${MAIN_NS}"><sheets/></workbook>` } : p));
    expect((await failure(noSheets)).problem.en).toMatch(/no sheets/);
    const missing = file();
    await writeZip(missing, workbookParts({ sheet: sheetXml('') }).filter((p) => !p.name.includes('worksheets')));
    expect((await failure(missing)).problem.en).toMatch(/missing/);
    expect((await failure(tmp.path('does-not-exist.xlsx'))).problem.en).toMatch(/cannot be opened/);
  });

  test('row, column, shared string, cell length, entry count and file size limits', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const path = await handMade(rows);
    expect(await readAll(path, { maxRows: 5 })).toHaveLength(5);
    const e = await failure(path, { maxRows: 4 });
    expect([e.problem.code, e.problem.en]).toEqual(['too_large', expect.stringMatching(/more than 4 rows/)]);

    const wide = await handMade('<row r="1"><c r="C1"><v>1</v></c><c r="D1" s="0"/></row>');
    expect(await readAll(wide, { maxColumns: 3 })).toEqual([{ line: 1, cells: ['', '', '1'] }]);
    const wider = await handMade('<row r="1"><c r="D1"><v>1</v></c></row><row r="2"><c r="XFD2"><v>1</v></c></row>');
    expect((await failure(wider, { maxColumns: 3 })).problem.en).toMatch(/D1 holds data beyond column 3/);
    expect((await failure(wider)).problem.en).toMatch(/XFD2/);

    const sst = await handMade('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sharedStrings: ['a', 'b', 'c'] });
    expect((await failure(sst, { maxSharedStrings: 2 })).problem.code).toBe('too_large');
    expect(await readAll(sst, { maxSharedStrings: 3 })).toHaveLength(1);

    const long = await handMade('<row r="1"><c r="A1" t="inlineStr"><is><t>0123456789</t></is></c><c r="B1"><v>12345678901</v></c></row>');
    expect((await failure(long, { maxCellChars: 10 })).problem.en).toMatch(/B1 holds more than 10 characters/);
    expect((await failure(long, { maxCellChars: 9 })).problem.en).toMatch(/A1 holds more than 9/);
    const longShared = await handMade('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sharedStrings: ['x'.repeat(11)] });
    expect((await failure(longShared, { maxCellChars: 10 })).problem.code).toBe('too_large');

    expect((await failure(path, { maxEntries: 3 })).problem.en).toMatch(/parts, more than 3/);
    expect((await failure(path, { maxFileBytes: 100 })).problem.en).toMatch(/more than the/);
    expect(DEFAULT_XLSX_LIMITS.maxColumns).toBe(200);
  });
});

test('speed: 200k rows x 4 shared-string columns written by ExcelJS streaming', async () => {
  const path = file();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('数据');
  ws.addRow(['身份证号', '姓名', '地址', '申报时间']).commit();
  for (let i = 0; i < 200_000; i++) {
    ws.addRow([`3716021980${String(i).padStart(8, '0')}`, `姓名${i % 5000}`, `滨州市滨城区黄河${i % 300}路${i}号`, `2024-01-${(i % 28) + 1}`]).commit();
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
