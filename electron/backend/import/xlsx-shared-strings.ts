/**
 * The shared string table (xl/sharedStrings.xml): `<si>` items, either one `<t>` or rich-text runs
 * `<r><t>…</t></r>` whose texts are concatenated; phonetic guides (`<rPh>`) are not part of the text.
 */
import { unreadable } from './unreadable-file.ts';
import { type XlsxPackage, type XmlSink, xmlPart } from './xlsx-zip.ts';
import type { XlsxLimits } from './xlsx-limits.ts';

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes the `_xHHHH_` escapes Excel writes for characters XML cannot carry (`_x000D_` for a
 * carriage return; `_x005F_` escapes an underscore, so `_x005F_x0041_` is the text `_x0041_`).
 */
export function decodeEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function cellTooLong(en: string, zh: string, limits: XlsxLimits): Error {
  return unreadable(
    'too_large',
    `${en} holds more than ${limits.maxCellChars} characters, more than an Excel cell can hold; shorten it and save again`,
    `${zh}的内容超过 ${limits.maxCellChars} 个字符（超出 Excel 单元格上限），请缩短后重新保存`,
  );
}

/** Raw text may be longer than its value (`_x000D_` is one character); this bounds the memory. */
export const RAW_CHARS_PER_CHAR = 8;

/**
 * Collects the text of `<t>` elements that belong to the item, skipping phonetic runs. Shared by
 * the string table (`<si>`) and inline strings (`<is>`).
 */
export class RichTextCollector {
  #depthRPh = 0;
  #inT = false;
  #parts: string[] = [];
  #length = 0;

  reset(): void {
    this.#depthRPh = 0;
    this.#inT = false;
    this.#parts = [];
    this.#length = 0;
  }

  open(name: string): void {
    if (name === 'rPh') this.#depthRPh++;
    else if (name === 't' && this.#depthRPh === 0) this.#inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.#depthRPh--;
    else if (name === 't') this.#inT = false;
  }

  /** Returns false when the raw text grew far beyond `max` characters. */
  text(t: string, max: number): boolean {
    if (!this.#inT) return true;
    this.#parts.push(t);
    this.#length += t.length;
    return this.#length <= max * RAW_CHARS_PER_CHAR;
  }

  value(): string {
    const raw = this.#parts.length === 1 ? (this.#parts[0] ?? '') : this.#parts.join('');
    return decodeEscapes(raw);
  }
}

export async function readSharedStrings(pkg: XlsxPackage, part: string, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  const item = new RichTextCollector();
  let inSi = false;
  const sink: XmlSink = {
    open(name) {
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) {
          throw unreadable(
            'too_large',
            `the workbook holds more than ${limits.maxSharedStrings} different texts; split the data into smaller workbooks or export it as CSV`,
            `工作簿中不同文本的数量超过 ${limits.maxSharedStrings} 个，请拆分为较小的工作簿或导出为 CSV`,
          );
        }
        inSi = true;
        item.reset();
      } else if (inSi) item.open(name);
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        const value = item.value();
        if (value.length > limits.maxCellChars) throw tooLong();
        strings.push(value);
      } else if (inSi) item.close(name);
    },
    text(t) {
      if (inSi && !item.text(t, limits.maxCellChars)) throw tooLong();
    },
  };
  const tooLong = () => cellTooLong(`shared text no. ${strings.length + 1}`, `第 ${strings.length + 1} 个共享文本`, limits);
  for await (const _ of xmlPart(pkg, part, sink, limits));
  return strings;
}
