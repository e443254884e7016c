/**
 * detect.saveSettings' parameters: any of the thresholds, each within its range (DETECTOR_RANGES),
 * and no other key: a misspelt threshold is refused, not silently dropped.
 */
import * as v from 'valibot';
import { DETECTOR_RANGES, DETECTOR_SETTING_KEYS, type DetectorSettings, detectorSettingProblem } from '../domain/detector-thresholds.ts';
import { strictParams } from './param-schemas.ts';

function threshold(k: keyof DetectorSettings) {
  // The range's own words, as the settings form says them.
  const m = (issue: v.BaseIssue<unknown>) => {
    const p = detectorSettingProblem(k, issue.input) ?? { en: 'must be a number', zh: '必须是数字' };
    return issue.lang === 'zh' ? `${DETECTOR_RANGES[k].zh}${p.zh}` : `${k} ${p.en}`;
  };
  return v.optional(
    v.pipe(
      v.number(m),
      v.check((x) => detectorSettingProblem(k, x) === null, m),
    ),
  );
}

const entries = Object.fromEntries(DETECTOR_SETTING_KEYS.map((k) => [k, threshold(k)])) as Record<
  keyof DetectorSettings,
  ReturnType<typeof threshold>
>;

export const detectorSettingsParams = strictParams(entries, (k) => ({
  en: `unknown detector setting ${k}`,
  zh: `没有名为 ${k} 的检测设置`,
}));
