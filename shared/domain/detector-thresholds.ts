/**
 * The fraud detectors' thresholds (ENFORCEMENT.md "Suspicions"): the spec's defaults, and the range
 * an administrator may set each to. Shared by the service (which enforces them) and the settings
 * form (which checks them before sending).
 */
export interface DetectorSettings {
  /** A code older than this when scanned was not generated for the scan (套取截图). */
  codeValidityMinutes: number;
  /** Faster than this between two scans, one of them is not the holder (冒用他人). */
  maxSpeedKmh: number;
  /** Two different sites within this many minutes: one of them is not the holder. */
  minScanGapMinutes: number;
  /** How far back a declaration's "in the last 14 days" reaches. */
  lookbackDays: number;
  /** How far back a "no fever" declaration is contradicted by fever care. */
  feverDays: number;
}

export const DEFAULT_DETECTOR_SETTINGS: Readonly<DetectorSettings> = {
  codeValidityMinutes: 5,
  maxSpeedKmh: 150,
  minScanGapMinutes: 2,
  lookbackDays: 14,
  feverDays: 3,
};

export interface ThresholdRange {
  min: number;
  max: number;
  integer: boolean;
  zh: string;
  en: string;
}

/** Wide enough for any sensible policy, narrow enough that a typo cannot silence or flood a detector. */
export const DETECTOR_RANGES: Readonly<Record<keyof DetectorSettings, ThresholdRange>> = {
  codeValidityMinutes: { min: 1, max: 1440, integer: false, zh: '健康码有效期（分钟）', en: 'Code validity (minutes)' },
  maxSpeedKmh: { min: 10, max: 1200, integer: false, zh: '最高合理速度（公里/小时）', en: 'Highest plausible speed (km/h)' },
  minScanGapMinutes: {
    min: 0,
    max: 120,
    integer: false,
    zh: '不同场所最短扫码间隔（分钟）',
    en: 'Shortest gap between scans at different sites (minutes)',
  },
  lookbackDays: { min: 1, max: 60, integer: true, zh: '申报回溯天数', en: 'Declaration look-back (days)' },
  feverDays: { min: 1, max: 30, integer: true, zh: '发热就诊回溯天数', en: 'Fever-care look-back (days)' },
};

export const DETECTOR_SETTING_KEYS = Object.keys(DEFAULT_DETECTOR_SETTINGS) as (keyof DetectorSettings)[];

export function detectorSettingProblem(k: keyof DetectorSettings, v: unknown): { en: string; zh: string } | null {
  const r = DETECTOR_RANGES[k];
  if (typeof v !== 'number' || !Number.isFinite(v)) return { en: 'must be a number', zh: '必须是数字' };
  if (r.integer && !Number.isInteger(v)) return { en: 'must be a whole number', zh: '必须是整数' };
  if (v < r.min || v > r.max) return { en: `must be from ${r.min} to ${r.max}, not ${v}`, zh: `应在${r.min}到${r.max}之间（现为${v}）` };
  return null;
}
