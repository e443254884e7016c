/** The map-scale form: thresholds typed as text, checked with the server's rule before they are sent. */
import { describe, expect, test } from 'vitest';
import { bandsPreview, mapBandsToForm, validateMapBands } from '../../../../../renderer/src/features/settings/map-bands-validation.ts';

describe('map bands form', () => {
  test('numbers separated by commas (either width), 、 or spaces; a % may follow', () => {
    expect(validateMapBands({ thresholds: '0.5, 1, 2, 5' })).toEqual({ ok: true, value: [0.5, 1, 2, 5] });
    expect(validateMapBands({ thresholds: ' 1%，3、 10 ' })).toEqual({ ok: true, value: [1, 3, 10] });
    expect(mapBandsToForm([0.5, 1, 2, 5])).toEqual({ thresholds: '0.5, 1, 2, 5' });
    expect(bandsPreview({ thresholds: '1, 3' })).toBe('< 1 %，1–3 %，≥ 3 %');
  });

  test('refused with what to fix', () => {
    expect(validateMapBands({ thresholds: '1, a, 3' })).toEqual({
      ok: false,
      errors: { thresholds: { key: 'settings.mapBands.notNumber', params: { text: 'a' } } },
    });
    const down = validateMapBands({ thresholds: '2, 1' });
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.errors.thresholds?.params?.en).toBe('thresholds must go up: threshold 2 (1 %) is not above 2 %');
    expect(validateMapBands({ thresholds: '1, 100' }).ok).toBe(false);
    expect(validateMapBands({ thresholds: '' }).ok).toBe(false);
    expect(bandsPreview({ thresholds: '-1' })).toBeNull();
  });
});
