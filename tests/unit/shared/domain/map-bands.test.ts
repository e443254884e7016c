/** The map's fixed scale: which band a rate falls in, the bands' colours and labels, and which thresholds are refused. */
import { describe, expect, test } from 'vitest';
import { CODE_COLOR_HEX } from '../../../../shared/domain/code-colors.ts';
import { DEFAULT_MAP_BANDS, bandLabel, bandOf, mapBands, mapBandsProblem, parseMapBands } from '../../../../shared/domain/map-bands.ts';

describe('bandOf: a rate (0..1) against thresholds in percent', () => {
  test('the default bands: < 0.5 %, 0.5–1 %, 1–2 %, 2–5 %, ≥ 5 %', () => {
    expect(DEFAULT_MAP_BANDS).toEqual([0.5, 1, 2, 5]);
    const cases: [rate: number, band: number][] = [
      [0, 0],
      [0.0049, 0],
      [0.005, 1],
      [0.0099, 1],
      [0.01, 2],
      [0.0199, 2],
      [0.02, 3],
      [0.0499, 3],
      [0.05, 4],
      [0.5, 4],
      [1, 4],
    ];
    for (const [rate, band] of cases) expect(bandOf(rate, DEFAULT_MAP_BANDS), String(rate)).toBe(band);
  });

  test('a rate on a threshold is in the band above, whatever the floating point says', () => {
    // 1 / 200 is 0.005 only roughly; 3 / 300 likewise for 1 %.
    expect(bandOf(1 / 200, DEFAULT_MAP_BANDS)).toBe(1);
    expect(bandOf(3 / 300, DEFAULT_MAP_BANDS)).toBe(2);
    expect(bandOf(7 / 140, DEFAULT_MAP_BANDS)).toBe(4);
  });

  test('other thresholds: one threshold makes two bands', () => {
    expect(bandOf(0.029, [3])).toBe(0);
    expect(bandOf(0.03, [3])).toBe(1);
    expect(bandOf(0.3, [10, 20, 30])).toBe(3);
  });
});

describe('mapBands: colours green → yellow → red, labels for the legend', () => {
  test('five default bands, the lowest the code green, the middle the code yellow, the top the code red', () => {
    const bands = mapBands(DEFAULT_MAP_BANDS);
    expect(bands.map(bandLabel)).toEqual(['< 0.5 %', '0.5–1 %', '1–2 %', '2–5 %', '≥ 5 %']);
    expect(bands[0]!.color).toBe(CODE_COLOR_HEX.green);
    expect(bands[2]!.color).toBe(CODE_COLOR_HEX.yellow);
    expect(bands[4]!.color).toBe(CODE_COLOR_HEX.red);
    expect(new Set(bands.map((b) => b.color)).size).toBe(5);
    expect(bands.map((b) => [b.from, b.to])).toEqual([
      [0, 0.5],
      [0.5, 1],
      [1, 2],
      [2, 5],
      [5, null],
    ]);
  });

  test('two bands: green and red', () => {
    expect(mapBands([3]).map((b) => b.color)).toEqual([CODE_COLOR_HEX.green, CODE_COLOR_HEX.red]);
  });
});

describe('mapBandsProblem: what is wrong with thresholds, said in both languages', () => {
  test('usable thresholds', () => {
    expect(mapBandsProblem([0.5, 1, 2, 5])).toBeNull();
    expect(mapBandsProblem([0.01])).toBeNull();
    expect(mapBandsProblem([1, 2, 3, 4, 5, 6, 7, 99.9])).toBeNull();
  });

  test('refused, with what to fix', () => {
    expect(mapBandsProblem([2, 1])?.en).toBe('thresholds must go up: threshold 2 (1 %) is not above 2 %');
    expect(mapBandsProblem([1, 1])?.zh).toBe('阈值应从小到大：第2个（1%）不大于1%');
    expect(mapBandsProblem([0, 1])?.en).toBe('threshold 1 must be above 0 % and below 100 %, not 0 %');
    expect(mapBandsProblem([1, 100])?.zh).toBe('第2个阈值应大于0%且小于100%（现为100%）');
    expect(mapBandsProblem([-1])?.en).toContain('above 0 %');
    expect(mapBandsProblem([1, '2'])?.en).toBe('threshold 2 must be a number');
    expect(mapBandsProblem([1, Number.NaN])?.en).toBe('threshold 2 must be a number');
    expect(mapBandsProblem([])?.en).toBe('must be 1 to 8 thresholds in percent, like 0.5, 1, 2, 5');
    expect(mapBandsProblem([1, 2, 3, 4, 5, 6, 7, 8, 9])?.zh).toBe('应为1至8个百分比阈值，如 0.5, 1, 2, 5');
    expect(mapBandsProblem('0.5,1')).not.toBeNull();
  });

  test('as stored: the defaults for nothing or a row that is not usable', () => {
    expect(parseMapBands(null)).toEqual([0.5, 1, 2, 5]);
    expect(parseMapBands('[1,3,10]')).toEqual([1, 3, 10]);
    expect(parseMapBands('[3,1]')).toEqual([0.5, 1, 2, 5]);
    expect(parseMapBands('not json')).toEqual([0.5, 1, 2, 5]);
  });
});
