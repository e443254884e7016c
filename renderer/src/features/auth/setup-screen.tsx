import { type FormEvent, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import type { FormErrors } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { PASSWORD_MIN_LENGTH, type SetupForm, validateSetup } from './validation.ts';

/** First start: no user exists yet, so the first administrator is created here. */
export function SetupScreen({ onCreated }: { onCreated: (session: SessionInfo) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<SetupForm>({ name: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FormErrors<keyof SetupForm>>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);

  const update = (patch: Partial<SetupForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (attempted) {
      const v = validateSetup(next);
      setErrors(v.ok ? {} : v.errors);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    const v = validateSetup(form);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setServerError(null);
    api('auth.setup', v.value).then(
      (session) => onCreated(session),
      (err: unknown) => {
        setBusy(false);
        setServerError(err);
      },
    );
  };

  return (
    <AuthLayout title={t('auth.setup.title')} testId="setup-screen">
      <p className="intro">{t('auth.setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.field.name')} error={errors.name} testId="setup-name">
          {(describedBy, invalid) => (
            <input type="text" autoComplete="username" autoFocus value={form.name} onChange={(e) => update({ name: e.target.value })} data-testid="setup-name" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
        <Field label={t('auth.field.password')} hint={t('auth.field.passwordHint', { min: PASSWORD_MIN_LENGTH })} error={errors.password} testId="setup-password">
          {(describedBy, invalid) => (
            <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => update({ password: e.target.value })} data-testid="setup-password" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
          )}
        </Field>
        <Field label={t('auth.field.confirm')} error={errors.confirm} testId="setup-confirm">
          {(describedBy, invalid) => (
            <input type="password" autoComplete="new-password" value={form.confirm} onChange={(e) => update({ confirm: e.target.value })} data-testid="setup-confirm" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
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
