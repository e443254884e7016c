/** Writes the rejected rows of one feed to CSV (UTF-8 with BOM, for Excel/WPS) or XLSX. */
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../db/database.ts';
import { openCsvFile } from '../files/csv-writer.ts';
import { guardFormula } from '../files/formula-guard.ts';
import { sheetRow } from '../files/xml-text.ts';
import { writeAtomically } from '../files/write-atomically.ts';
import { exportHeader, exportRows } from './rejects.ts';

export async function exportRejects(db: Db, feed: FeedName, out: string): Promise<number> {
  const xlsx = extname(out).toLowerCase() === '.xlsx';
  return writeAtomically(out, (partial) => (xlsx ? exportXlsx(db, feed, partial) : exportCsv(db, feed, partial)));
}

async function exportCsv(db: Db, feed: FeedName, out: string): Promise<number> {
  const file = openCsvFile(out);
  await file.write(exportHeader(feed));
  let n = 0;
  // Cells are guarded against formula injection: the file is opened by people in a spreadsheet.
  for (const r of exportRows(db, feed)) {
    await file.write([...r.cells.map(guardFormula), guardFormula(r.file), r.line, guardFormula(r.reason)]);
    n++;
  }
  await file.close();
  return n;
}

async function exportXlsx(db: Db, feed: FeedName, out: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: true });
  const sheet = wb.addWorksheet(feed, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = exportHeader(feed);
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  // Cells go in as JS strings, which ExcelJS writes as text: IDs keep their digits, '=...' is not a formula.
  for (const r of exportRows(db, feed)) {
    sheet.addRow(sheetRow([...r.cells, r.file, r.line, r.reason])).commit();
    n++;
  }
  sheet.commit();
  await wb.commit();
  return n;
}
