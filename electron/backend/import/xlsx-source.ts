/**
 * Streaming rows of the first worksheet of an untrusted XLSX workbook. The package is checked
 * before anything is inflated (xlsx-zip.ts); numbers keep the digits exactly as stored (an 18-digit
 * ID never goes through a JS number), date-styled numbers become `{ excelSerial }` in the 1900
 * system. Nothing keyed by file content ever lands in a plain object.
 */
import type { Cell } from '../../../shared/domain/feeds/cells.ts';
import type { SourceRow } from './source-row.ts';
import { unreadable } from './unreadable-file.ts';
import { RAW_CHARS_PER_CHAR, RichTextCollector, cellTooLong, decodeEscapes, readSharedStrings } from './xlsx-shared-strings.ts';
import { locateParts, readDateStyles } from './xlsx-styles.ts';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.ts';
import { type XmlSink, damaged, openPackage, xmlPart } from './xlsx-zip.ts';

export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.ts';

/** Days between the 1904 and the 1900 date systems. */
const DATE1904_OFFSET = 1462;

/**
 * Rows of the first worksheet in batches of up to `batchSize`, the header (first non-empty row)
 * first. Throws UnreadableFileError ('not_readable' or 'too_large') for a file it cannot read; the
 * error may come after some batches were handed out, so a caller keeps nothing of a failed file.
 */
export async function* xlsxRows(path: string, limits?: Partial<XlsxLimits>, batchSize = 4096): AsyncGenerator<SourceRow[]> {
  const lim: XlsxLimits = { ...DEFAULT_XLSX_LIMITS };
  for (const key of Object.keys(DEFAULT_XLSX_LIMITS) as (keyof XlsxLimits)[]) {
    const v = limits?.[key];
    if (typeof v === 'number' && v >= 0) lim[key] = v;
  }
  const size = Number.isFinite(batchSize) && batchSize >= 1 ? Math.floor(batchSize) : 4096;
  const pkg = await openPackage(path, lim);
  try {
    const parts = await locateParts(pkg, lim);
    const dateStyles = parts.styles ? await readDateStyles(pkg, parts.styles, lim) : [];
    const strings = parts.sharedStrings ? await readSharedStrings(pkg, parts.sharedStrings, lim) : [];
    const sheet = new SheetReader(strings, dateStyles, parts.date1904, lim);
    for await (const _ of xmlPart(pkg, parts.sheet, sheet, lim)) {
      while (sheet.rows.length >= size) yield sheet.rows.splice(0, size);
    }
    while (sheet.rows.length > 0) yield sheet.rows.splice(0, size);
  } finally {
    pkg.close();
  }
}

/** Streams `<sheetData>` into rows; `rows` fills up as the parser advances. */
class SheetReader implements XmlSink {
  readonly rows: SourceRow[] = [];
  readonly #strings: string[];
  readonly #dateStyles: boolean[];
  readonly #serialOffset: number;
  readonly #limits: XlsxLimits;
  readonly #inline = new RichTextCollector();
  #inSheetData = false;
  #line = 0;
  #cells: Cell[] | null = null;
  #rowCount = 0;
  #col = -1;
  #ref = '';
  #type = '';
  #style = -1;
  #inV = false;
  #inIs = false;
  #value = '';
  #hasValue = false;

  constructor(strings: string[], dateStyles: boolean[], date1904: boolean, limits: XlsxLimits) {
    this.#strings = strings;
    this.#dateStyles = dateStyles;
    this.#serialOffset = date1904 ? DATE1904_OFFSET : 0;
    this.#limits = limits;
  }

  open(name: string, tag: { attributes: Record<string, string> }): void {
    if (!this.#inSheetData) {
      if (name === 'sheetData') this.#inSheetData = true;
      return;
    }
    if (this.#inIs) {
      this.#inline.open(name);
    } else if (name === 'c') {
      const a = tag.attributes;
      const r = a['r'];
      this.#ref = r ?? '';
      this.#col = r === undefined ? this.#col + 1 : columnIndex(r, this.#col + 1);
      this.#type = a['t'] ?? '';
      const s = a['s'];
      this.#style = s === undefined ? -1 : Number(s);
      this.#value = '';
      this.#hasValue = false;
    } else if (name === 'v') {
      this.#inV = true;
      this.#hasValue = true;
    } else if (name === 'is') {
      this.#inIs = true;
      this.#hasValue = true;
      this.#inline.reset();
    } else if (name === 'row') {
      const r = tag.attributes['r'];
      this.#line = r !== undefined && /^[1-9]\d{0,9}$/.test(r) ? Number(r) : this.#line + 1;
      this.#cells = [];
      this.#col = -1;
    }
  }

  text(t: string): void {
    if (this.#inV) {
      this.#value += t;
      if (this.#value.length > this.#limits.maxCellChars * RAW_CHARS_PER_CHAR) throw this.#tooLong();
    } else if (this.#inIs && !this.#inline.text(t, this.#limits.maxCellChars)) throw this.#tooLong();
  }

  close(name: string): void {
    if (!this.#inSheetData) return;
    if (this.#inIs) {
      if (name === 'is') {
        this.#inIs = false;
        this.#value = this.#inline.value();
      } else this.#inline.close(name);
    } else if (name === 'v') {
      this.#inV = false;
    } else if (name === 'c') {
      if (this.#hasValue && this.#cells) this.#place(this.#cellValue());
    } else if (name === 'row') {
      const cells = this.#cells;
      this.#cells = null;
      if (!cells) return;
      let n = cells.length;
      while (n > 0 && cells[n - 1] === '') n--;
      if (n === 0) return;
      cells.length = n;
      if (++this.#rowCount > this.#limits.maxRows) {
        throw unreadable(
          'too_large',
          `the sheet has more than ${this.#limits.maxRows} rows; split the data into files of at most ${this.#limits.maxRows} rows`,
          `工作表超过 ${this.#limits.maxRows} 行，请将数据拆分为每个不超过 ${this.#limits.maxRows} 行的文件`,
        );
      }
      this.rows.push({ line: this.#line, cells });
    } else if (name === 'sheetData') {
      this.#inSheetData = false;
    }
  }

  #cellValue(): Cell {
    const v = this.#value;
    switch (this.#type) {
      case 's': {
        const s = /^\d{1,10}$/.test(v) ? this.#strings[Number(v)] : undefined;
        if (s === undefined) throw damaged(`cell ${this.#where()} refers to shared text "${v.slice(0, 20)}", which does not exist`);
        return s;
      }
      case 'inlineStr':
      case 'str':
        return this.#checked(this.#type === 'str' ? decodeEscapes(v) : v);
      case 'b':
        return v === '1' || v === 'true' ? 'true' : 'false';
      case 'e':
      case 'd':
        return this.#checked(v);
      default:
        if (v !== '' && this.#style >= 0 && this.#dateStyles[this.#style] === true) {
          const serial = Number(v);
          if (Number.isFinite(serial)) return { excelSerial: serial + this.#serialOffset };
        }
        return this.#checked(v);
    }
  }

  #checked(v: string): string {
    if (v.length > this.#limits.maxCellChars) throw this.#tooLong();
    return v;
  }

  #place(value: Cell): void {
    const cells = this.#cells;
    if (!cells || value === '') return;
    const col = this.#col;
    if (col >= this.#limits.maxColumns) {
      throw unreadable(
        'too_large',
        `cell ${this.#where()} holds data beyond column ${this.#limits.maxColumns}; delete the extra columns and save again`,
        `单元格 ${this.#where()} 位于第 ${this.#limits.maxColumns} 列之后，请删除多余的列后重新保存`,
      );
    }
    while (cells.length < col) cells.push('');
    cells[col] = value;
  }

  #where(): string {
    return this.#ref ? this.#ref.slice(0, 16) : `row ${this.#line} column ${this.#col + 1}`;
  }

  #tooLong(): Error {
    return cellTooLong(`cell ${this.#where()}`, `单元格 ${this.#where()} `, this.#limits);
  }
}

/** `C5` → 2; the fallback for a reference without column letters. Huge columns stay huge (not wrapped). */
function columnIndex(ref: string, fallback: number): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 8; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? fallback : col - 1;
}
