/**
 * The two registers the demo city delivers as Excel workbooks, as the command center and market
 * regulation send them: Chinese headers, real date cells for the key areas, 是/否 for approvals.
 */
import { makePrivateDir, writePrivateFile } from '../files/private-files.ts';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { type Day, dayStartInstant, formatDay, parseDay } from '../../../shared/domain/local-date.ts';
import type { EnterpriseRegister } from './demo-enterprises.ts';
import { type Tally, feedFilePath, headerOf, zhOf } from './demo-files.ts';
import { KEY_AREAS } from './demo-geography.ts';
import { setZipEntryTimes } from './zip-times.ts';

/** A date cell: ExcelJS stores a Date by its UTC fields, so midnight UTC is that calendar date. */
function dateCell(text: string): Date {
  const day: Day = parseDay(text)!;
  return new Date(dayStartInstant(day) + 8 * 3_600_000);
}

export async function writeKeyAreas(root: string, start: string, tally: Tally): Promise<number> {
  const rows = KEY_AREAS.map((k) => [k.region, k.name, dateCell(k.from), k.to === null ? null : dateCell(k.to)]);
  await writeWorkbook(root, 'key_areas', start, rows, tally, (sheet) => {
    sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
  });
  return rows.length;
}

/** With the optional columns: approval date and DingTalk administrator, empty cells where there is none. */
export async function writeEnterprises(root: string, start: string, register: EnterpriseRegister, tally: Tally): Promise<number> {
  const startDay = parseDay(start)!;
  const rows = register.enterprises.map((e) => [
    e.creditCode,
    e.name,
    COUNTIES[e.county]!.code,
    e.industry,
    e.approved ? '是' : '否',
    e.approvedDay === null ? null : dateCell(formatDay(startDay + e.approvedDay)),
    e.admin?.name ?? null,
    e.admin?.phone ?? null,
  ]);
  const header = [
    ...headerOf('enterprises', 'zh'),
    zhOf('enterprises', 'approved_on'),
    zhOf('enterprises', 'admin_name'),
    zhOf('enterprises', 'admin_phone'),
  ];
  await writeWorkbook(
    root,
    'enterprises',
    start,
    rows,
    tally,
    (sheet) => {
      sheet.getColumn(6).numFmt = 'yyyy-mm-dd';
    },
    header,
  );
  return rows.length;
}

async function writeWorkbook(
  root: string,
  feed: 'key_areas' | 'enterprises',
  start: string,
  rows: readonly (readonly (string | Date | null)[])[],
  tally: Tally,
  format?: (sheet: ExcelJS.Worksheet) => void,
  header: readonly string[] = headerOf(feed, 'zh'),
): Promise<void> {
  const stamp = dateCell(start);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '滨州市疫情防控指挥部';
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet(feed);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  format?.(sheet);
  const relative = feedFilePath(feed, start, 'xlsx');
  makePrivateDir(join(root, feed));
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  writePrivateFile(join(root, relative), setZipEntryTimes(bytes, stamp));
  tally.files.push(relative);
  tally.rows[feed] += rows.length;
}
