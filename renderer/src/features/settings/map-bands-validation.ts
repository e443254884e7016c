/** The map-scale form: thresholds typed as "0.5, 1, 2, 5", checked with the rule the server enforces. */
import { bandLabel, mapBands, mapBandsProblem } from '../../../../shared/domain/map-bands.ts';
import type { Validated } from '../../components/form-errors.ts';

export interface MapBandsForm {
  thresholds: string;
}

export function mapBandsToForm(thresholds: readonly number[]): MapBandsForm {
  return { thresholds: thresholds.join(', ') };
}

/** Commas (either width), the Chinese enumeration comma or spaces separate the thresholds; a "%" may follow each. */
export function validateMapBands(form: MapBandsForm): Validated<number[], 'thresholds'> {
  const parts = form.thresholds
    .split(/[,，、\s]+/)
    .map((p) => p.replace(/%$/, ''))
    .filter((p) => p !== '');
  const numbers: number[] = [];
  for (const p of parts) {
    if (!/^\d+(\.\d+)?$/.test(p)) return { ok: false, errors: { thresholds: { key: 'settings.mapBands.notNumber', params: { text: p } } } };
    numbers.push(Number(p));
  }
  const problem = mapBandsProblem(numbers);
  if (problem) return { ok: false, errors: { thresholds: { key: 'settings.mapBands.invalid', params: { ...problem } } } };
  return { ok: true, value: numbers };
}

/** The bands a valid entry makes ("< 1 %, 1–3 %, ≥ 3 %"), or null. */
export function bandsPreview(form: MapBandsForm): string | null {
  const v = validateMapBands(form);
  return v.ok ? mapBands(v.value).map(bandLabel).join('，') : null;
}
