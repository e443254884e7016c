import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ChangePasswordForm, PASSWORD_MIN_LENGTH, validateChangePassword } from './validation.ts';

const EMPTY: ChangePasswordForm = { currentPassword: '', newPassword: '', confirm: '' };

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
  const { form, errors, busy, serverError, update, submit } = useForm(EMPTY, {
    validate: (f) => validateChangePassword(f, userName),
    send: (value) => api('auth.changePassword', value),
    onSent: (session) => onChanged(session),
    onFailed: (_err, f) => f.setValues({ currentPassword: '' }),
  });
  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Field label={t('auth.change.current')} error={errors.currentPassword} testId="change-current">
        {(describedBy, invalid) => (
          <input
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
      {serverError ? <ErrorBox error={serverError} testId="change-error" /> : null}
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
