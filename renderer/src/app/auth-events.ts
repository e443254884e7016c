/**
 * "The server no longer knows this session": any part of the interface that meets an API error with
 * code 'unauthenticated' reports it here (ErrorBox does it for every error it shows), and the auth
 * gate returns to the sign-in screen.
 */
import { ApiCallError } from '../api/client.ts';

const listeners = new Set<() => void>();

export function onUnauthenticated(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'unauthenticated';
}

/** Reports the error if it is an 'unauthenticated' one; returns whether it was. */
export function reportIfUnauthenticated(error: unknown): boolean {
  if (!isUnauthenticated(error)) return false;
  for (const l of [...listeners]) l();
  return true;
}
