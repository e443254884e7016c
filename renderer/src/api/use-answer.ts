import { useCallback, useEffect, useState } from 'react';

export interface Answer<T> {
  /** The latest answer (kept while the next one loads, so a table does not flash empty). */
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Asks again. */
  retry(): void;
  /** Replaces the data with what another call answered (a save or a move returns the new value). */
  set(data: T): void;
}

/**
 * Keeps the answer of `ask`, asking again whenever `ask` is a new function (callers memoize it on
 * what it depends on) or on `retry`. An answer that arrives after a newer question is dropped.
 * `ask` null: nothing to ask yet.
 */
export function useAnswer<T>(ask: (() => Promise<T>) | null): Answer<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(ask !== null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (ask === null) return;
    let current = true;
    setLoading(true);
    ask().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [ask, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, retry, set: setData };
}
