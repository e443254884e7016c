/**
 * The state of a form, without React: the values typed so far, whether the user has tried to submit,
 * and the problems shown under the fields. Problems appear on the first submit and from then on
 * follow every edit; before that the user is left to type in peace.
 */
import type { FormErrors, Validated } from './form-errors.ts';

export type FormKey<F> = Extract<keyof F, string>;

export interface FormState<F> {
  values: F;
  attempted: boolean;
  errors: FormErrors<FormKey<F>>;
}

export type Validate<F, V> = (values: F) => Validated<V, FormKey<F>>;

export function initialFormState<F>(values: F): FormState<F> {
  return { values, attempted: false, errors: {} };
}

function errorsOf<K extends string>(result: Validated<unknown, K>): FormErrors<K> {
  return result.ok ? {} : result.errors;
}

/** An edit: the new values, checked again only once the user has tried to submit. */
export function editForm<F, V>(state: FormState<F>, patch: Partial<F>, validate: Validate<F, V>): FormState<F> {
  const values = { ...state.values, ...patch };
  return { values, attempted: state.attempted, errors: state.attempted ? errorsOf(validate(values)) : state.errors };
}

/** A submit: the problems to show, and what to send (null when the values are not valid). */
export function submitForm<F, V>(state: FormState<F>, validate: Validate<F, V>): { state: FormState<F>; send: { value: V } | null } {
  const result = validate(state.values);
  return { state: { values: state.values, attempted: true, errors: errorsOf(result) }, send: result.ok ? { value: result.value } : null };
}
