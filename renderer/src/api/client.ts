/**
 * The page's client of the console API: Electron's preload bridge when present, else the HTTP
 * bridge of `hcc serve` (JSON over POST, events over server-sent events, downloads by URL).
 * Screens call `api(method, params)` and never know which one they have.
 */
import { useEffect } from 'react';
import type { ApiResponse, ConsoleBridge, ConsoleEvent, MethodName, ParamsOf, ResultOf } from '../../../shared/contract/api.ts';

declare global {
  interface Window {
    hcc?: ConsoleBridge;
  }
}

const listeners = new Set<(e: ConsoleEvent) => void>();
let source: EventSource | null = null;

/** (Re)opens the event stream: after a sign-in, or when the server closed it (signed out, restart). */
function ensureEventStream(): void {
  if (source && source.readyState !== EventSource.CLOSED) return;
  source?.close();
  source = new EventSource('/api/events', { withCredentials: true });
  source.onmessage = (m) => {
    const event = JSON.parse(m.data as string) as ConsoleEvent;
    for (const l of listeners) l(event);
  };
}

async function post<T>(method: string, params: unknown): Promise<ApiResponse<T>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    return (await res.json()) as ApiResponse<T>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'network', messageZh: 'network' } };
  }
}

const httpBridge: ConsoleBridge = {
  call: (method, params) => post(method, params),
  onEvent(listener) {
    ensureEventStream();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      // Nobody listening (signed out): close, so the next sign-in opens a stream with its cookie.
      if (listeners.size === 0) {
        source?.close();
        source = null;
      }
    };
  },
  async exportFile(method, params) {
    const r = await post<ResultOf<typeof method>>(method, params);
    if (r.ok && r.value.downloadUrl) {
      const a = document.createElement('a');
      a.href = r.value.downloadUrl;
      a.download = r.value.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
    return r;
  },
};

export const bridge: ConsoleBridge = window.hcc ?? httpBridge;
export const isDesktop = window.hcc !== undefined;

/** An API error, with the message in both languages for the interface to show. */
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

/** Subscribes a component to console events for as long as it is mounted. */
export function useConsoleEvents(listener: (e: ConsoleEvent) => void): void {
  useEffect(() => bridge.onEvent(listener), [listener]);
}
