import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The frame of the screens before the console opens: title, language switch, one centred panel. */
export function AuthLayout({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="app-title">{t('app.title')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth-panel" data-testid={testId}>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
