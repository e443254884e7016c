/**
 * The root: asks the console whether it needs setting up or a sign-in, and shows the first-start
 * screens, the sign-in screen or the console accordingly.
 */
import { useCallback, useEffect } from 'react';
import { ErrorBox } from '../components/error-box.tsx';
import { DemoOfferScreen } from '../features/auth/demo-offer-screen.tsx';
import { MustChangePasswordScreen } from '../features/auth/must-change-password-screen.tsx';
import { SetupScreen } from '../features/auth/setup-screen.tsx';
import { SignInScreen } from '../features/auth/sign-in-screen.tsx';
import { useUserLanguage } from '../features/auth/user-language.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useFileDropGuard } from './file-drop-guard.ts';
import { SessionGuard, useAuthGate } from './session.tsx';
import { Shell } from './shell.tsx';
import { applyCodeColors } from './theme.ts';

applyCodeColors();

export function App() {
  const { t, lang } = useI18n();
  const gate = useAuthGate();
  const { state, signOut } = gate;
  useFileDropGuard();
  // Signed in, the console speaks the user's own language and the switch keeps their choice.
  useUserLanguage('session' in state ? state.session : null, gate.sessionRefreshed);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.title');
  }, [lang, t]);

  const signOutByUser = useCallback(() => signOut({ kind: 'signedOut' }), [signOut]);

  switch (state.phase) {
    case 'loading':
      return (
        <div className="app-loading" role="status" data-testid="app-loading">
          {t('common.loading')}
        </div>
      );
    case 'error':
      return (
        <div className="app-loading">
          <ErrorBox error={state.error} onRetry={gate.reload} testId="app-error" />
        </div>
      );
    case 'setup':
      return <SetupScreen onCreated={gate.setUp} codeRequired={state.setupCodeRequired} />;
    case 'signin':
      return <SignInScreen notice={state.notice} onSignedIn={gate.signedIn} />;
    case 'changePassword':
      return (
        <>
          {/* The same session goes on after the change (auth.changePassword keeps it), and so can
              this guard and its event stream. */}
          <SessionGuard idleTimeoutMinutes={state.session.idleTimeoutMinutes} onSignOut={signOut} onRefreshed={() => undefined} />
          <MustChangePasswordScreen session={state.session} onChanged={gate.passwordChanged} onSignOut={signOutByUser} />
        </>
      );
    case 'demo':
      return (
        <>
          <SessionGuard idleTimeoutMinutes={state.session.idleTimeoutMinutes} onSignOut={signOut} onRefreshed={gate.sessionRefreshed} />
          <DemoOfferScreen onDone={gate.demoDone} />
        </>
      );
    case 'ready':
      return (
        <>
          <SessionGuard idleTimeoutMinutes={state.session.idleTimeoutMinutes} onSignOut={signOut} onRefreshed={gate.sessionRefreshed} />
          <Shell session={state.session} onSignOut={signOutByUser} />
        </>
      );
  }
}
