/**
 * How every briefing sheet looks (BRIEFING.md conventions): a title block, a bold filled header
 * row that stays frozen and repeats on every printed page, thin borders, widths that fit the
 * content, thousands separators, one-decimal percentages, real Excel dates, A4 landscape one page
 * wide. Values go in as numbers, dates or JS strings: ExcelJS writes a string as text, so a name
 * starting with `=` stays text and never runs as a formula. The credit export uses the same look,
 * so this lives in files/, below both briefing/ and enforcement/.
 */
import type ExcelJS from 'exceljs';
import { dayParts, type Day } from '../../../shared/domain/local-date.ts';
import { sheetRow } from './xml-text.ts';

export const FMT = {
  count: '#,##0',
  change: '+#,##0;-#,##0;0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  time: 'yyyy-mm-dd hh:mm',
} as const;

export type CellValue = string | number | Date | null;

export interface ColumnDef {
  header: string;
  /** Number format; text columns have none. */
  fmt?: string;
  /** Minimum width in characters (a CJK character counts 2). */
  min?: number;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA8B8' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F0' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } };
const FONT = 'Microsoft YaHei';
/** Widths are capped so one long reason does not push the page off the sheet. */
const MAX_WIDTH = 48;

/**
 * A calendar day as the Excel date of that day. ExcelJS turns a Date into a serial by its UTC
 * parts, so the day is built in UTC: the cell shows the local (Asia/Shanghai) date it stands for.
 */
export function excelDay(day: Day): Date {
  const p = dayParts(day);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/** An instant as the Excel date-time a clock in Binzhou showed (UTC+8, no daylight saving). */
export function excelTime(epochMs: number): Date {
  return new Date(epochMs + 8 * 3600_000);
}

/** Display width of a value as Excel sizes columns: CJK characters are two wide. */
function textWidth(v: CellValue, fmt: string | undefined): number {
  if (v === null) return 0;
  if (v instanceof Date) return fmt === FMT.time ? 16 : 10;
  const s = typeof v === 'number' ? (fmt === FMT.percent ? `${(v * 100).toFixed(1)}%` : Math.round(v).toLocaleString('en-US')) : v;
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

export interface SheetSetup {
  name: string;
  title: string;
  /** Lines under the title (date, unit, source). */
  subtitle: string[];
  columns: ColumnDef[];
  /** Short sheets (the summary) print on one page, not one page wide. */
  onePage?: boolean;
}

/** A sheet with its title block and header row; rows are then added with `addRows`. */
export class BriefingSheet {
  readonly ws: ExcelJS.Worksheet;
  readonly headerRow: number;
  private readonly widths: number[];
  private readonly columns: ColumnDef[];

  constructor(wb: ExcelJS.Workbook, setup: SheetSetup) {
    this.columns = setup.columns;
    this.widths = setup.columns.map((c) => Math.max(c.min ?? 6, textWidth(c.header, undefined) + 2));
    this.headerRow = setup.subtitle.length + 2;
    this.ws = wb.addWorksheet(setup.name, {
      views: [{ state: 'frozen', ySplit: this.headerRow, showGridLines: false }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: setup.onePage ? 1 : 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        printTitlesRow: `1:${this.headerRow}`,
      },
      headerFooter: { oddFooter: `&L${setup.title}&R第 &P 页，共 &N 页` },
    });
    const last = Math.max(1, setup.columns.length);
    const title = this.ws.getCell(1, 1);
    title.value = setup.title;
    title.font = { name: FONT, size: 16, bold: true };
    this.ws.mergeCells(1, 1, 1, last);
    this.ws.getRow(1).height = 28;
    setup.subtitle.forEach((line, i) => {
      const c = this.ws.getCell(2 + i, 1);
      c.value = line;
      c.font = { name: FONT, size: 10, color: { argb: 'FF4A5568' } };
      this.ws.mergeCells(2 + i, 1, 2 + i, last);
    });
    const header = this.ws.getRow(this.headerRow);
    setup.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, size: 10, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    header.height = 22;
  }

  /** Data rows under the header; `total` rows are bold on a grey fill. */
  addRows(rows: readonly CellValue[][], options: { total?: boolean; fmts?: readonly (string | undefined)[] } = {}): void {
    for (const values of rows) {
      const row = this.ws.addRow(sheetRow(values));
      values.forEach((v, i) => {
        const col = this.columns[i];
        const fmt = options.fmts?.[i] ?? col?.fmt;
        const cell = row.getCell(i + 1);
        cell.border = BORDER;
        cell.font = { name: FONT, size: 10, bold: options.total ?? false };
        if (fmt) cell.numFmt = fmt;
        if (options.total) cell.fill = TOTAL_FILL;
        if (typeof v === 'number' || v instanceof Date) cell.alignment = { horizontal: 'right' };
        this.widths[i] = Math.max(this.widths[i] ?? 6, Math.min(MAX_WIDTH, textWidth(v, fmt) + 2));
      });
    }
  }

  /**
   * A small table of its own under the main one (the summary's data freshness): a bold title line,
   * a filled header and bordered cells; not frozen, not repeated on print.
   */
  addSection(title: string, header: string[], rows: readonly CellValue[][], fmts: readonly (string | undefined)[]): void {
    this.ws.addRow([]);
    this.ws.addRow([title]).getCell(1).font = { name: FONT, size: 11, bold: true };
    const h = this.ws.addRow(header);
    header.forEach((_, i) => {
      const cell = h.getCell(i + 1);
      cell.font = { name: FONT, size: 10, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
    for (const values of rows) {
      const row = this.ws.addRow(sheetRow(values));
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.border = BORDER;
        cell.font = { name: FONT, size: 10 };
        const fmt = fmts[i];
        if (fmt) cell.numFmt = fmt;
        this.widths[i] = Math.max(this.widths[i] ?? 6, Math.min(MAX_WIDTH, textWidth(v, fmt) + 2));
      });
    }
  }

  /** Small print under the tables (how to check the audit anchor). */
  addSmallPrint(text: string, font = FONT): void {
    this.ws.addRow([text]).getCell(1).font = { name: font, size: 9, color: { argb: 'FF4A5568' } };
  }

  /** A line of text across the table (an empty list says so rather than showing nothing). */
  addNote(text: string): void {
    const row = this.ws.addRow([text]);
    row.getCell(1).font = { name: FONT, size: 10, italic: true, color: { argb: 'FF4A5568' } };
    this.ws.mergeCells(row.number, 1, row.number, Math.max(1, this.columns.length));
  }

  /** Sets the fitted widths; call once, after the last row. Returns the table's width in pixels. */
  finish(): number {
    this.widths.forEach((w, i) => {
      this.ws.getColumn(i + 1).width = w;
    });
    // Excel's column width unit is about 7 pixels of the default font, plus padding.
    return this.widths.reduce((a, w) => a + Math.round(w * 7 + 5), 0);
  }
}
