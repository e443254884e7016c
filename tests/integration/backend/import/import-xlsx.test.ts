import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { importFile } from '../../../../electron/backend/import/import-file.ts';
import { listRejects } from '../../../../electron/backend/rejects/rejects.ts';
import { personId } from '../../../support/people.ts';
import { sheetXml, writeWorkbook } from '../../../support/xlsx-builder.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('XLSX import', () => {
  test('Chinese headers, date cells, booleans and text IDs; a mangled numeric ID is rejected with its reason', async () => {
    const dir = tempDir();
    const path = join(dir, 'declarations-2020-02-20.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申报');
    ws.addRow(['身份证号', '申报时间', '县区代码', '发热', '14天内到过重点地区', '备注']);
    const at = new Date(Date.UTC(2020, 1, 20, 8, 30)); // written as the wall-clock time 2020-02-20 08:30
    ws.addRow([personId(1), at, '371602', '否', '是', 'ok']);
    ws.addRow([personId(2), '2020-02-20 09:00:00', 371603, 0, 1, '']);
    ws.addRow([Number(personId(3).replace('X', '0')), at, '371602', '否', '否', 'number cell']);
    ws.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
    await wb.xlsx.writeFile(path);

    const db = openDatabase(join(dir, 'c.db'));
    const r = await importFile(db, { path, feed: 'declarations', origin: 'import' });
    expect(r).toMatchObject({ status: 'done', read: 3, accepted: 2, rejected: 1, ignoredColumns: ['备注'] });
    const rows = db.prepare('SELECT person_id, declared_at, county_code, fever, key_area_visit FROM declarations ORDER BY person_id').all();
    expect(rows).toEqual([
      { person_id: personId(1), declared_at: Date.parse('2020-02-20T08:30:00+08:00'), county_code: '371602', fever: 0, key_area_visit: 1 },
      { person_id: personId(2), declared_at: Date.parse('2020-02-20T09:00:00+08:00'), county_code: '371603', fever: 0, key_area_visit: 1 },
    ]);
    const reject = listRejects(db)[0]!;
    expect(reject).toMatchObject({ line: 4, column: 'person_id' });
    expect(db.prepare('SELECT encoding FROM import_batches').get()).toEqual({ encoding: 'xlsx' });
  });

  test('a workbook found damaged after thousands of good rows stores nothing of it', async () => {
    const dir = tempDir();
    const path = join(dir, 'checkins-2020-02-20.xlsx');
    // 5,000 good rows (more than one chunk is read and written), then a cell that points at a
    // shared string that does not exist.
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const rows = [`<row r="1">${cell('A1', 'person_id')}${cell('B1', 'checked_at')}${cell('C1', 'temperature')}</row>`];
    for (let i = 2; i <= 5001; i++)
      rows.push(`<row r="${i}">${cell(`A${i}`, personId(i % 900))}${cell(`B${i}`, '2020-02-20 08:00')}${cell(`C${i}`, '36.5')}</row>`);
    rows.push('<row r="5002"><c r="A5002" t="s"><v>99</v></c></row>');
    await writeWorkbook(path, { sheet: sheetXml(rows.join('')), sharedStrings: ['x'] });
    const db = openDatabase(join(dir, 'c.db'));
    const r = await importFile(db, { path, feed: 'checkins', origin: 'import' });
    expect(r).toMatchObject({ status: 'unreadable', read: 0, accepted: 0, rejected: 0 });
    expect(r.error?.en).toMatch(/A5002.*shared text/);
    for (const table of ['checkin_days', 'abnormal_checkins', 'rejected_rows']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT status, rows_read, accepted FROM import_batches').all()).toEqual([
      { status: 'unreadable', rows_read: 0, accepted: 0 },
    ]);
  });

  test('a workbook that is not a workbook is rejected whole', async () => {
    const dir = tempDir();
    const path = join(dir, 'fake.xlsx');
    (await import('node:fs')).writeFileSync(path, 'person_id,checked_at\n');
    const db = openDatabase(join(dir, 'c.db'));
    const r = await importFile(db, { path, feed: 'checkins', origin: 'import' });
    expect(r.status).toBe('unreadable');
    expect(r.error?.en).toMatch(/not an XLSX workbook/);
  });
});
