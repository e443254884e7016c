/**
 * The screen's two small charts as plain ECharts options (pure, so tested without a DOM): an
 * enterprise's 14 days (staff by colour, stacked) and a site's scans by hour. The code colours are
 * the shared ones.
 */
import type { ChartOption } from '../../../../shared/charts/index.ts';
import { FONT_FAMILY, THEMES } from '../../../../shared/charts/index.ts';
import type { EnterpriseDay, SiteDetail } from '../../../../shared/contract/enterprises.ts';
import { CODE_COLOR_HEX } from '../../../../shared/domain/code-colors.ts';

export interface SmallChartLabels {
  mayReturn: string;
  homeQuarantine: string;
  centralQuarantine: string;
  noCode: string;
  passes: string;
  denials: string;
  violations: string;
  hour: (h: number) => string;
}

function frame(): Record<string, unknown> {
  const theme = THEMES.dark;
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 14, color: theme.text },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: 14 } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: theme.text }, splitLine: { lineStyle: { color: theme.splitLine } } },
  };
}

/** Staff by status per day, stacked: green, yellow, red, no code. */
export function enterpriseDaysOption(days: readonly EnterpriseDay[], labels: SmallChartLabels): ChartOption {
  const stack = (name: string, color: string, pick: (d: EnterpriseDay) => number) => ({
    type: 'bar' as const,
    name,
    stack: 'staff',
    itemStyle: { color },
    data: days.map(pick),
  });
  return {
    ...frame(),
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: { color: THEMES.dark.text } },
    series: [
      stack(labels.mayReturn, CODE_COLOR_HEX.green, (d) => d.mayReturn),
      stack(labels.homeQuarantine, CODE_COLOR_HEX.yellow, (d) => d.homeQuarantine),
      stack(labels.centralQuarantine, CODE_COLOR_HEX.red, (d) => d.centralQuarantine),
      stack(labels.noCode, CODE_COLOR_HEX.none, (d) => d.noCode),
    ],
  };
}

/** A site's day by hour: passes and denials side by side, violations in red. */
export function siteHoursOption(hours: SiteDetail['hours'], labels: SmallChartLabels): ChartOption {
  const byHour = [...hours].sort((a, b) => a.hour - b.hour);
  return {
    ...frame(),
    xAxis: { type: 'category', data: byHour.map((h) => labels.hour(h.hour)), axisLabel: { color: THEMES.dark.text } },
    series: [
      { type: 'bar', name: labels.passes, itemStyle: { color: CODE_COLOR_HEX.green }, data: byHour.map((h) => h.passes) },
      { type: 'bar', name: labels.denials, itemStyle: { color: CODE_COLOR_HEX.none }, data: byHour.map((h) => h.denials) },
      { type: 'bar', name: labels.violations, itemStyle: { color: CODE_COLOR_HEX.red }, data: byHour.map((h) => h.violations) },
    ],
  };
}
