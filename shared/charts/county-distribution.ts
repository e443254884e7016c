/**
 * Stacked bars of code holders by county (red, yellow, green), counties in code order: the
 * dashboard's bar chart and the chart image of the briefing's "by county" sheet.
 */
import type { CountyRow } from '../contract/dashboard.ts';
import {
  CHART_COLORS,
  COLOR_HEX,
  FONT,
  THEMES,
  baseOption,
  categoryAxisLabel,
  countyLabel,
  inCodeOrder,
  legendBase,
  tooltipBase,
  valueAxis,
  type ChartLabels,
  type ChartOption,
  type ChartEnvironment,
} from './chart-style.ts';

export interface CountyDistributionOptions extends ChartEnvironment {
  /** The county the page is filtered to: its bars stay bright, the others are dimmed. */
  selected?: string | null;
}

/** Opacity of the counties that are not selected (they stay visible). */
export const DIMMED_OPACITY = 0.45;

export function countyDistributionOption(
  rows: readonly CountyRow[],
  labels: ChartLabels,
  options: CountyDistributionOptions = {},
): ChartOption {
  const theme = options.theme ?? 'dark';
  const selected = options.selected ?? null;
  const p = THEMES[theme];
  const ordered = inCodeOrder(rows);
  const names = ordered.map((r) => countyLabel(r.countyCode, r.countyName, labels.lang));
  const opacity = (code: string) => (selected === null || code === selected ? 1 : DIMMED_OPACITY);

  return {
    ...baseOption(options),
    color: CHART_COLORS.map((c) => COLOR_HEX[c]),
    legend: legendBase(
      theme,
      CHART_COLORS.map((c) => labels[c]),
    ),
    tooltip: { ...tooltipBase(theme), trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: ordered.map((r, i) =>
        r.countyCode === selected
          ? { value: names[i], textStyle: { fontWeight: 'bold', fontSize: FONT.large, color: p.highlight } }
          : { value: names[i], textStyle: { color: selected === null ? p.text : p.mutedText } },
      ),
      axisLabel: categoryAxisLabel(theme),
      axisLine: { lineStyle: { color: p.axisLine, width: 2 } },
      axisTick: { show: false },
    },
    yAxis: valueAxis(theme, labels.people),
    series: CHART_COLORS.map((color) => ({
      type: 'bar',
      id: `stock-${color}`,
      name: labels[color],
      stack: 'holders',
      barMaxWidth: 64,
      itemStyle: { color: COLOR_HEX[color] },
      emphasis: { focus: 'none' },
      data: ordered.map((r) => ({
        value: r[color],
        countyCode: r.countyCode,
        itemStyle: {
          color: COLOR_HEX[color],
          opacity: opacity(r.countyCode),
          ...(r.countyCode === selected ? { borderColor: p.highlight, borderWidth: 3 } : {}),
        },
      })),
    })),
  };
}
