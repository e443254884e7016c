/**
 * No date from a file may hang the console (issue 11 §2): dates outside the plausible window are
 * rejected rows with a reason, a date that does not exist is said to be one, and a value that
 * reached the database some other way (written by SQL) cannot stretch an evaluation or a statistic.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { mkdirSync } from 'node:fs';

const tempDir = useTempDir();

interface ImportLine {
  status: string;
  read: number;
  accepted: number;
  rejected: number;
}

function rejectsOf(
  dbFile: string,
): { line: number; column_name: string; value: string; reason: string; reason_zh: string; code: string }[] {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT line, column_name, value, reason, reason_zh, problems FROM rejected_rows ORDER BY line').all() as {
      line: number;
      column_name: string;
      value: string;
      reason: string;
      reason_zh: string;
      problems: string;
    }[];
    return rows.map((r) => ({ ...r, code: (JSON.parse(r.problems) as { code: string }[])[0]!.code }));
  } finally {
    db.close();
  }
}

describe('the plausible window of dates', () => {
  test('an XLSX date cell holding 1E+15 or 99999999 is a rejected row, and the import answers in JSON at once', async () => {
    const dir = tempDir();
    const file = join(dir, 'checkins.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('打卡');
    ws.addRow(['身份证号', '打卡时间', '体温', '有症状']);
    ws.addRow([personId(1), new Date(Date.UTC(2020, 1, 10, 8, 0)), '36.5', '0']);
    ws.addRow([personId(2), 1e15, '36.5', '0']);
    ws.addRow([personId(3), 99_999_999, '36.5', '0']);
    ws.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
    await wb.xlsx.writeFile(file);
    const db = join(dir, 'c.db');
    const [r] = await cliJson<ImportLine[]>(['import', '--db', db, '--feed', 'checkins', file]);
    expect(r).toMatchObject({ status: 'done', read: 3, accepted: 1, rejected: 2 });
    const rejects = rejectsOf(db);
    expect(rejects.map((x) => [x.line, x.column_name, x.code])).toEqual([
      [3, 'checked_at', 'outside_window'],
      [4, 'checked_at', 'outside_window'],
    ]);
    expect(rejects[0]!.value).toBe('1000000000000000');
    expect(rejects[0]!.reason).toMatch(/plausible period 2019-01-01 to \d{4}-\d{2}-\d{2}/);
    expect(rejects[0]!.reason_zh).toMatch(/合理范围/);
    // Later commands on the same database answer at once too.
    const stats = await runCli(['stats', '--db', db, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toBeInstanceOf(Array);
  }, 60_000);

  test('2020-02-30 does not exist; 2018 and two years ahead lie outside the window; the window follows the clock', async () => {
    const dir = tempDir();
    const file = join(dir, 'decl.csv');
    const nextYear = new Date().getUTCFullYear() + 2;
    writeCsv(file, [
      ['person_id', 'declared_at', 'county_code'],
      [personId(1), '2020-02-30 09:00', '371602'],
      [personId(2), '2021-02-29', '371602'],
      [personId(3), '2018-12-31 23:00', '371602'],
      [personId(4), `${nextYear}-06-01 09:00`, '371602'],
      [personId(5), '2020-2-3O 09:00', '371602'],
      [personId(6), '2019-01-01 00:00', '371602'],
    ]);
    const db = join(dir, 'c.db');
    const [r] = await cliJson<ImportLine[]>(['import', '--db', db, '--feed', 'declarations', file]);
    expect(r).toMatchObject({ read: 6, accepted: 1, rejected: 5 });
    const rejects = rejectsOf(db);
    expect(rejects.map((x) => [x.line, x.code])).toEqual([
      [2, 'date_not_exist'],
      [3, 'date_not_exist'],
      [4, 'outside_window'],
      [5, 'outside_window'],
      [6, 'timestamp_format'],
    ]);
    expect(rejects[0]!.reason).toMatch(/this date does not exist/);
    expect(rejects[0]!.reason_zh).toMatch(/该日期不存在/);
  }, 60_000);

  test('values written into the database by other means cannot stretch an evaluation or a statistic', async () => {
    const dir = tempDir();
    const src = join(dir, 'x');
    for (const f of ['residents', 'declarations', 'checkins']) mkdirSync(join(src, f), { recursive: true });
    writeCsv(join(src, 'residents', 'r.csv'), [
      ['person_id', 'name', 'phone', 'county_code', 'address'],
      [personId(1), '甲', '', '371602', ''],
      [personId(2), '乙', '', '371602', ''],
    ]);
    writeCsv(join(src, 'declarations', 'd.csv'), [
      ['person_id', 'declared_at', 'county_code', 'fever'],
      [personId(1), '2020-02-10 09:00', '371602', '1'],
      [personId(2), '2020-02-10 09:00', '371602', '0'],
    ]);
    writeCsv(join(src, 'checkins', 'c.csv'), [
      ['person_id', 'checked_at', 'temperature', 'symptoms'],
      [personId(1), '2020-02-11 08:00', '38.5', '1'],
    ]);
    const file = join(dir, 'c.db');
    const db = openDatabase(file);
    try {
      await syncDirectory(db, { source: src });
      // Poison: a check-in block two million years ahead and a declaration ten million days before 1970.
      db.prepare('INSERT INTO checkin_days (block, person_id, mask, changed_batch) VALUES (?, ?, 1, 1)').run(30_000_000, personId(1));
      db.prepare('UPDATE declarations SET day = ?, declared_at = ? WHERE person_id = ?').run(
        -10_000_000,
        -10_000_000 * 86_400_000,
        personId(2),
      );
      await recomputeColours(db, { full: true, workers: 0 });
      expect(personCode(db, personId(1), parseDay('2020-02-12')!)?.color).toBe('yellow');
      // The person whose code starts "before time" holds a green code from the window's first day.
      expect(personCode(db, personId(2), parseDay('2020-02-12')!)?.color).toBe('green');
    } finally {
      db.close();
    }
    const stats = await runCli(['stats', '--db', file, '--as-of', '2020-02-12', '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    const city = (JSON.parse(stats.stdout) as { county_code: string; yellow: number; green: number }[]).find(
      (s) => s.county_code === 'total',
    )!;
    expect([city.yellow, city.green]).toEqual([1, 1]);
  }, 60_000);
});
