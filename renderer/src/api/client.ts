/**
 * The page's client of the console API: Electron's preload bridge when present, else the HTTP
 * bridge of `hcc serve` (JSON over POST, events over server-sent events, downloads by URL).
 * Screens call `api(method, params)` and never know which one they have.
 */
import { useEffect } from 'react';
import {
  type ApiResponse,
  type ConsoleBridge,
  type ConsoleEvent,
  type ExportMethod,
  METHOD_ACCESS,
  type MethodName,
  type ParamsOf,
  type ResultOf,
} from '../../../shared/contract/api.ts';
import { ApiCallError } from './api-error.ts';
import { httpAnswer, unreachable } from './http-answer.ts';
import { reportSessionEnded } from './session-ended.ts';

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

function post<T>(method: string, params: unknown): Promise<ApiResponse<T>> {
  return httpAnswer<T>(() =>
    fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
      credentials: 'same-origin',
    }),
  );
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

export { ApiCallError };

/**
 * The one place that meets every answer: an 'unauthenticated' answer to a call that needs a session
 * ends the session in the page (the auth gate shows the sign-in screen), and a console that cannot
 * be reached is logged here (no details: there are none worth having) before the screen shows the
 * error in its words. Returns the value or throws the ApiCallError.
 */
function settle<M extends MethodName>(method: M, r: ApiResponse<ResultOf<M>>): ResultOf<M> {
  if (r.ok) return r.value;
  // A public method's 'unauthenticated' is a refused sign-in, not the end of a session.
  if (r.error.code === 'unauthenticated' && METHOD_ACCESS[method] !== 'public') reportSessionEnded();
  if (r.error.reason?.code === 'network') console.warn(`console unreachable (${method})`);
  throw ApiCallError.of(r.error);
}

/** Calls a method: its value, or its ApiCallError thrown. */
export async function api<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  // The preload answers ApiResponses too; a broken IPC channel is as good as no console.
  return settle(method, await bridge.call(method, params).catch(() => unreachable<ResultOf<M>>()));
}

/**
 * Runs an export (the desktop asks where to save, the browser downloads): its result, null when the
 * user closed the save dialog, or its ApiCallError thrown.
 */
export async function exportFile<M extends ExportMethod>(
  method: M,
  params: Omit<ParamsOf<M>, 'target'>,
  suggestedName: string,
): Promise<ResultOf<M> | null> {
  const r = await bridge.exportFile(method, params, suggestedName).catch(() => unreachable<ResultOf<M>>());
  return r === null ? null : settle(method, r);
}

/** Subscribes a component to console events for as long as it is mounted. */
export function useConsoleEvents(listener: (e: ConsoleEvent) => void): void {
  useEffect(() => bridge.onEvent(listener), [listener]);
}
