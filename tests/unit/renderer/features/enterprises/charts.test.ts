import { describe, expect, test } from 'vitest';
import type { EnterpriseDay } from '../../../../../shared/contract/enterprises.ts';
import { CODE_COLOR_HEX } from '../../../../../shared/domain/code-colors.ts';
import { enterpriseDaysOption, siteHoursOption, type SmallChartLabels } from '../../../../../renderer/src/features/enterprises/charts.ts';

const labels: SmallChartLabels = {
  mayReturn: 'May return',
  homeQuarantine: 'Home',
  centralQuarantine: 'Central',
  noCode: 'No code',
  passes: 'Passes',
  denials: 'Denials',
  violations: 'Violations',
  hour: (h) => `${h}:00`,
};

function day(d: string, green: number, yellow: number, red: number): EnterpriseDay {
  return {
    day: d,
    staff: green + yellow + red + 1,
    noCode: 1,
    mayReturn: green,
    homeQuarantine: yellow,
    centralQuarantine: red,
    compliant: 0,
    complianceRate: null,
    passes: 0,
    denials: 0,
    violations: 0,
  };
}

describe('small charts', () => {
  test("an enterprise's days: staff stacked by colour, in the code colours, as plain JSON", () => {
    const o = enterpriseDaysOption([day('2020-02-19', 5, 2, 1), day('2020-02-20', 6, 1, 0)], labels);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    expect((o.xAxis as { data: string[] }).data).toEqual(['02-19', '02-20']);
    expect(o.series.map((s) => [s.name, s.data, (s.itemStyle as { color: string }).color])).toEqual([
      ['May return', [5, 6], CODE_COLOR_HEX.green],
      ['Home', [2, 1], CODE_COLOR_HEX.yellow],
      ['Central', [1, 0], CODE_COLOR_HEX.red],
      ['No code', [1, 1], CODE_COLOR_HEX.none],
    ]);
    expect(o.series.every((s) => s.stack === 'staff')).toBe(true);
  });

  test("a site's hours in hour order, violations in red", () => {
    const o = siteHoursOption(
      [
        { hour: 9, scans: 3, passes: 2, denials: 1, violations: 1 },
        { hour: 8, scans: 5, passes: 5, denials: 0, violations: 0 },
      ],
      labels,
    );
    expect((o.xAxis as { data: string[] }).data).toEqual(['8:00', '9:00']);
    expect(o.series.map((s) => s.data)).toEqual([
      [5, 2],
      [0, 1],
      [0, 1],
    ]);
    expect((o.series[2]!.itemStyle as { color: string }).color).toBe(CODE_COLOR_HEX.red);
  });
});
