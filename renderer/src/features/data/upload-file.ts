import { api } from '../../api/client.ts';
import { base64OfDataUrl, uploadPieces } from './upload-plan.ts';

/** Thrown when the user stopped an upload. */
export class UploadStopped extends Error {
  constructor() {
    super('upload stopped');
  }
}

function readPiece(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file to the console in 4 MB pieces, one call at a time, and answers the upload's id.
 * `onSent` gets the bytes sent so far after each piece; `stopped` is asked between pieces.
 */
export async function uploadFile(file: File, onSent: (bytes: number) => void, stopped: () => boolean): Promise<string> {
  const { uploadId } = await api('upload.begin', { name: file.name, size: file.size });
  for (const piece of uploadPieces(file.size)) {
    if (stopped()) throw new UploadStopped();
    const base64 = await readPiece(file.slice(piece.offset, piece.end));
    await api('upload.chunk', { uploadId, offset: piece.offset, base64 });
    onSent(piece.end);
  }
  return uploadId;
}
