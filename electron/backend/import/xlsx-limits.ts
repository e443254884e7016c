/** What an untrusted XLSX workbook may hold before it is refused as too large, checked by each xlsx reader. */
export interface XlsxLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxEntryBytes: number;
  maxCompressionRatio: number;
  maxEntries: number;
  maxRows: number;
  maxColumns: number;
  maxSharedStrings: number;
  maxCellChars: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxEntryBytes: 1.5 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxRows: 5_000_000,
  maxColumns: 200,
  maxSharedStrings: 5_000_000,
  maxCellChars: 32_767,
});
