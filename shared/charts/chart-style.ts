/**
 * What the chart builders share: the option types (plain JSON, no functions, so the server can
 * render the very same option to SVG for the briefing), the translated labels, the two themes
 * (the dark console and the white briefing page) and number formatting that matches the console's.
 */
import { CODE_COLOR_HEX } from '../domain/code-colors.ts';
import { COUNTIES, countyByCode } from '../domain/counties.ts';

export type ChartLanguage = 'zh' | 'en';
export type ChartTheme = 'dark' | 'light';

/** A series of an option: always a type and data; everything else as ECharts reads it. */
export interface ChartSeries {
  type: 'bar' | 'line' | 'map';
  name?: string;
  data: unknown[];
  [key: string]: unknown;
}

/** An ECharts option as plain JSON (`JSON.parse(JSON.stringify(o))` gives it back unchanged). */
export interface ChartOption {
  series: ChartSeries[];
  [key: string]: unknown;
}

/**
 * The words on the charts, in one language. The console fills them from its messages
 * (`dashboard.chart.*`); the server may use `CHART_LABELS`, which holds the same strings.
 */
export interface ChartLabels {
  lang: ChartLanguage;
  red: string;
  yellow: string;
  green: string;
  turnedRed: string;
  turnedYellow: string;
  turnedGreen: string;
  /** Code holders (red + yellow + green). */
  holders: string;
  redYellowRate: string;
  /** Unit of the count axes. */
  people: string;
  /** Appended to the name of a series drawn against the right axis. */
  rightAxis: string;
}

export const CHART_LABELS: Record<ChartLanguage, ChartLabels> = {
  zh: {
    lang: 'zh',
    red: '红码',
    yellow: '黄码',
    green: '绿码',
    turnedRed: '当日转红',
    turnedYellow: '当日转黄',
    turnedGreen: '当日转绿',
    holders: '持码人数',
    redYellowRate: '红黄码占比',
    people: '人',
    rightAxis: '（右轴）',
  },
  en: {
    lang: 'en',
    red: 'Red',
    yellow: 'Yellow',
    green: 'Green',
    turnedRed: 'Turned red',
    turnedYellow: 'Turned yellow',
    turnedGreen: 'Turned green',
    holders: 'Code holders',
    redYellowRate: 'Red + yellow rate',
    people: 'people',
    rightAxis: ' (right axis)',
  },
};

export interface ThemePalette {
  background: string;
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  /** Borders between map regions. */
  regionBorder: string;
  /** The selected county (thick outline, bold label). */
  highlight: string;
  /** Text halo on top of coloured map regions. */
  labelHalo: string;
}

export const THEMES: Record<ChartTheme, ThemePalette> = {
  dark: {
    background: 'transparent',
    text: '#E8EEF7',
    mutedText: '#B8C4D6',
    axisLine: '#7186A6',
    splitLine: '#2C4262',
    tooltipBackground: '#0F1B2D',
    tooltipBorder: '#3A5C8C',
    regionBorder: '#0F1B2D',
    highlight: '#00E5FF',
    labelHalo: '#0F1B2D',
  },
  light: {
    background: '#FFFFFF',
    text: '#1F2933',
    mutedText: '#4A5565',
    axisLine: '#6B7785',
    splitLine: '#DDE3EA',
    tooltipBackground: '#FFFFFF',
    tooltipBorder: '#9AA5B1',
    regionBorder: '#FFFFFF',
    highlight: '#1F3A93',
    labelHalo: '#FFFFFF',
  },
};

/** The three code colours in the order every chart draws them (red first: nearest the axis). */
export const CHART_COLORS = ['red', 'yellow', 'green'] as const;
export type ChartColor = (typeof CHART_COLORS)[number];

export const COLOR_HEX: Record<ChartColor, string> = {
  red: CODE_COLOR_HEX.red,
  yellow: CODE_COLOR_HEX.yellow,
  green: CODE_COLOR_HEX.green,
};

/** Sizes that stay readable on a projector. */
export const FONT = { base: 16, small: 14, large: 18 } as const;
export const LINE_WIDTH = 4;

export const FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif";

function locale(lang: ChartLanguage): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

/** The same formatting as the console's `formatNumber`. */
export function formatCount(n: number, lang: ChartLanguage): string {
  return n.toLocaleString(locale(lang));
}

/** The same formatting as the console's `formatPercent` (one decimal). */
export function formatRate(ratio: number, lang: ChartLanguage): string {
  return (ratio * 100).toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
}

/** A county's name in the chart's language (the row's own name for a code we do not know). */
export function countyLabel(code: string, fallback: string, lang: ChartLanguage): string {
  const c = countyByCode(code);
  if (!c) return fallback;
  return lang === 'zh' ? c.name : c.nameEn;
}

const ORDER = new Map(COUNTIES.map((c, i) => [c.code, i]));

/** Rows in county-code order (known counties first, in the table's order, then any other code). */
export function inCodeOrder<R extends { countyCode: string }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => {
    const ia = ORDER.get(a.countyCode) ?? Number.MAX_SAFE_INTEGER;
    const ib = ORDER.get(b.countyCode) ?? Number.MAX_SAFE_INTEGER;
    return ia !== ib ? ia - ib : a.countyCode.localeCompare(b.countyCode);
  });
}

/** Escapes text going into an HTML tooltip (and braces, which ECharts reads as template fields). */
export function escapeTooltip(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;');
}

/** What every builder accepts besides its data: the theme and whether to animate. */
export interface ChartEnvironment {
  /** 'dark' for the console (default), 'light' for images on a white page. */
  theme?: ChartTheme;
  /**
   * Animate (the console). Off by default: an image rendered on the server must show the final
   * state, not the first frame of an animation.
   */
  animation?: boolean;
}

/** Options every chart shares: background, font, animation. */
export function baseOption(env: ChartEnvironment): Record<string, unknown> {
  const p = THEMES[env.theme ?? 'dark'];
  return {
    backgroundColor: p.background,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT.base, color: p.text },
    animation: env.animation ?? false,
    animationDuration: 300,
    animationDurationUpdate: 150,
  };
}

export function tooltipBase(theme: ChartTheme): Record<string, unknown> {
  const p = THEMES[theme];
  return {
    backgroundColor: p.tooltipBackground,
    borderColor: p.tooltipBorder,
    borderWidth: 1,
    padding: [8, 12],
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT.base, color: p.text },
    confine: true,
  };
}

export function legendBase(theme: ChartTheme, names: string[]): Record<string, unknown> {
  const p = THEMES[theme];
  return {
    top: 0,
    left: 'center',
    data: names,
    itemWidth: 28,
    itemHeight: 16,
    itemGap: 20,
    textStyle: { fontSize: FONT.base, color: p.text },
  };
}

export function categoryAxisLabel(theme: ChartTheme): Record<string, unknown> {
  return { fontSize: FONT.base, color: THEMES[theme].text, interval: 0 };
}

export function valueAxis(theme: ChartTheme, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const p = THEMES[theme];
  return {
    type: 'value',
    name,
    nameTextStyle: { fontSize: FONT.small, color: p.mutedText },
    axisLabel: { fontSize: FONT.small, color: p.mutedText },
    axisLine: { show: false },
    splitLine: { lineStyle: { color: p.splitLine, width: 1 } },
    ...extra,
  };
}
