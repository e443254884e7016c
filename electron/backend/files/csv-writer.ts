/**
 * Writing CSV (RFC 4180) for files people open in Excel or WPS: UTF-8 with a BOM so Chinese text is
 * recognised, CRLF line ends, quotes only where needed. Files made for people (rejects exports) also
 * guard cells a spreadsheet would run as a formula (formula-guard.ts); exchange files are written verbatim.
 */
import type { WriteStream } from 'node:fs';
import { createPrivateWriteStream } from './private-files.ts';
import { once } from 'node:events';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value.length === 0) return value;
  if (NEEDS_QUOTES.test(value) || value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) {
    return '"' + value.replace(QUOTE, '""') + '"';
  }
  return value;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export interface CsvFileWriter {
  write(values: readonly (string | number | null | undefined)[]): Promise<void>;
  close(): Promise<void>;
}

/** A buffered CSV file writer with backpressure; `encode` turns text into bytes (UTF-8 by default). */
export function openCsvFile(path: string, options: { bom?: boolean; encode?: (text: string) => Buffer } = {}): CsvFileWriter {
  // Exports and exchange files carry IDs and phones: the owner's alone (private-files.ts).
  const out: WriteStream = createPrivateWriteStream(path);
  const encode = options.encode ?? ((t: string) => Buffer.from(t, 'utf8'));
  let pending = options.bom === false ? '' : '\uFEFF';
  const flush = async () => {
    if (!pending) return;
    const ok = out.write(encode(pending));
    pending = '';
    if (!ok) await once(out, 'drain');
  };
  return {
    async write(values) {
      pending += csvLine(values);
      if (pending.length > 1 << 16) await flush();
    },
    async close() {
      await flush();
      out.end();
      await once(out, 'finish');
    },
  };
}
