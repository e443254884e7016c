/**
 * The map of Binzhou's seven counties coloured by red+yellow rate (a visualMap from green through
 * yellow to red), each county labelled with its name and rate, a tooltip with the three counts,
 * and the selected county outlined. Drawn on the map registered as 'binzhou' (the boundaries come
 * from `dashboard.map`; features are matched by `name`).
 */
import type { CountyRow } from '../contract/dashboard.ts';
import { COUNTIES } from '../domain/counties.ts';
import {
  COLOR_HEX,
  FONT,
  THEMES,
  baseOption,
  countyLabel,
  escapeTooltip,
  formatCount,
  formatRate,
  inCodeOrder,
  tooltipBase,
  type ChartLabels,
  type ChartOption,
  type ChartEnvironment,
} from './chart-style.ts';

/** The name the map is registered under (`echarts.registerMap(MAP_NAME, geojson)`). */
export const MAP_NAME = 'binzhou';

export type CountyMapOptions = ChartEnvironment;

/** Rates as percentage points with two decimals (what the visualMap reads). */
function percentPoints(ratio: number): number {
  return Math.round(ratio * 10_000) / 100;
}

/**
 * The colour scale: from the lowest to the highest county rate, widened to whole half-points, so
 * the worst county stands out even when every county is between 4 % and 7 %. The ends are written
 * on the scale, so it cannot be read as absolute.
 */
export function rateScale(rows: readonly CountyRow[]): { min: number; max: number } {
  if (rows.length === 0) return { min: 0, max: 1 };
  const pts = rows.map((r) => percentPoints(r.redYellowRate));
  let min = Math.floor(Math.min(...pts) * 2) / 2;
  let max = Math.ceil(Math.max(...pts) * 2) / 2;
  if (max <= min) {
    min = Math.max(0, min - 0.5);
    max = min + 1;
  }
  return { min, max };
}

export function countyMapOption(
  rows: readonly CountyRow[],
  labels: ChartLabels,
  selected: string | null,
  options: CountyMapOptions = {},
): ChartOption {
  const theme = options.theme ?? 'dark';
  const p = THEMES[theme];
  const lang = labels.lang;
  const colon = lang === 'zh' ? '：' : ': ';
  const ordered = inCodeOrder(rows);
  const scale = rateScale(ordered);

  const data = ordered.map((r) => {
    const name = countyLabel(r.countyCode, r.countyName, lang);
    const isSelected = r.countyCode === selected;
    const tooltipLines = [
      `<b>${escapeTooltip(name)}</b>`,
      `${escapeTooltip(labels.red)}${colon}${formatCount(r.red, lang)}`,
      `${escapeTooltip(labels.yellow)}${colon}${formatCount(r.yellow, lang)}`,
      `${escapeTooltip(labels.green)}${colon}${formatCount(r.green, lang)}`,
      `${escapeTooltip(labels.redYellowRate)}${colon}${formatRate(r.redYellowRate, lang)}`,
    ];
    return {
      name,
      value: percentPoints(r.redYellowRate),
      countyCode: r.countyCode,
      label: {
        formatter: `${name}\n${formatRate(r.redYellowRate, lang)}`,
        ...(isSelected ? { fontSize: FONT.large + 2, color: p.highlight } : {}),
      },
      tooltip: { formatter: tooltipLines.join('<br/>') },
      // The colour says the rate, so the other counties are not dimmed: the selected one is outlined.
      itemStyle: isSelected ? { borderColor: p.highlight, borderWidth: 5 } : { borderColor: p.regionBorder, borderWidth: 2 },
    };
  });

  // The map file names its features in Chinese; in English the regions are renamed so the data
  // items (and the labels) can carry the English names. Every name is always listed (Chinese to
  // itself too), so an option merged over one in the other language replaces every entry.
  const nameMap = Object.fromEntries(COUNTIES.map((c) => [c.name, lang === 'en' ? c.nameEn : c.name]));

  return {
    ...baseOption(options),
    tooltip: { ...tooltipBase(theme), trigger: 'item' },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: scale.min,
      max: scale.max,
      calculable: false,
      realtime: false,
      hoverLink: false,
      inRange: { color: [COLOR_HEX.green, COLOR_HEX.yellow, COLOR_HEX.red] },
      text: [`${scale.max.toFixed(1)}%`, `${labels.redYellowRate} ${scale.min.toFixed(1)}%`],
      textGap: 8,
      textStyle: { fontSize: FONT.small, color: p.text },
      orient: 'vertical',
      left: 8,
      bottom: 8,
      itemWidth: 20,
      itemHeight: 120,
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        name: labels.redYellowRate,
        nameMap,
        roam: false,
        selectedMode: false,
        layoutCenter: ['55%', '50%'],
        layoutSize: '96%',
        label: {
          show: true,
          fontSize: FONT.base,
          fontWeight: 'bold',
          lineHeight: 20,
          color: p.text,
          textBorderColor: p.labelHalo,
          textBorderWidth: 3,
        },
        itemStyle: { borderColor: p.regionBorder, borderWidth: 2 },
        emphasis: {
          label: { show: true, fontSize: FONT.base, fontWeight: 'bold', color: p.text },
          itemStyle: { areaColor: null, color: null, borderColor: p.text, borderWidth: 4 },
        },
        select: { disabled: true },
        data,
      },
    ],
  };
}
