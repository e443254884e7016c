import { useRef, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { ApiCallError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ChangePasswordForm, PASSWORD_MIN_LENGTH, validateChangePassword } from './validation.ts';

const EMPTY: ChangePasswordForm = { currentPassword: '', newPassword: '', confirm: '' };

/** The server's answer that the current password was not the account's. */
function isWrongCurrent(err: unknown): boolean {
  return err instanceof ApiCallError && err.reason?.code === 'auth.currentPasswordWrong';
}

/**
 * One's own new password: the form of the screen shown after signing in with a password an
 * administrator set (nothing else works until it is done), and of the voluntary change.
 */
export function ChangePasswordForm({
  userName,
  onChanged,
  secondary,
}: {
  userName: string;
  onChanged: (session: SessionInfo) => void;
  secondary: { label: string; onClick: () => void };
}) {
  const { t } = useI18n();
  const current = useRef<HTMLInputElement>(null);
  // The server's answer holds until the user edits the form: then it may no longer be true.
  const [answerHolds, setAnswerHolds] = useState(true);
  const { form, errors, busy, serverError, update, submit } = useForm(EMPTY, {
    validate: (f) => validateChangePassword(f, userName),
    send: (value) => {
      setAnswerHolds(true);
      return api('auth.changePassword', value);
    },
    onSent: (session) => onChanged(session),
    // The current password is typed again from scratch, where the cursor now is.
    onFailed: (_err, f) => {
      f.setValues({ currentPassword: '' });
      current.current?.focus();
    },
    onEdit: () => setAnswerHolds(false),
  });
  const wrongCurrent = answerHolds && isWrongCurrent(serverError);
  const currentError = errors.currentPassword ?? (wrongCurrent ? { key: 'auth.error.currentWrong' as const } : undefined);
  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Field label={t('auth.change.current')} error={currentError} testId="change-current">
        {(describedBy, invalid) => (
          <input
            ref={current}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={form.currentPassword}
            onChange={(e) => update({ currentPassword: e.target.value })}
            data-testid="change-current"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <Field
        label={t('auth.change.new')}
        hint={t('auth.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={errors.newPassword}
        testId="change-new"
      >
        {(describedBy, invalid) => (
          <input
            type="password"
            autoComplete="new-password"
            value={form.newPassword}
            onChange={(e) => update({ newPassword: e.target.value })}
            data-testid="change-new"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <Field label={t('auth.field.confirm')} error={errors.confirm} testId="change-confirm">
        {(describedBy, invalid) => (
          <input
            type="password"
            autoComplete="new-password"
            value={form.confirm}
            onChange={(e) => update({ confirm: e.target.value })}
            data-testid="change-confirm"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      {serverError && answerHolds && !wrongCurrent ? <ErrorBox error={serverError} testId="change-error" /> : null}
      <div className="form-actions">
        <button type="button" onClick={secondary.onClick} disabled={busy} data-testid="change-secondary">
          {secondary.label}
        </button>
        <button type="submit" className="button-primary" disabled={busy} data-testid="change-submit">
          {busy ? t('auth.change.busy') : t('auth.change.submit')}
        </button>
      </div>
    </form>
  );
}
