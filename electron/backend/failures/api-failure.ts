import type { ApiError } from '../../../shared/contract/api.ts';
import { type ErrorReason, errorReasonBoth } from '../../../shared/words/error-words.ts';

/** A failure a person can act on, thrown by handlers and returned as data by dispatch. */
export class ApiFailure extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
  static of(code: ApiError['code'], message: string, messageZh: string): ApiFailure {
    return new ApiFailure({ code, message, messageZh });
  }
  /** A failure as a reason the page renders in its language; the sentences come from the same words. */
  static because(code: ApiError['code'], reason: ErrorReason): ApiFailure {
    const text = errorReasonBoth(reason);
    return new ApiFailure({ code, message: text.en, messageZh: text.zh, reason });
  }
  static badRequest = (en: string, zh: string) => ApiFailure.of('bad_request', en, zh);
  static notFound = (en: string, zh: string) => ApiFailure.of('not_found', en, zh);
  static conflict = (en: string, zh: string) => ApiFailure.of('conflict', en, zh);
  static forbidden = (en: string, zh: string) => ApiFailure.of('forbidden', en, zh);
}
