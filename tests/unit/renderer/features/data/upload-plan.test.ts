import { describe, expect, it } from 'vitest';
import {
  UPLOAD_PIECE_BYTES,
  base64OfDataUrl,
  checkImportFiles,
  uploadFraction,
  uploadPieces,
} from '../../../../../renderer/src/features/data/upload-plan.ts';

describe('uploadPieces', () => {
  it('cuts a file into 4 MB pieces at consecutive offsets, the last one shorter', () => {
    const size = 2 * UPLOAD_PIECE_BYTES + 123;
    const pieces = uploadPieces(size);
    expect(pieces).toEqual([
      { offset: 0, end: UPLOAD_PIECE_BYTES },
      { offset: UPLOAD_PIECE_BYTES, end: 2 * UPLOAD_PIECE_BYTES },
      { offset: 2 * UPLOAD_PIECE_BYTES, end: size },
    ]);
  });

  it('covers every byte exactly once, whatever the sizes', () => {
    for (const [size, piece] of [
      [1, 4],
      [4, 4],
      [5, 4],
      [4096, 1000],
      [10_000_019, UPLOAD_PIECE_BYTES],
    ] as const) {
      const pieces = uploadPieces(size, piece);
      let next = 0;
      for (const p of pieces) {
        expect(p.offset).toBe(next);
        expect(p.end - p.offset).toBeGreaterThan(0);
        expect(p.end - p.offset).toBeLessThanOrEqual(piece);
        next = p.end;
      }
      expect(next).toBe(size);
      expect(pieces.length).toBe(Math.ceil(size / piece));
    }
  });

  it('a piece of 4 MB stays under the HTTP bridge limit once in base64 JSON (8 MB)', () => {
    expect(Math.ceil(UPLOAD_PIECE_BYTES / 3) * 4).toBeLessThan(8 * 1024 * 1024 - 1024);
  });

  it('an empty file has no pieces', () => {
    expect(uploadPieces(0)).toEqual([]);
  });
});

describe('the files of a drop', () => {
  it('accepts exactly one non-empty CSV or XLSX file', () => {
    expect(checkImportFiles([{ name: '钉钉打卡.CSV', size: 10 }])).toBeNull();
    expect(checkImportFiles([{ name: 'residents.xlsx', size: 10 }])).toBeNull();
    expect(checkImportFiles([])).toBe('none');
    expect(
      checkImportFiles([
        { name: 'a.csv', size: 1 },
        { name: 'b.csv', size: 1 },
      ]),
    ).toBe('several');
    expect(checkImportFiles([{ name: 'a.xls', size: 1 }])).toBe('type');
    expect(checkImportFiles([{ name: 'a.csv.txt', size: 1 }])).toBe('type');
    expect(checkImportFiles([{ name: 'a.csv', size: 0 }])).toBe('empty');
  });
});

describe('upload helpers', () => {
  it('takes the base64 part of a data URL', () => {
    expect(base64OfDataUrl('data:text/csv;base64,YWJj')).toBe('YWJj');
    expect(base64OfDataUrl('data:application/octet-stream;base64,')).toBe('');
    expect(base64OfDataUrl('garbage')).toBe('');
  });

  it('reports the share uploaded, within 0..1', () => {
    expect(uploadFraction(0, 10)).toBe(0);
    expect(uploadFraction(5, 10)).toBe(0.5);
    expect(uploadFraction(12, 10)).toBe(1);
    expect(uploadFraction(0, 0)).toBe(1);
  });
});
