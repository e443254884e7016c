/**
 * One dispatch for every transport: looks the method up in the handler table, runs it and wraps
 * the outcome as data. The compiler checks that every contract method has exactly one handler.
 */
import type { ApiError, ApiMethods, ApiResponse, MethodName, ParamsOf, ResultOf } from '../../../shared/contract/api.ts';
import type { Db } from '../db/database.ts';
import { dataOverview } from './handlers/data.ts';

export interface ApiContext {
  db: Db;
}

type Handlers = { [M in MethodName]: (ctx: ApiContext, params: ParamsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

const HANDLERS: Handlers = {
  'data.overview': (ctx) => dataOverview(ctx.db),
};

export class ApiFailure extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(HANDLERS, name);
}

export async function dispatch(ctx: ApiContext, method: string, params: unknown): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown method ${method}`, messageZh: `未知的方法 ${method}` } };
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    return { ok: false, error: { code: 'bad_request', message: 'parameters must be an object', messageZh: '参数必须是对象' } };
  }
  try {
    const handler = HANDLERS[method] as (ctx: ApiContext, p: unknown) => unknown;
    return { ok: true, value: await handler(ctx, params as ApiMethods[typeof method]['params']) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.error };
    // Internal details stay in the log; the page gets a message a person can act on.
    console.error(`api ${method} failed:`, (err as Error).message);
    return { ok: false, error: { code: 'internal', message: 'the console hit an internal error; try again, and tell support if it persists', messageZh: '系统内部错误，请重试；如持续出现请联系技术支持' } };
  }
}
