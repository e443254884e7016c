/**
 * One pass over a file before importing it: its SHA-256 (so a re-read of the same content is
 * recognised and an interrupted import resumes only on the same content), and for CSV its text
 * encoding. Government exports are often GBK/GB18030 without a BOM, so the encoding is decided on
 * the whole file: UTF-8 if every byte sequence is valid UTF-8, else GB18030 if that decodes cleanly.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface FileProbe {
  size: number;
  hash: string;
  /** First bytes, to recognise a workbook or other binary under a .csv name. */
  head: Buffer;
  /** Set for text files: the encoding, or why the bytes are not text we can read. */
  encoding: TextEncoding | null;
  hasBom: boolean;
  notText: 'nul_bytes' | 'utf16' | 'undecodable' | null;
}

export async function probeFile(path: string, asText: boolean): Promise<FileProbe> {
  const hash = createHash('sha256');
  let utf8Ok = asText;
  let nul = false;
  let size = 0;
  let head = Buffer.alloc(0);
  // Bytes of a character cut by the chunk boundary, checked with the next chunk.
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    if (head.length < 8) head = Buffer.concat([head, buf.subarray(0, 8 - head.length)]);
    size += buf.length;
    if (!asText) continue;
    if (!nul && buf.includes(0)) nul = true;
    if (utf8Ok) {
      const joined = carry.length ? Buffer.concat([carry, buf]) : buf;
      const cut = completeUtf8Prefix(joined);
      utf8Ok = isUtf8(joined.subarray(0, cut));
      carry = Buffer.from(joined.subarray(cut));
    }
  }
  if (carry.length) utf8Ok = false;
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let notText: FileProbe['notText'] = null;
  let encoding: TextEncoding | null = null;
  if (asText) {
    if (utf16) notText = 'utf16';
    else if (nul) notText = 'nul_bytes';
    else if (utf8Ok) encoding = 'utf-8';
    else if (await decodesAsGb18030(path)) encoding = 'gb18030';
    else notText = 'undecodable';
  }
  return { size, hash: hash.digest('hex'), head, encoding, hasBom, notText };
}

/** Length of the longest prefix that does not end inside a multi-byte UTF-8 character. */
function completeUtf8Prefix(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Only for files that are not UTF-8: a second pass with a strict GB18030 decoder. */
async function decodesAsGb18030(path: string): Promise<boolean> {
  const gb = new TextDecoder('gb18030', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) gb.decode(chunk as Buffer, { stream: true });
    gb.decode();
    return true;
  } catch {
    return false;
  }
}

/** A ZIP file (XLSX is one) starts with a local file header. */
export function looksLikeZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
