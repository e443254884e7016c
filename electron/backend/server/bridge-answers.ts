/**
 * Every answer of the browser bridge, refusals included, is JSON the page can read: an ApiResponse
 * error with a code and a message in both languages, never a parser's or the socket's own text.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { ApiError, ApiResponse } from '../../../shared/contract/api.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

export function refusal(code: ApiError['code'], message: string, messageZh: string): ApiResponse<never> {
  return { ok: false, error: { code, message, messageZh } };
}

export function refuse(
  res: ServerResponse,
  status: number,
  code: ApiError['code'],
  message: string,
  messageZh: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, refusal(code, message, messageZh), headers);
}

/**
 * The same answer written straight to a socket, for the moments before (or instead of) Node's
 * HTTP layer: a connection over the cap, headers that never finished. The connection then closes.
 */
export function rawRefusal(status: number, code: ApiError['code'], message: string, messageZh: string): string {
  const body = JSON.stringify(refusal(code, message, messageZh));
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n${body}`;
}
