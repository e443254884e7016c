/**
 * The detectors' thresholds (ENFORCEMENT.md "Suspicions"), kept in the settings table so an admin
 * can tune them without a release. A changed threshold applies to everything already stored as
 * well: saving one sends every detector back to the first batch, so the next run (after the next
 * sync, or on demand) examines it all again; evidence keys keep a case from opening twice.
 */
import { ApiFailure } from '../../failures/api-failure.ts';
import type { Db } from '../../db/database.ts';
import { getSetting, setSetting } from '../../rules/settings.ts';
import { DETECTOR_NAMES, setDetectorWatermark } from './batch-window.ts';
import {
  DEFAULT_DETECTOR_SETTINGS,
  DETECTOR_RANGES,
  DETECTOR_SETTING_KEYS,
  type DetectorSettings,
  detectorSettingProblem as problem,
} from '../../../../shared/domain/detector-thresholds.ts';

export type { DetectorSettings };
export { DEFAULT_DETECTOR_SETTINGS };

const KEYS = DETECTOR_SETTING_KEYS;
const settingKey = (k: keyof DetectorSettings) => `detectors.${k}`;

export function detectorSettings(db: Db): DetectorSettings {
  const s = { ...DEFAULT_DETECTOR_SETTINGS };
  for (const k of KEYS) {
    const stored = getSetting(db, settingKey(k));
    // A value that no longer validates (edited by hand) falls back to the default rather than
    // letting a detector run with nonsense.
    if (stored !== null && problem(k, Number(stored)) === null) s[k] = Number(stored);
  }
  return s;
}

/** Validates every given value first, then stores them all (or none); returns the settings now in force. */
export function saveDetectorSettings(db: Db, partial: Partial<DetectorSettings>): DetectorSettings {
  for (const k of Object.keys(partial)) {
    if (!(KEYS as string[]).includes(k)) throw ApiFailure.because('bad_request', { code: 'detect.unknownSetting', params: { key: k } });
  }
  for (const k of KEYS) {
    const v = partial[k];
    if (v === undefined) continue;
    const p = problem(k, v);
    if (p) throw ApiFailure.badRequest(`${k} ${p.en}`, `${DETECTOR_RANGES[k].zh}${p.zh}`);
  }
  const before = detectorSettings(db);
  db.transaction(() => {
    for (const k of KEYS) if (partial[k] !== undefined) setSetting(db, settingKey(k), String(partial[k]));
    if (KEYS.some((k) => partial[k] !== undefined && partial[k] !== before[k])) {
      for (const name of DETECTOR_NAMES) setDetectorWatermark(db, name, 0);
    }
  })();
  return detectorSettings(db);
}
