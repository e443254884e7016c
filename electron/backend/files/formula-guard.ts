/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell a spreadsheet would run as a formula
 * is neutralised by a leading apostrophe, in every CSV and XLSX made for people (rejects exports,
 * credit records, briefings). Only a wholly numeric value is exempt (`-12.5`, `+86`): anything else
 * starting with = + - @, a tab or a carriage return, or their full-width forms (which WPS and Excel
 * in Chinese input modes accept as the same operators), could be a formula: `-1+HYPERLINK(…)`. An
 * XLSX text cell is not evaluated where it is, but a department that saves it as CSV hands the
 * formula on, so XLSX text is guarded too. Exchange files for machines are written verbatim.
 */
const NUMERIC = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function guardFormula(value: string): string {
  if (value.length < 2 || !FORMULA_START.test(value) || NUMERIC.test(value)) return value;
  return "'" + value;
}
