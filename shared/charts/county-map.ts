/**
 * The map of Binzhou's seven counties coloured by red+yellow rate on a fixed scale (bands set in
 * Settings, shared/domain/map-bands.ts; the page draws their legend), each county labelled with its
 * name and rate, a tooltip with the three counts, and the selected county outlined. Drawn on the map registered as 'binzhou' (the boundaries come
 * from `dashboard.map`; features are matched by `name`).
 */
import type { CountyRow } from '../contract/dashboard.ts';
import { COUNTIES } from '../domain/counties.ts';
import { DEFAULT_MAP_BANDS, bandOf, mapBands } from '../domain/map-bands.ts';
import {
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

export interface CountyMapOptions extends ChartEnvironment {
  /** The fixed scale's thresholds in percent (Settings); the defaults of shared/domain/map-bands.ts when not given. */
  bands?: readonly number[];
}

/** Rates as percentage points with two decimals (what the tooltip's value reads). */
function percentPoints(ratio: number): number {
  return Math.round(ratio * 10_000) / 100;
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
  const thresholds = options.bands ?? DEFAULT_MAP_BANDS;
  const bands = mapBands(thresholds);

  const data = ordered.map((r) => {
    const name = countyLabel(r.countyCode, r.countyName, lang);
    const isSelected = r.countyCode === selected;
    const band = bandOf(r.redYellowRate, thresholds);
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
      band,
      label: {
        formatter: `${name}\n${formatRate(r.redYellowRate, lang)}`,
        ...(isSelected ? { fontSize: FONT.large + 2, color: p.highlight } : {}),
      },
      tooltip: { formatter: tooltipLines.join('<br/>') },
      // The colour says the rate, so the other counties are not dimmed: the selected one is outlined.
      itemStyle: {
        areaColor: bands[band]!.color,
        ...(isSelected ? { borderColor: p.highlight, borderWidth: 5 } : { borderColor: p.regionBorder, borderWidth: 2 }),
      },
      // Hovered, a county keeps its band's colour (the tooltip says the rate).
      emphasis: { itemStyle: { areaColor: bands[band]!.color } },
    };
  });

  // The map file names its features in Chinese; in English the regions are renamed so the data
  // items (and the labels) can carry the English names. Every name is always listed (Chinese to
  // itself too), so an option merged over one in the other language replaces every entry.
  const nameMap = Object.fromEntries(COUNTIES.map((c) => [c.name, lang === 'en' ? c.nameEn : c.name]));

  return {
    ...baseOption(options),
    tooltip: { ...tooltipBase(theme), trigger: 'item' },
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
          itemStyle: { borderColor: p.text, borderWidth: 4 },
        },
        select: { disabled: true },
        data,
      },
    ],
  };
}
