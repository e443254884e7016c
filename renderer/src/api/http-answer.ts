/**
 * What the HTTP bridge answered, always as an ApiResponse: a lost connection, a proxy's HTML page or
 * any body that is not an API answer becomes the 'network' failure, so no caller meets a thrown
 * TypeError or SyntaxError.
 */
import type { ApiResponse } from '../../../shared/contract/api.ts';
import { ERROR_WORDS } from '../../../shared/words/error-words.ts';

export function unreachable<T>(): ApiResponse<T> {
  return {
    ok: false,
    error: { code: 'internal', message: ERROR_WORDS.network.en, messageZh: ERROR_WORDS.network.zh, reason: { code: 'network' } },
  };
}

function isApiResponse(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const b = body as { ok?: unknown; error?: { code?: unknown; message?: unknown; messageZh?: unknown } };
  if (b.ok === true) return 'value' in b;
  return (
    b.ok === false && typeof b.error?.code === 'string' && typeof b.error.message === 'string' && typeof b.error.messageZh === 'string'
  );
}

/** The answer of one `POST /api/<method>`; `send` is fetch (the page's, or a test's pointed at a real server). */
export async function httpAnswer<T>(send: () => Promise<Response>): Promise<ApiResponse<T>> {
  let res: Response;
  try {
    res = await send();
  } catch {
    return unreachable();
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return unreachable();
  }
  return isApiResponse(body) ? (body as ApiResponse<T>) : unreachable();
}
