import { useMemo } from 'react';
import type { MethodName, ParamsOf, ResultOf } from '../../../shared/contract/api.ts';
import { api } from './client.ts';
import { type Answer, useAnswer } from './use-answer.ts';

export type Remote<T> = Answer<T>;

/**
 * Calls an API method and keeps its answer; calls again when the parameters change (compared as
 * JSON) or `version` grows (the data changed). `params` null: nothing to ask yet.
 */
export function useRemote<M extends MethodName>(method: M, params: ParamsOf<M> | null, version = 0): Remote<ResultOf<M>> {
  const key = params === null ? null : JSON.stringify(params);
  const ask = useMemo(
    () => (key === null ? null : () => api(method, JSON.parse(key) as ParamsOf<M>)),
    // `version` is a dependency on purpose: a bump asks again with the same parameters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [method, key, version],
  );
  return useAnswer(ask);
}
