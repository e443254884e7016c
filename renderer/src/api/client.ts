/**
 * The page's client of the console API: Electron's preload bridge when present, else the HTTP
 * bridge of `hcc serve`. Screens call `api(method, params)` and never know which one they have.
 */
import type { ApiResponse, ConsoleBridge, ConsoleEvent, MethodName, ParamsOf, ResultOf } from '../../../shared/contract/api.ts';

declare global {
  interface Window {
    hcc?: ConsoleBridge;
  }
}

const httpBridge: ConsoleBridge = {
  async call(method, params) {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    return (await res.json()) as ApiResponse<never>;
  },
  onEvent(_listener: (e: ConsoleEvent) => void) {
    return () => undefined;
  },
};

export const bridge: ConsoleBridge = window.hcc ?? httpBridge;

export class ApiCallError extends Error {
  readonly code: string;
  readonly messageZh: string;
  constructor(code: string, message: string, messageZh: string) {
    super(message);
    this.code = code;
    this.messageZh = messageZh;
  }
}

export async function api<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const r = await bridge.call(method, params);
  if (!r.ok) throw new ApiCallError(r.error.code, r.error.message, r.error.messageZh);
  return r.value;
}
