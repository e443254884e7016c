/**
 * A long list as a workbook in the briefing's look (sheet-style.ts), written row by row to the file
 * so that 100,000 people take seconds and little memory: the title block, a frozen header repeated
 * on every printed page, thin borders, A4 landscape one page wide. Column widths are set up front
 * from each column's `min` (a stream cannot go back to fit them). Every few thousand rows the
 * writer yields, so the console answers other calls while an export runs.
 */
import ExcelJS from 'exceljs';
import { type CellValue, type SheetSetup } from './sheet-style.ts';
import { sheetRow } from './xml-text.ts';

const FONT = 'Microsoft YaHei';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA8B8' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F0' } };
const CELL_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10 };
const YIELD_EVERY = 5_000;

export interface ListSetup extends SheetSetup {
  /** Lines under the list: that it was cut, or that it is empty. */
  notes?: (rows: number) => string[];
}

/** Writes the list to `file`; returns how many rows it holds. */
export async function writeListWorkbook(file: string, setup: ListSetup, rows: Iterable<CellValue[]>, creator: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = creator;
  const headerRow = setup.subtitle.length + 2;
  const ws = wb.addWorksheet(setup.name, {
    views: [{ state: 'frozen', ySplit: headerRow, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${headerRow}`,
    },
    headerFooter: { oddFooter: `&L${setup.title}&R第 &P 页，共 &N 页` },
  });
  ws.columns = setup.columns.map((c) => ({ width: Math.max(c.min ?? 10, c.header.length * 2 + 2) }));
  // One style object per column, given to each of its cells: ExcelJS remembers a style object it has
  // seen (a WeakMap), where a copy per cell is hashed again each time (100,000 rows: 3 s against 9 s).
  const styles: Partial<ExcelJS.Style>[] = setup.columns.map((c) => ({
    font: CELL_FONT,
    border: BORDER,
    ...(c.fmt ? { numFmt: c.fmt } : {}),
  }));
  const last = Math.max(1, setup.columns.length);
  const title = ws.getRow(1);
  title.getCell(1).value = setup.title;
  title.getCell(1).font = { name: FONT, size: 16, bold: true };
  title.getCell(1).border = {};
  title.height = 28;
  ws.mergeCells(1, 1, 1, last);
  title.commit();
  setup.subtitle.forEach((line, i) => {
    const row = ws.getRow(2 + i);
    row.getCell(1).value = line;
    row.getCell(1).font = { name: FONT, size: 10, color: { argb: 'FF4A5568' } };
    row.getCell(1).border = {};
    ws.mergeCells(2 + i, 1, 2 + i, last);
    row.commit();
  });
  const header = ws.getRow(headerRow);
  setup.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 22;
  header.commit();
  let n = 0;
  for (const values of rows) {
    const row = ws.addRow(sheetRow(values));
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
    if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const note of setup.notes?.(n) ?? []) {
    const row = ws.addRow([note]);
    row.getCell(1).font = { name: FONT, size: 10, italic: true, color: { argb: 'FF4A5568' } };
    row.getCell(1).border = {};
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return n;
}
