/** Which figure a click on a chart element opens (chart-figures.ts): bars by colour and county, trend points by day. */
import { describe, expect, test } from 'vitest';
import type { DashboardSummary } from '../../../../../shared/contract/dashboard.ts';
import { figureOfChart } from '../../../../../renderer/src/features/dashboard/chart-figures.ts';

const summary = { asOf: '2020-02-17', trend: [{ day: '2020-02-16' }, { day: '2020-02-17' }] } as unknown as DashboardSummary;

describe('a click on a chart opens the figure it draws', () => {
  test('a bar of the county chart: that colour in that county, on the dashboard day', () => {
    expect(figureOfChart({ seriesId: 'stock-yellow', data: { countyCode: '371623' } }, summary, null)).toEqual({
      figure: 'yellow',
      county: '371623',
      asOf: '2020-02-17',
    });
  });
  test("a point of the trend's lines and a bar of its turns: on that day, for the county shown", () => {
    expect(figureOfChart({ seriesId: 'stock-red', name: '02-16', data: 3 }, summary, '371602')).toEqual({
      figure: 'red',
      county: '371602',
      asOf: '2020-02-16',
    });
    expect(figureOfChart({ seriesId: 'turned-green', name: '02-17', data: 9 }, summary, null)).toEqual({
      figure: 'turnedGreen',
      county: null,
      asOf: '2020-02-17',
    });
  });
  test('elements that are no figure open nothing', () => {
    expect(figureOfChart({ seriesId: 'turned-green', name: '03-01' }, summary, null)).toBeNull();
    expect(figureOfChart({ name: '02-17' }, summary, null)).toBeNull();
    expect(figureOfChart({ seriesId: 'stock-red', name: '02-17' }, null, null)).toBeNull();
  });
});
