/**
 * THE way a screen loads data: `useApi(method, params, deps)` calls the method, keeps its answer and
 * calls again when the parameters change (compared as JSON), when a dependency changes (a data
 * version bumped by an event, say) or on `reload`. An answer that arrives after a newer question is
 * dropped. Failures need no care here: the API client has already signed out on 'unauthenticated'
 * and turned a lost connection into an error with words (api/client.ts); the screen shows `error`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodName, ParamsOf, ResultOf } from '../../../shared/contract/api.ts';
import { api } from './client.ts';

export interface ApiData<T> {
  /** The latest answer (kept while the next one loads, so a table does not flash empty). */
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Asks again with the same parameters. */
  reload(): void;
  /** Replaces the data with what another call answered (a save or a move returns the new value). */
  set(data: T): void;
}

/** What may make a screen ask again: plain values, compared as JSON with the parameters. */
export type ApiDep = string | number | boolean | null | undefined;

interface Settled<T> {
  /** The question this answer is for (parameters, dependencies, attempt). */
  asked: string;
  data: T | null;
  error: unknown;
}

export interface ApiFollowUp<T> {
  /** Runs with each answer kept (not with one a newer question overtook); `askedAt`: when it was asked. */
  onAnswer?(value: T, askedAt: number): void;
  /** Runs with each failure kept. */
  onFailure?(error: unknown): void;
}

/**
 * `params` null: nothing to ask yet (no person chosen, a period that is not valid). `followUp`: for
 * the few screens that fold an answer into state of their own (a job followed by events).
 */
export function useApi<M extends MethodName>(
  method: M,
  params: ParamsOf<M> | null,
  deps: readonly ApiDep[] = [],
  followUp?: ApiFollowUp<ResultOf<M>>,
): ApiData<ResultOf<M>> {
  const follow = useRef(followUp);
  useEffect(() => {
    follow.current = followUp;
  });
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<ResultOf<M>>>({ asked: '', data: null, error: null });
  // One string for "what is asked": the effect runs again exactly when it changes, and `loading`
  // is true until the answer to this very question is in (never a stale answer shown as current).
  const question = params === null ? null : JSON.stringify([method, params, deps, attempt]);

  useEffect(() => {
    if (question === null) return;
    const [asked, askedParams] = JSON.parse(question) as [M, ParamsOf<M>];
    let current = true;
    const askedAt = Date.now();
    api(asked, askedParams).then(
      (value) => {
        if (!current) return;
        setSettled({ asked: question, data: value, error: null });
        follow.current?.onAnswer?.(value, askedAt);
      },
      (err: unknown) => {
        if (!current) return;
        setSettled((prev) => ({ asked: question, data: prev.data, error: err }));
        follow.current?.onFailure?.(err);
      },
    );
    return () => {
      current = false;
    };
  }, [question]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: ResultOf<M>) => setSettled((prev) => ({ ...prev, data, error: null })), []);
  return { data: settled.data, error: settled.error, loading: question !== null && settled.asked !== question, reload, set };
}
