/**
 * The console's frame once signed in: the header (title, language, user, role, county, sign out),
 * the navigation of the screens the user's permissions allow, and the screen of the current route.
 */
import { useEffect } from 'react';
import type { SessionInfo } from '../../../shared/contract/api.ts';
import { countyName } from '../../../shared/domain/counties.ts';
import { ROLE_NAMES } from '../../../shared/domain/roles.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { ChangePasswordButton } from '../features/auth/change-password-dialog.tsx';
import { BriefingsScreen } from '../features/briefings/briefings-screen.tsx';
import { DashboardScreen } from '../features/dashboard/dashboard-screen.tsx';
import { AuditScreen } from '../features/audit/audit-screen.tsx';
import { DataScreen } from '../features/data/data-screen.tsx';
import { EnforcementScreen } from '../features/enforcement/enforcement-screen.tsx';
import { EnterprisesScreen } from '../features/enterprises/enterprises-screen.tsx';
import { PeopleScreen } from '../features/people/people-screen.tsx';
import { SettingsScreen } from '../features/settings/settings-screen.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { type ScreenId, screenForRoute, visibleScreens } from './nav.ts';
import { type Route, routeHash, useRoute } from './router.tsx';

export function Shell({ session, onSignOut }: { session: SessionInfo; onSignOut: () => void }) {
  const { t, lang } = useI18n();
  const route = useRoute();
  const screens = visibleScreens(session.permissions);
  const screen = screenForRoute(route, session.permissions);

  // A route the user may not see (another role's bookmark) is replaced by the first allowed screen.
  useEffect(() => {
    if (screen !== null && screen !== route.screen) window.location.replace(routeHash({ screen } as Route));
  }, [screen, route.screen]);

  const user = session.user;
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="app-title" data-testid="app-title">
          {t('app.title')}
        </span>
        <div className="header-user">
          <LanguageSwitch />
          <span className="header-item" title={t('shell.user')} data-testid="user-name">
            {user.name}
          </span>
          <span className="header-item role-tag" title={t('shell.role')} data-testid="user-role" data-role={user.role}>
            {ROLE_NAMES[user.role][lang]}
          </span>
          <span className="header-item" title={t('shell.scope')} data-testid="user-county" data-county={user.county ?? ''}>
            {user.county ? countyName(user.county, lang) : t('shell.scopeCity')}
          </span>
          <ChangePasswordButton userName={user.name} />
          <button type="button" onClick={onSignOut} data-testid="signout">
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        <ul>
          {screens.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === screen ? 'page' : undefined} data-testid={`nav-${s.id}`}>
                {t(`nav.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main" id="main">
        {screen === null ? (
          <p className="notice" data-testid="no-screens">
            {t('shell.noScreens')}
          </p>
        ) : (
          <ScreenView screen={screen} route={route} session={session} />
        )}
      </main>
    </div>
  );
}

function ScreenView({ screen, route, session }: { screen: ScreenId; route: Route; session: SessionInfo }) {
  switch (screen) {
    case 'dashboard':
      return <DashboardScreen session={session} />;
    case 'data':
      return <DataScreen session={session} />;
    case 'people':
      return <PeopleScreen session={session} personRef={route.screen === 'people' ? route.ref : null} />;
    case 'settings':
      return <SettingsScreen session={session} />;
    case 'enforcement':
      return <EnforcementScreen session={session} />;
    case 'briefings':
      return <BriefingsScreen session={session} />;
    case 'enterprises':
      return <EnterprisesScreen session={session} />;
    case 'audit':
      return <AuditScreen />;
  }
}
