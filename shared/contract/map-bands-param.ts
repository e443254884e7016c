/**
 * settings.update's `mapBands`: the dashboard map's thresholds in percent, ascending, each above 0 and
 * below 100 (shared/domain/map-bands.ts), refused with what to fix: "mapBands: thresholds must go up …".
 */
import * as v from 'valibot';
import { mapBandsProblem } from '../domain/map-bands.ts';
import { PARAM } from './param-schemas.ts';

export function mapBandsParam() {
  const m = (issue: v.BaseIssue<unknown>) => {
    const p = mapBandsProblem(issue.input) ?? { en: 'must be a list of numbers', zh: '应为数字列表' };
    return issue.lang === 'zh' ? `${PARAM} ${p.zh}` : `${PARAM} ${p.en}`;
  };
  return v.optional(
    v.pipe(
      v.array(v.unknown(), m),
      v.check((x) => mapBandsProblem(x) === null, m),
      v.transform((x) => x as number[]),
    ),
  );
}
