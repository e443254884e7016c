/**
 * Text that goes into an XLSX file must be XML 1.0 characters: C0 controls (but tab, line feed and
 * carriage return), U+FFFE, U+FFFF and unpaired surrogates are not. Department files can hold them
 * (a stray byte-order mark in a name), and one of them makes the whole workbook unreadable in Excel,
 * so each becomes U+FFFD, which shows that something was there.
 */
import { guardFormula } from './formula-guard.ts';

const NOT_XML_SOURCE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.source;
const NOT_XML = new RegExp(NOT_XML_SOURCE);
const NOT_XML_ALL = new RegExp(NOT_XML_SOURCE, 'g');

export function xmlText(s: string): string {
  return NOT_XML.test(s) ? s.replace(NOT_XML_ALL, '\uFFFD') : s;
}

/** Text for a worksheet made for people: XML-safe and never a formula (formula-guard.ts). */
export function sheetText(s: string): string {
  return guardFormula(xmlText(s));
}

/** Row values with their text made sheet-safe; numbers, dates and empty cells as they are. */
export function sheetRow<T>(values: readonly T[]): T[] {
  return values.map((v) => (typeof v === 'string' ? (sheetText(v) as T) : v));
}
