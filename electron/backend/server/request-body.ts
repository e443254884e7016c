/**
 * Reading an API call's body within a limit, and the checks made on its bytes before JSON.parse:
 * a parser given megabytes of `[[[[…` by anyone who can reach the port spends the server's memory
 * and time before any session is checked.
 */
import type { IncomingMessage } from 'node:http';

export type BodyRead = { kind: 'read'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/** The body, or 'too-large' as soon as it passes `limit` (announced or counted), or 'aborted'. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    let settled = false;
    let size = 0;
    const parts: Buffer[] = [];
    const settle = (r: BodyRead) => {
      if (settled) return;
      settled = true;
      parts.length = 0;
      resolve(r);
    };
    req.on('data', (c: Buffer) => {
      if (settled) return;
      size += c.length;
      if (size > limit) settle({ kind: 'too-large' });
      else parts.push(c);
    });
    req.on('end', () => settle({ kind: 'read', bytes: Buffer.concat(parts) }));
    req.on('error', () => settle({ kind: 'aborted' }));
    // A connection cut (or timed out) before the end: nobody is left to answer.
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/**
 * Whether arrays and objects nest deeper than `max`, read on the bytes in one pass: brackets inside
 * strings are text. UTF-8 continuation bytes are all ≥ 0x80, so they are never mistaken for these.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (OPEN.has(b)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(b)) depth--;
  }
  return false;
}
