/**
 * The one check of the parameters that crossed a transport (the contract's types are promises the
 * page makes, not guarantees): the method's schema in shared/contract/methods.ts, run by dispatch()
 * before the handler, which gets the parsed values. A refusal names the parameter and what it
 * should be, in both languages (valibot picks each message's language from the parse's `lang`).
 */
import * as v from 'valibot';
import { METHODS, type MethodName, type ValidParams } from '../../../shared/contract/api.ts';
import { refusalText } from '../../../shared/contract/param-schemas.ts';
import { ApiFailure } from '../failures/api-failure.ts';

export function validParams<M extends MethodName>(method: M, params: unknown): ValidParams<M> {
  const schema: v.GenericSchema<unknown, unknown> = METHODS[method].params;
  const en = v.safeParse(schema, params, { lang: 'en', abortEarly: true });
  if (en.success) return en.output as ValidParams<M>;
  // Only a refusal is parsed twice: the same first issue, in the other language.
  const zh = v.safeParse(schema, params, { lang: 'zh', abortEarly: true });
  const first = refusalText(en.issues[0]);
  throw ApiFailure.badRequest(first, zh.success ? first : refusalText(zh.issues[0]));
}
