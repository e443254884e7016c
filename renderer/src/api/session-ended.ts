/**
 * "The server no longer knows this session": the API client reports it here whenever a call that
 * needs a session answers 'unauthenticated', and the auth gate returns to the sign-in screen. No
 * component has to notice it (rendering an error never signs anyone out).
 */
import { ApiCallError } from './api-error.ts';

const listeners = new Set<() => void>();

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'unauthenticated';
}

export function reportSessionEnded(): void {
  for (const l of [...listeners]) l();
}
