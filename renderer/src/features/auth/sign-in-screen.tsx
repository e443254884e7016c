import { useRef, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { api } from '../../api/client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { type SignInForm, validateSignIn } from './validation.ts';

const EMPTY: SignInForm = { name: '', password: '' };

/** Why the sign-in screen is shown again: the user signed out, sat idle, or the session ended. */
export type SignInNotice = { kind: 'signedOut' } | { kind: 'idle'; minutes: number } | { kind: 'expired' } | null;

export function SignInScreen({ notice, onSignedIn }: { notice: SignInNotice; onSignedIn: (session: SessionInfo) => void }) {
  const { t, lang, showLang } = useI18n();
  // Why the user is here matters until they try to sign in; then the answer to that try does.
  const [showNotice, setShowNotice] = useState(true);
  // The screen opens in this machine's last language. Switched here before signing in, the language
  // is the choice of whoever signs in: it is kept as theirs. Untouched, their own kept one applies.
  const openedIn = useRef(lang);
  const { form, errors, busy, serverError, update, submit } = useForm(EMPTY, {
    validate: validateSignIn,
    send: (value) => {
      setShowNotice(false);
      return api('auth.signIn', lang === openedIn.current ? value : { ...value, language: lang });
    },
    onSent: (session) => {
      // Before the console opens, so it opens in the user's language rather than switching to it.
      showLang(session.language);
      onSignedIn(session);
    },
    // A refused password is typed again from scratch.
    onFailed: (_err, f) => f.setValues({ password: '' }),
  });

  let noticeText: string | null = null;
  if (!showNotice) noticeText = null;
  else if (notice?.kind === 'idle') noticeText = t('auth.notice.idle', { minutes: notice.minutes });
  else if (notice?.kind === 'expired') noticeText = t('auth.notice.expired');
  else if (notice?.kind === 'signedOut') noticeText = t('auth.notice.signedOut');

  return (
    <AuthLayout title={t('auth.signIn.title')} testId="signin-screen">
      {noticeText ? (
        <p className="notice" role="status" data-testid="signin-notice" data-kind={notice?.kind}>
          {noticeText}
        </p>
      ) : null}
      <p className="intro">{t('auth.signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.field.name')} error={errors.name} testId="signin-name">
          {(describedBy, invalid) => (
            <input
              type="text"
              autoComplete="username"
              autoFocus
              value={form.name}
              onChange={(e) => update({ name: e.target.value })}
              data-testid="signin-name"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <Field label={t('auth.field.password')} error={errors.password} testId="signin-password">
          {(describedBy, invalid) => (
            <input
              type="password"
              autoComplete="current-password"
              value={form.password}
              onChange={(e) => update({ password: e.target.value })}
              data-testid="signin-password"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        {serverError ? <ErrorBox error={serverError} testId="signin-error" /> : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="signin-submit">
            {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
