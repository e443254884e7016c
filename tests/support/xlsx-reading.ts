/**
 * Reading helpers shared by the XLSX reader's tests: fresh file names in a temporary folder (removed
 * after the file's tests), every row of a workbook, and the refusal a workbook must end in.
 */
import { afterAll, expect } from 'vitest';
import type { SourceRow } from '../../electron/backend/import/row-source.ts';
import { UnreadableFileError } from '../../electron/backend/import/unreadable-file.ts';
import { type XlsxLimits, xlsxRows } from '../../electron/backend/import/xlsx-source.ts';
import { sheetXml, tempFolder, writeWorkbook } from './xlsx-builder.ts';

export function xlsxReadingKit() {
  const tmp = tempFolder();
  afterAll(() => tmp.cleanup());
  let seq = 0;
  const file = (ext = 'xlsx') => tmp.path(`f${++seq}.${ext}`);

  async function readAll(path: string, limits?: Partial<XlsxLimits>, batchSize?: number): Promise<SourceRow[]> {
    const rows: SourceRow[] = [];
    for await (const batch of xlsxRows(path, limits, batchSize)) rows.push(...batch);
    return rows;
  }

  async function failure(path: string, limits?: Partial<XlsxLimits>): Promise<UnreadableFileError> {
    try {
      await readAll(path, limits);
    } catch (err) {
      expect(err).toBeInstanceOf(UnreadableFileError);
      const e = err as UnreadableFileError;
      expect(e.problem.zh).toMatch(/[\u4e00-\u9fff]/);
      return e;
    }
    throw new Error('expected the workbook to be refused');
  }

  /** A one-sheet workbook whose sheet rows are given as XML. */
  async function handMade(rows: string, o: Omit<Parameters<typeof writeWorkbook>[1], 'sheet'> = {}): Promise<string> {
    const path = file();
    await writeWorkbook(path, { sheet: sheetXml(rows), ...o });
    return path;
  }

  return { tmp, file, readAll, failure, handMade };
}
