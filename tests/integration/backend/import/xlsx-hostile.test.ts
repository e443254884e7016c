/** The XLSX reader against hostile and unreadable files: entity bombs, zip bombs, lying directories, passwords, deep nesting, limits. */
import { readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_XLSX_LIMITS, xlsxRows } from '../../../../electron/backend/import/xlsx-source.ts';
import {
  MAIN_NS,
  paddedStream,
  patchCentralRecord,
  sheetXml,
  workbookParts,
  writeWorkbook,
  writeZip,
} from '../../../support/xlsx-builder.ts';
import { xlsxReadingKit } from '../../../support/xlsx-reading.ts';

const { tmp, file, readAll, failure, handMade } = xlsxReadingKit();

describe('hostile and unreadable files', () => {
  test('a DOCTYPE with entities (billion laughs, XXE) is refused', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const e1 = await failure(
      await (async () => {
        const p = file();
        await writeWorkbook(p, { sheet: laughs });
        return p;
      })(),
    );
    expect(e1.problem.code).toBe('not_readable');
    expect(e1.problem.en).toMatch(/DOCTYPE/);
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst xmlns="' + MAIN_NS + '"><si><t>&x;</t></si></sst>';
    const p2 = file();
    await writeZip(
      p2,
      workbookParts({ sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sharedStrings: [] }).map((p) =>
        p.name === 'xl/sharedStrings.xml' ? { ...p, data: xxe } : p,
      ),
    );
    expect((await failure(p2)).problem.en).toMatch(/DOCTYPE.*sharedStrings/);
    // An undefined entity without a DOCTYPE is malformed XML, not expanded.
    expect((await failure(await handMade('<row r="1"><c r="A1" t="inlineStr"><is><t>&ent;</t></is></c></row>'))).problem.en).toMatch(
      /well-formed/,
    );
  });

  test('a zip bomb (300 MB of zeros in one entry) is refused from the central directory, quickly and in little memory', async () => {
    const path = file();
    const parts = workbookParts({ sheet: '' }).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: paddedStream('', 300 * 1024 * 1024, 0) } : p,
    );
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
    const parts = workbookParts({ sheet: '' }).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: paddedStream(sheet, 300 * 1024 * 1024) } : p,
    );
    await writeZip(path, parts);
    const honest = await failure(path);
    expect(honest.problem.code).toBe('too_large'); // declared honestly: the ratio check refuses it
    writeFileSync(
      path,
      patchCentralRecord(readFileSync(path), 'xl/worksheets/sheet1.xml', 'uncompressedSize', Buffer.byteLength(sheet) + 10),
    );
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
    const rows = Array.from(
      { length: 300 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="0"/><c r="B${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const path = await handMade(rows + `<row r="400">${flat}</row>`);
    const result = await readAll(path);
    expect(result).toHaveLength(300);
    expect(result[299]).toEqual({ line: 300, cells: ['', '299'] });
  });

  test.runIf(process.platform === 'linux')('stopping early closes the file', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const path = await handMade(rows);
    const openFiles = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === path;
        } catch {
          return false;
        }
      }).length;
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
    await writeZip(
      noSheets,
      workbookParts({ sheet: sheetXml('') }).map((p) =>
        p.name === 'xl/workbook.xml' ? { ...p, data: `<workbook xmlns="${MAIN_NS}"><sheets/></workbook>` } : p,
      ),
    );
    expect((await failure(noSheets)).problem.en).toMatch(/no sheets/);
    const missing = file();
    await writeZip(
      missing,
      workbookParts({ sheet: sheetXml('') }).filter((p) => !p.name.includes('worksheets')),
    );
    expect((await failure(missing)).problem.en).toMatch(/missing/);
    expect((await failure(tmp.path('does-not-exist.xlsx'))).problem.en).toMatch(/no such file; check the name/);
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
