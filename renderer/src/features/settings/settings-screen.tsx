import type { SessionInfo } from '../../../../shared/contract/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsoleSettingsPanel } from './console-settings-panel.tsx';
import { DetectorThresholdsPanel } from './detector-thresholds-panel.tsx';
import { KeyAreasPanel } from './key-areas-panel.tsx';
import { MapBandsPanel } from './map-bands-panel.tsx';
import { UsersPanel } from './users-panel.tsx';

/** Users and roles ('users.manage'); console settings, key areas and detector thresholds ('settings.manage'). */
export function SettingsScreen({ session }: { session: SessionInfo }) {
  const { t } = useI18n();
  const manageUsers = session.permissions.includes('users.manage');
  const manageSettings = session.permissions.includes('settings.manage');
  return (
    <section data-screen="settings" className="screen">
      <h1 className="screen-title">{t('settings.title')}</h1>
      {manageUsers ? <UsersPanel session={session} /> : null}
      {manageSettings ? (
        <>
          <ConsoleSettingsPanel />
          <KeyAreasPanel />
          <MapBandsPanel />
          <DetectorThresholdsPanel />
        </>
      ) : null}
    </section>
  );
}
