/**
 * Streaming CSV rows (RFC 4180) with their physical line numbers, decoded from UTF-8 or GB18030.
 *
 * The decoded text is cut at the last line break outside quotes (an even number of quote marks
 * before it), and each complete piece is parsed by papaparse synchronously. That keeps memory flat
 * and avoids papaparse's pause/resume, which re-parses the rest of its input on every pause
 * (measured: 20,000 rows took 2.4 s that way, against 0.4 s per million rows without pausing).
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import type { TextEncoding } from './file-probe.ts';
import type { SourceRow } from './row-source.ts';


/** `progress.bytesRead` follows the file as it is read, for progress bars. */
export async function* csvRows(
  path: string,
  encoding: TextEncoding,
  progress: { bytesRead: number } = { bytesRead: 0 },
  batchSize = 4096,
): AsyncGenerator<SourceRow[]> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let pending = '';
  let line = 1;
  const batch: SourceRow[] = [];
  // Decided once per file, so papaparse does not guess it again for every piece.
  let newline: '\r\n' | '\n' | null = null;

  const take = (text: string): void => {
    for (const cells of Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', skipEmptyLines: false, newline: newline ?? '\n' }).data) {
      const start = line;
      line += 1 + extraLines(cells);
      // An empty line is not a row: nothing to account for.
      if (cells.length === 1 && cells[0] === '') continue;
      batch.push({ line: start, cells });
    }
  };

  try {
    for await (const chunk of file) {
      progress.bytesRead += (chunk as Buffer).length;
      pending += decoder.decode(chunk as Buffer, { stream: true });
      const cut = lastRowBreak(pending);
      if (cut < 0) continue;
      if (newline === null) {
        const first = pending.indexOf('\n');
        newline = first > 0 && pending.charCodeAt(first - 1) === 13 ? '\r\n' : '\n';
      }
      take(stripCr(pending.slice(0, cut)));
      pending = pending.slice(cut + 1);
      while (batch.length >= batchSize) yield batch.splice(0, batchSize);
    }
    pending += decoder.decode();
    if (pending.length > 0) {
      newline ??= pending.includes('\r\n') ? '\r\n' : '\n';
      take(stripCr(pending.endsWith('\n') ? pending.slice(0, -1) : pending));
    }
    while (batch.length > 0) yield batch.splice(0, batchSize);
  } finally {
    file.destroy();
  }
}

/** Index of the last '\n' that ends a row (not inside a quoted field), or -1. */
export function lastRowBreak(text: string): number {
  // Most exchange files quote nothing: then every line break ends a row.
  if (text.indexOf('"') < 0) return text.lastIndexOf('\n');
  let quotes = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quotes++;
    else if (c === 10 && (quotes & 1) === 0) last = i;
  }
  return last;
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Quoted fields may hold line breaks; the next row starts that many lines further down. */
function extraLines(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.length > 0 && c.indexOf('\n') >= 0) {
      for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) === 10) n++;
    }
  }
  return n;
}
