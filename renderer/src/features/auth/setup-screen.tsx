import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { PASSWORD_MIN_LENGTH, type SetupForm, validateSetup } from './validation.ts';

const EMPTY: SetupForm = { name: '', password: '', confirm: '', setupCode: '' };

/**
 * First start: no user exists yet, so the first administrator is created here. On a database
 * that already holds data (browser mode only) the one-time code `hcc serve` printed is asked too.
 */
export function SetupScreen({ onCreated, codeRequired }: { onCreated: (session: SessionInfo) => void; codeRequired: boolean }) {
  const { t, lang } = useI18n();
  const { form, errors, busy, serverError, update, submit } = useForm(EMPTY, {
    validate: (f) => validateSetup(f, codeRequired),
    // The first administrator keeps the language the set-up was done in.
    send: (value) => api('auth.setup', { ...value, language: lang }),
    onSent: (session) => onCreated(session),
  });

  return (
    <AuthLayout title={t('auth.setup.title')} testId="setup-screen">
      <p className="intro">{t('auth.setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        {codeRequired ? (
          <Field label={t('auth.field.setupCode')} hint={t('auth.field.setupCodeHint')} error={errors.setupCode} testId="setup-code">
            {(describedBy, invalid) => (
              <input
                type="text"
                autoComplete="one-time-code"
                spellCheck={false}
                value={form.setupCode}
                onChange={(e) => update({ setupCode: e.target.value })}
                data-testid="setup-code"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
        ) : null}
        <Field label={t('auth.field.name')} error={errors.name} testId="setup-name">
          {(describedBy, invalid) => (
            <input
              type="text"
              autoComplete="username"
              autoFocus
              value={form.name}
              onChange={(e) => update({ name: e.target.value })}
              data-testid="setup-name"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <Field
          label={t('auth.field.password')}
          hint={t('auth.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
          testId="setup-password"
        >
          {(describedBy, invalid) => (
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => update({ password: e.target.value })}
              data-testid="setup-password"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <Field label={t('auth.field.confirm')} error={errors.confirm} testId="setup-confirm">
          {(describedBy, invalid) => (
            <input
              type="password"
              autoComplete="new-password"
              value={form.confirm}
              onChange={(e) => update({ confirm: e.target.value })}
              data-testid="setup-confirm"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        {serverError ? <ErrorBox error={serverError} testId="setup-error" /> : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="setup-submit">
            {busy ? t('auth.setup.busy') : t('auth.setup.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
