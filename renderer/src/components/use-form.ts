import { type FormEvent, useState } from 'react';
import type { FormErrors } from './form-errors.ts';
import { type FormKey, type FormState, type Validate, editForm, initialFormState, submitForm } from './form-state.ts';

/** What the callbacks may do to the form once the answer is in, without checking the values. */
export interface FormControls<F> {
  /** Changes values (e.g. clears a refused password). */
  setValues(patch: Partial<F>): void;
  /** The form stays after a save: it shows the values the server answered and is ready again. */
  reset(values: F): void;
}

export interface FormOptions<F, V, R> {
  /** Checks the values: on submit, and after every edit once the user has tried to submit. */
  validate: Validate<F, V>;
  /** Sends valid values; the form is busy until the answer. Null: nothing to send, the form stays ready. */
  send(value: V): Promise<R> | null;
  /** The server accepted. The form stays busy (its screen or dialog goes away) unless `reset` is called. */
  onSent?(result: R, value: V, form: FormControls<F>): void;
  /** The server refused: its error is shown and the form is ready again. */
  onFailed?(error: unknown, form: FormControls<F>): void;
  /** After every edit (e.g. a "saved" notice no longer holds). */
  onEdit?(): void;
}

export interface Form<F> {
  form: F;
  /** Problems shown under the fields: none before the first submit, then kept up to date. */
  errors: FormErrors<FormKey<F>>;
  busy: boolean;
  serverError: unknown;
  /** An edit by the user. */
  update(patch: Partial<F>): void;
  submit(event: FormEvent): void;
}

/**
 * A form that is sent once valid: its values, the problems shown under the fields after the first
 * attempt, a busy flag while it is sent, and the server's error. `initial` is read once, on mount.
 */
export function useForm<F, V, R>(initial: F | (() => F), options: FormOptions<F, V, R>): Form<F> {
  const [state, setState] = useState<FormState<F>>(() =>
    initialFormState(typeof initial === 'function' ? (initial as () => F)() : initial),
  );
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);

  const controls: FormControls<F> = {
    setValues: (patch) => setState((s) => ({ ...s, values: { ...s.values, ...patch } })),
    reset: (values) => {
      setState((s) => ({ ...s, values }));
      setBusy(false);
    },
  };

  const update = (patch: Partial<F>) => {
    setState((s) => editForm(s, patch, options.validate));
    options.onEdit?.();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = submitForm(state, options.validate);
    setState(next.state);
    if (!next.send) return;
    const { value } = next.send;
    const sending = options.send(value);
    if (sending === null) return;
    setBusy(true);
    setServerError(null);
    sending.then(
      (result) => options.onSent?.(result, value, controls),
      (err: unknown) => {
        setBusy(false);
        setServerError(err);
        options.onFailed?.(err, controls);
      },
    );
  };

  return { form: state.values, errors: state.errors, busy, serverError, update, submit };
}
