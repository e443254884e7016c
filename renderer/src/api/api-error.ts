import type { ApiError } from '../../../shared/contract/api.ts';
import type { ErrorReason } from '../../../shared/words/error-words.ts';

/** An API error, with its reason (rendered from shared/words) and the console's sentences as the fallback. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly messageZh: string;
  readonly reason: ErrorReason | undefined;
  constructor(code: string, message: string, messageZh: string, reason?: ErrorReason) {
    super(message);
    this.code = code;
    this.messageZh = messageZh;
    this.reason = reason;
  }
  static of(error: ApiError): ApiCallError {
    return new ApiCallError(error.code, error.message, error.messageZh, error.reason);
  }
}
