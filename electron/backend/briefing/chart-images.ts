/**
 * The briefing's chart images: the dashboard's own ECharts options (light theme, no animation)
 * rendered to SVG on the server and rasterised to PNG by resvg, with no browser.
 */
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_LABELS, type ChartLanguage, type ChartOption } from '../../../shared/charts/chart-style.ts';
import { countyDistributionOption } from '../../../shared/charts/county-distribution.ts';
import { trendOption } from '../../../shared/charts/trend.ts';
import type { CountyRow, TrendPoint } from '../../../shared/contract/dashboard.ts';

// The tooltip does nothing in an image, but the options name it: registered, ECharts stays quiet.
// containLabel in the shared options is an opt-in feature in ECharts 6, as on the dashboard.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, LegacyGridContainLabel, SVGRenderer]);

export interface ChartImage {
  png: Buffer;
  /**
   * Size on the page in CSS pixels (96 dpi): what ExcelJS's `addImage(…, { ext })` takes. The PNG
   * holds CHART_PIXEL_RATIO times as many pixels each way.
   */
  width: number;
  height: number;
}

/** Fits the printable width of an A4-landscape page (about 990 px between Excel's default margins). */
export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 420;
/** Printers resolve far finer than 96 dpi: at 1× the labels print blurred. */
export const CHART_PIXEL_RATIO = 2;

/**
 * The CJK families of FONT_FAMILY (chart-style.ts), in its order, by the file names they ship under
 * (Debian/Fedora/Arch, Windows 7 and 8+, macOS, Adobe). Every label names these families first, so
 * loading one of them is enough for resvg to find it by name.
 */
const CJK_FONTS: readonly { family: string; files: readonly string[] }[] = [
  {
    family: 'Noto Sans CJK SC',
    files: ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Regular.otf', 'NotoSansCJKsc-Bold.otf'],
  },
  { family: 'Microsoft YaHei', files: ['msyh.ttc', 'msyhbd.ttc', 'msyh.ttf', 'msyhbd.ttf'] },
  { family: 'PingFang SC', files: ['PingFang.ttc'] },
  {
    family: 'Source Han Sans SC',
    files: ['SourceHanSansSC-Regular.otf', 'SourceHanSansSC-Bold.otf', 'SourceHanSans-Regular.ttc', 'SourceHanSans-Bold.ttc'],
  },
];

export interface ChartFontSet {
  family: string;
  files: string[];
}

function fontDirs(): string[] {
  const home = homedir();
  if (process.platform === 'win32') {
    const windir = process.env.WINDIR ?? process.env.SystemRoot ?? 'C:\\Windows';
    const local = process.env.LOCALAPPDATA;
    return [join(windir, 'Fonts'), ...(local ? [join(local, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (process.platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library', 'Fonts')];
  const dataHome = process.env.XDG_DATA_HOME ?? join(home, '.local', 'share');
  return [join(dataHome, 'fonts'), join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
}

function findChartFonts(): ChartFontSet | null {
  // Windows and macOS match file names case-insensitively, and vendors are not consistent either.
  const found = new Map<string, string>();
  for (const dir of fontDirs()) {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue; // this machine has no such folder
    }
    for (const name of names) {
      const key = basename(name).toLowerCase();
      if (!found.has(key)) found.set(key, join(dir, name));
    }
  }
  for (const { family, files } of CJK_FONTS) {
    const paths = files.flatMap((f) => found.get(f.toLowerCase()) ?? []);
    if (paths.length > 0) return { family, files: paths };
  }
  return null;
}

let fontSet: ChartFontSet | null | undefined;

/**
 * The CJK font the images are drawn with (looked up once), or null when this machine has none of
 * FONT_FAMILY's: the images then fall back to every system font, and Chinese may come out as boxes.
 */
export function chartFontSet(): ChartFontSet | null {
  if (fontSet === undefined) fontSet = findChartFonts();
  return fontSet;
}

let resvgOptions: ResvgRenderOptions | undefined;

/**
 * Built once. Only the CJK font's own files are loaded: resvg-js rebuilds its font database on
 * every render, and scanning all system fonts each time (hundreds of files on Windows) is wasted
 * work when every label asks for the CJK family first anyway; it also covers digits and Latin.
 */
function renderOptions(): ResvgRenderOptions {
  if (resvgOptions) return resvgOptions;
  const fonts = chartFontSet();
  resvgOptions = {
    font: fonts
      ? { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: fonts.family, sansSerifFamily: fonts.family }
      : { loadSystemFonts: true },
    fitTo: { mode: 'zoom', value: CHART_PIXEL_RATIO },
    logLevel: 'off',
  };
  return resvgOptions;
}

function renderChart(option: ChartOption): ChartImage {
  const png = new Resvg(chartSvg(option), renderOptions()).render().asPng();
  return { png, width: CHART_WIDTH, height: CHART_HEIGHT };
}

/** Code holders by county (stacked red, yellow, green), as on the dashboard. */
export function countyDistributionImage(rows: readonly CountyRow[], lang: ChartLanguage = 'zh'): ChartImage {
  return renderChart(countyDistributionOption(rows, CHART_LABELS[lang], { theme: 'light', animation: false }));
}

/** Holders by colour over the last days (lines) and the day's changes (bars), as on the dashboard. */
export function trendImage(points: readonly TrendPoint[], lang: ChartLanguage = 'zh'): ChartImage {
  return renderChart(trendOption(points, CHART_LABELS[lang], briefingTrendOptions(points)));
}

/** The briefing's chart covers exactly the days of its trend table, the empty ones included. */
export function briefingTrendOptions(points: readonly TrendPoint[]) {
  return { theme: 'light', animation: false, days: points.length, trimEmptyStart: false } as const;
}

function chartSvg(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Both images of the briefing. The SVGs are made at once; rasterising (the slow part: resvg reads
 * the CJK font for every label) runs on libuv's thread pool, so the caller's own work (reading the
 * lists) proceeds meanwhile on the other core.
 */
export function briefingChartImages(
  counties: readonly CountyRow[],
  trend: readonly TrendPoint[],
  lang: ChartLanguage = 'zh',
): Promise<{ county: ChartImage; trend: ChartImage }> {
  const labels = CHART_LABELS[lang];
  const svgs = [
    chartSvg(countyDistributionOption(counties, labels, { theme: 'light', animation: false })),
    chartSvg(trendOption(trend, labels, briefingTrendOptions(trend))),
  ];
  return Promise.all(svgs.map((svg) => renderAsync(svg, renderOptions()))).then(([county, trendPng]) => ({
    county: { png: county!.asPng(), width: CHART_WIDTH, height: CHART_HEIGHT },
    trend: { png: trendPng!.asPng(), width: CHART_WIDTH, height: CHART_HEIGHT },
  }));
}
