/** Form validation results: per field, a message key (and its parameters) to show under the field. */
import type { MessageKey } from '../i18n/messages.ts';

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FormErrors<K extends string> = Partial<Record<K, Problem>>;

export function hasErrors(errors: FormErrors<string>): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

/** A validated form: either the value to send, or the problems to show. */
export type Validated<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FormErrors<K> };
