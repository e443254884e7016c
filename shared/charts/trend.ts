/**
 * The trend of the last N days: code holders by colour as lines (red and yellow on the left axis,
 * green, a hundred times larger, on the right axis) and, below, the day's colour changes as
 * stacked bars. The dashboard's trend chart and the briefing's trend image.
 */
import type { TrendPoint } from '../contract/dashboard.ts';
import {
  CHART_COLORS,
  COLOR_HEX,
  FONT,
  LINE_WIDTH,
  THEMES,
  baseOption,
  legendBase,
  tooltipBase,
  valueAxis,
  type ChartColor,
  type ChartLabels,
  type ChartOption,
  type ChartSeries,
  type ChartEnvironment,
} from './chart-style.ts';

export interface TrendOptions extends ChartEnvironment {
  /** Days shown, the latest last (default 30). */
  days?: number;
  /** Draw the day's changes (turned red / yellow / green) as bars below the lines (default true). */
  transitions?: boolean;
  /** Leave out the days before the first code (no holder, no change; default true). */
  trimEmptyStart?: boolean;
}

const TURNED: Record<ChartColor, 'turnedRed' | 'turnedYellow' | 'turnedGreen'> = {
  red: 'turnedRed',
  yellow: 'turnedYellow',
  green: 'turnedGreen',
};

function isEmpty(pt: TrendPoint): boolean {
  return pt.total === 0 && pt.turnedRed === 0 && pt.turnedYellow === 0 && pt.turnedGreen === 0 && pt.newCodes === 0;
}

/**
 * Room for a value axis's labels up to `max` (ECharts rounds the axis up to a "nice" number, at most
 * one digit more, and writes thousands separators), at the charts' small font.
 */
function labelWidth(max: number): number {
  const digits = String(Math.max(10, Math.ceil(max * 1.2))).length;
  const chars = digits + Math.floor((digits - 1) / 3);
  return Math.ceil(chars * FONT.small * 0.62) + 8;
}

/** `2020-02-14` → `02-14` (the year is in the date picker and the title). */
function dayLabel(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(5) : day;
}

export function trendOption(points: readonly TrendPoint[], labels: ChartLabels, options: TrendOptions = {}): ChartOption {
  const theme = options.theme ?? 'dark';
  const withBars = options.transitions ?? true;
  const days = Math.max(1, options.days ?? 30);
  const p = THEMES[theme];
  let shown = [...points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)).slice(-days);
  if (options.trimEmptyStart ?? true) {
    const first = shown.findIndex((pt) => !isEmpty(pt));
    if (first > 0) shown = shown.slice(first);
  }
  const categories = shown.map((pt) => dayLabel(pt.day));
  const lineName = (c: ChartColor) => (c === 'green' ? labels.green + labels.rightAxis : labels[c]);

  // Ids say which figure a clicked element is (the dashboard opens the people behind it).
  const lines: ChartSeries[] = CHART_COLORS.map((color) => ({
    type: 'line',
    id: `stock-${color}`,
    name: lineName(color),
    xAxisIndex: 0,
    yAxisIndex: color === 'green' ? 1 : 0,
    data: shown.map((pt) => pt[color]),
    lineStyle: { color: COLOR_HEX[color], width: LINE_WIDTH },
    itemStyle: { color: COLOR_HEX[color] },
    symbol: 'circle',
    symbolSize: 8,
    showSymbol: shown.length <= 31,
    emphasis: { focus: 'none' },
  }));
  const bars: ChartSeries[] = withBars
    ? CHART_COLORS.map((color) => ({
        type: 'bar',
        id: `turned-${color}`,
        name: labels[TURNED[color]],
        xAxisIndex: 1,
        yAxisIndex: 2,
        stack: 'turned',
        barMaxWidth: 24,
        data: shown.map((pt) => pt[TURNED[color]]),
        itemStyle: { color: COLOR_HEX[color], opacity: 0.75 },
        emphasis: { focus: 'none' },
      }))
    : [];

  const margins = {
    left: 16 + labelWidth(Math.max(0, ...shown.flatMap((pt) => [pt.red, pt.yellow, pt.turnedRed, pt.turnedYellow, pt.turnedGreen]))),
    right: 16 + labelWidth(Math.max(0, ...shown.map((pt) => pt.green))),
  };
  const xAxis = (gridIndex: number, showLabels: boolean) => ({
    type: 'category',
    gridIndex,
    data: categories,
    boundaryGap: true,
    axisLabel: { show: showLabels, fontSize: 14, color: p.text, hideOverlap: true },
    axisLine: { lineStyle: { color: p.axisLine, width: 2 } },
    axisTick: { show: false },
  });

  return {
    ...baseOption(options),
    color: [...CHART_COLORS.map((c) => COLOR_HEX[c]), ...(withBars ? CHART_COLORS.map((c) => COLOR_HEX[c]) : [])],
    legend: legendBase(
      theme,
      [...lines, ...bars].map((s) => s.name ?? ''),
    ),
    tooltip: { ...tooltipBase(theme), trigger: 'axis', axisPointer: { type: 'line', lineStyle: { color: p.axisLine, width: 2 } } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: withBars
      ? [
          // Room for the six legend entries on two lines in a narrow panel. Both panels get the same
          // margins (wide enough for their axis labels) so that a day's point sits over its bars.
          { left: margins.left, right: margins.right, top: 88, bottom: '38%' },
          { left: margins.left, right: margins.right, top: '68%', bottom: 32 },
        ]
      : [{ left: 16, right: 16, top: 72, bottom: 8, containLabel: true }],
    xAxis: withBars ? [xAxis(0, false), xAxis(1, true)] : [xAxis(0, true)],
    yAxis: [
      valueAxis(theme, labels.people, { gridIndex: 0, minInterval: 1 }),
      valueAxis(theme, labels.green, { gridIndex: 0, position: 'right', minInterval: 1, splitLine: { show: false } }),
      ...(withBars ? [valueAxis(theme, '', { gridIndex: 1, minInterval: 1, splitNumber: 2 })] : []),
    ],
    series: [...lines, ...bars],
  };
}
