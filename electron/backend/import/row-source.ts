/**
 * Rows of a department file, whatever its format: batches of `{ line, cells }`, the header first.
 * `line` is the physical line of a CSV file (1 = header) or the row number of the XLSX sheet.
 */
import { extname } from 'node:path';
import { csvRows } from './csv-source.ts';
import { type FileProbe, type TextEncoding, looksLikeZip, probeFile } from './file-probe.ts';
import { unreadable } from './unreadable-file.ts';
import { xlsxRows } from './xlsx-source.ts';
import type { SourceRow } from './source-row.ts';

export type { SourceRow } from './source-row.ts';

export type FileFormat = 'csv' | 'xlsx';

export interface OpenedSource {
  format: FileFormat;
  probe: FileProbe;
  encoding: TextEncoding | 'xlsx';
  /** The rows; `progress.bytesRead` advances as a CSV file is read (XLSX leaves it at 0). */
  rows: (progress?: { bytesRead: number }) => AsyncGenerator<SourceRow[]>;
}

export function fileFormat(path: string): FileFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return null;
}

/** Probes a file and prepares its row stream; throws UnreadableFileError for what we cannot read. */
export async function openSource(path: string): Promise<OpenedSource> {
  const format = fileFormat(path);
  if (!format) {
    throw unreadable(
      'unsupported_type',
      `${extname(path) || 'a file without an extension'} is not a CSV or XLSX file; export the data as CSV (UTF-8 or GBK) or XLSX`,
      `${extname(path) || '无扩展名的文件'}不是 CSV 或 XLSX 文件，请导出为 CSV（UTF-8 或 GBK）或 XLSX`,
    );
  }
  const probe = await probeFile(path, format === 'csv');
  if (format === 'csv') {
    if (looksLikeZip(probe.head)) {
      throw unreadable(
        'not_readable',
        'this file is a workbook (XLSX) saved with a .csv name; rename it to .xlsx',
        '该文件实际是 XLSX 工作簿，扩展名却是 .csv，请改为 .xlsx',
      );
    }
    if (probe.notText || !probe.encoding) {
      const why =
        probe.notText === 'utf16'
          ? { en: 'the file is UTF-16 text; save it as CSV UTF-8 or GBK', zh: '文件为 UTF-16 编码，请另存为 UTF-8 或 GBK 编码的 CSV' }
          : probe.notText === 'nul_bytes'
            ? { en: 'the file holds binary data, not CSV text', zh: '文件含二进制数据，不是 CSV 文本' }
            : { en: 'the file is neither UTF-8 nor GB18030/GBK text', zh: '文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本' };
      throw unreadable('not_readable', why.en, why.zh);
    }
    const encoding = probe.encoding;
    return { format, probe, encoding, rows: (progress) => csvRows(path, encoding, progress) };
  }
  if (!looksLikeZip(probe.head)) {
    throw unreadable('not_readable', 'the file is not an XLSX workbook (it is not a ZIP package)', '该文件不是有效的 XLSX 工作簿');
  }
  return { format, probe, encoding: 'xlsx', rows: () => xlsxRows(path) };
}
