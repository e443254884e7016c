/** The console's settings (Settings screen), stored in the settings table with their defaults. */
import type { ConsoleSettings } from '../../../shared/contract/settings.ts';
import type { Db } from '../db/database.ts';
import { getSetting, setSetting } from '../rules/settings.ts';
import { hasStoredExchangePassword } from '../exchange-db/exchange-credentials.ts';
import { parseMapBands } from '../../../shared/domain/map-bands.ts';

const DEFAULTS = { idleTimeoutMinutes: 30, autoSyncMinutes: 0 };

export function consoleSettings(db: Db): ConsoleSettings {
  const idle = Number(getSetting(db, 'console.idle_timeout_minutes') ?? DEFAULTS.idleTimeoutMinutes);
  const auto = Number(getSetting(db, 'console.auto_sync_minutes') ?? DEFAULTS.autoSyncMinutes);
  return {
    idleTimeoutMinutes: idle,
    autoSyncMinutes: auto,
    syncSource: getSetting(db, 'console.sync_source'),
    exchangePasswordStored: hasStoredExchangePassword(db),
    mapBands: mapBandThresholds(db),
  };
}

/** The map's thresholds (the dashboard reads them for every role; only administrators change them). */
export function mapBandThresholds(db: Db): number[] {
  return parseMapBands(getSetting(db, 'dashboard.map_bands'));
}

export function saveConsoleSettings(db: Db, s: Partial<Omit<ConsoleSettings, 'exchangePasswordStored'>>): ConsoleSettings {
  db.transaction(() => {
    if (s.idleTimeoutMinutes !== undefined) setSetting(db, 'console.idle_timeout_minutes', String(s.idleTimeoutMinutes));
    if (s.autoSyncMinutes !== undefined) setSetting(db, 'console.auto_sync_minutes', String(s.autoSyncMinutes));
    if (s.mapBands !== undefined) setSetting(db, 'dashboard.map_bands', JSON.stringify(s.mapBands));
    if (s.syncSource !== undefined) {
      if (s.syncSource === null) db.prepare("DELETE FROM settings WHERE key = 'console.sync_source'").run();
      else setSetting(db, 'console.sync_source', s.syncSource);
    }
  }).immediate();
  return consoleSettings(db);
}
