/**
 * A cell as the readers hand it over: text (CSV, or XLSX text and numbers kept as their literal
 * digits) or an XLSX date cell as its serial number in the 1900 date system.
 */
export interface ExcelDate {
  excelSerial: number;
}

export type Cell = string | ExcelDate;

/** Days between 1899-12-30 (Excel's serial 0) and 1970-01-01. */
export const EXCEL_EPOCH_OFFSET_DAYS = 25569;

export function isExcelDate(cell: Cell): cell is ExcelDate {
  return typeof cell !== 'string';
}

/** The last instant an ISO date with a four-digit year can show (9999-12-31). */
const MAX_DATE_MS = 253_402_300_799_999;

/** A cell as text, for messages, the raw row kept with a reject, and text columns. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  const ms = Math.round((cell.excelSerial - EXCEL_EPOCH_OFFSET_DAYS) * 86_400_000);
  const d = new Date(ms);
  // A date-formatted cell may hold any number (1E+15): past year 9999 it is shown as the number.
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return String(cell.excelSerial);
  const iso = d.toISOString();
  // Excel date cells carry no zone: they are local (+08:00) wall-clock times.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
