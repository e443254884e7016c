/** Checks of the detector-thresholds form, with the ranges the service enforces. */
import type { DetectorSettings } from '../../../../shared/contract/enforcement.ts';
import { DETECTOR_RANGES, DETECTOR_SETTING_KEYS } from '../../../../shared/domain/detector-thresholds.ts';
import type { FormErrors, Validated } from '../../components/form-errors.ts';

export type ThresholdsForm = Record<keyof DetectorSettings, string>;

export function thresholdsToForm(s: DetectorSettings): ThresholdsForm {
  return Object.fromEntries(DETECTOR_SETTING_KEYS.map((k) => [k, String(s[k])])) as ThresholdsForm;
}

export function validateThresholds(form: ThresholdsForm): Validated<DetectorSettings, keyof DetectorSettings> {
  const errors: FormErrors<keyof DetectorSettings> = {};
  const value = {} as DetectorSettings;
  for (const k of DETECTOR_SETTING_KEYS) {
    const r = DETECTOR_RANGES[k];
    const text = form[k].trim();
    const n = Number(text);
    if (text === '') errors[k] = { key: 'settings.error.required' };
    else if (!/^\d+(\.\d+)?$/.test(text) || (r.integer && !Number.isInteger(n)))
      errors[k] = { key: r.integer ? 'settings.error.range' : 'settings.error.number', params: { min: r.min, max: r.max } };
    else if (n < r.min || n > r.max)
      errors[k] = { key: r.integer ? 'settings.error.range' : 'settings.error.number', params: { min: r.min, max: r.max } };
    else value[k] = n;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
