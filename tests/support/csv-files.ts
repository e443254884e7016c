import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

/** Writes rows as a CSV file: UTF-8 (with a BOM unless told otherwise) or GB18030. */
export function writeCsv(
  path: string,
  rows: readonly (readonly (string | number)[])[],
  options: { encoding?: 'utf-8' | 'gb18030'; bom?: boolean; eol?: string } = {},
): string {
  const eol = options.eol ?? '\r\n';
  const text =
    rows.map((r) => r.map((v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join(eol) +
    eol;
  if (options.encoding === 'gb18030') writeFileSync(path, iconv.encode(text, 'gb18030'));
  else writeFileSync(path, (options.bom === false ? '' : '\uFEFF') + text, 'utf8');
  return path;
}
