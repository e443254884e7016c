import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';

/**
 * After signing in with a password an administrator set (a new or reset account): the owner
 * chooses their own before anything else; the server refuses every other call until then.
 */
export function MustChangePasswordScreen({
  session,
  onChanged,
  onSignOut,
}: {
  session: SessionInfo;
  onChanged: (session: SessionInfo) => void;
  onSignOut: () => void;
}) {
  const { t } = useI18n();
  return (
    <AuthLayout title={t('auth.change.title')} testId="must-change-password-screen">
      <p className="intro">{t('auth.change.intro')}</p>
      <ChangePasswordForm
        userName={session.user.name}
        onChanged={onChanged}
        secondary={{ label: t('auth.change.signOut'), onClick: onSignOut }}
      />
    </AuthLayout>
  );
}
