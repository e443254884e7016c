/**
 * THE API of the console: every method the interface may call, with its parameters and result.
 * Electron IPC and the HTTP bridge both serve exactly this table through one dispatch(), so the
 * two transports cannot drift. Errors cross as data with a code and messages in both languages.
 */
import type { FeedName } from '../domain/feeds/feed-schemas.ts';

export interface FeedStatus {
  feed: FeedName;
  rows: number;
  lastImportAt: number | null;
  rejected: number;
}

export interface SyncRunSummary {
  id: number;
  source: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  startedAt: number;
  finishedAt: number | null;
  files: number;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface DataOverview {
  feeds: FeedStatus[];
  syncs: SyncRunSummary[];
}

export interface ApiMethods {
  /** Row counts, last import and rejected rows per feed, and the latest syncs. */
  'data.overview': { params: Record<string, never>; result: DataOverview };
}

export type MethodName = keyof ApiMethods;
export type ParamsOf<M extends MethodName> = ApiMethods[M]['params'];
export type ResultOf<M extends MethodName> = ApiMethods[M]['result'];

export interface ApiError {
  code: 'bad_request' | 'unknown_method' | 'forbidden' | 'not_found' | 'conflict' | 'internal';
  message: string;
  messageZh: string;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Pushed from the console to the page (progress of long work, data changes). */
export type ConsoleEvent = { type: 'data-changed' };

/** What the preload exposes to the page as `window.hcc` (and the HTTP client imitates). */
export interface ConsoleBridge {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ApiResponse<ResultOf<M>>>;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
}

export const METHOD_NAMES: readonly MethodName[] = ['data.overview'];
