/**
 * A dropped file travels to the console in pieces (upload.begin → upload.chunk…): small enough for
 * one API call each (the HTTP bridge takes 8 MB of JSON; 4 MB is 5.3 MB as base64), in order, each
 * at the byte offset the console expects. Pure, so the piece arithmetic is tested without a DOM.
 */

export const UPLOAD_PIECE_BYTES = 4 * 1024 * 1024;

export interface UploadPiece {
  /** Byte offset of the piece in the file (what upload.chunk is told). */
  offset: number;
  /** One past the piece's last byte. */
  end: number;
}

export function uploadPieces(size: number, pieceBytes: number = UPLOAD_PIECE_BYTES): UploadPiece[] {
  const step = Math.max(1, Math.floor(pieceBytes));
  const pieces: UploadPiece[] = [];
  for (let offset = 0; offset < size; offset += step) pieces.push({ offset, end: Math.min(size, offset + step) });
  return pieces;
}

/**
 * The base64 part of a `data:` URL. The browser's FileReader encodes a piece natively and off the
 * script's path (readAsDataURL), so a large file never blocks the window while it is encoded.
 */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

export type ImportFileProblem = 'none' | 'several' | 'type' | 'empty';

/** The files of a drop or of the file picker must be exactly one CSV or XLSX file, not empty (null: fine). */
export function checkImportFiles(files: readonly Pick<File, 'name' | 'size'>[]): ImportFileProblem | null {
  if (files.length === 0) return 'none';
  if (files.length > 1) return 'several';
  const f = files[0]!;
  if (!/\.(csv|xlsx)$/i.test(f.name)) return 'type';
  if (f.size <= 0) return 'empty';
  return null;
}

/** Fraction of a file uploaded, for the progress bar. */
export function uploadFraction(sent: number, size: number): number {
  return size > 0 ? Math.min(1, Math.max(0, sent / size)) : 1;
}
