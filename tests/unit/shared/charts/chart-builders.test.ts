import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CHART_LABELS,
  DIMMED_OPACITY,
  MAP_NAME,
  countyDistributionOption,
  countyMapOption,
  trendOption,
  type ChartOption,
} from '../../../../shared/charts/index.ts';
import type { CountyRow, TrendPoint } from '../../../../shared/contract/dashboard.ts';
import { CODE_COLOR_HEX } from '../../../../shared/domain/code-colors.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { dashboardMessages } from '../../../../renderer/src/features/dashboard/messages.ts';

const counts: Record<string, [number, number, number]> = {
  '371602': [14, 172, 3263],
  '371603': [6, 82, 1657],
  '371621': [17, 156, 2879],
  '371622': [12, 107, 2039],
  '371623': [8, 102, 2070],
  '371625': [12, 122, 2179],
  '371681': [21, 248, 1_203_752],
};

function row(code: string): CountyRow {
  const [red, yellow, green] = counts[code]!;
  const total = red + yellow + green;
  return {
    countyCode: code,
    countyName: COUNTIES.find((c) => c.code === code)!.name,
    red,
    yellow,
    green,
    total,
    noCode: 5,
    redYellowRate: (red + yellow) / total,
  };
}

/** Counties deliberately out of code order. */
const ROWS: CountyRow[] = ['371681', '371602', '371625', '371603', '371623', '371621', '371622'].map(row);
const CODE_ORDER = COUNTIES.map((c) => c.code);

function trendPoints(n: number): TrendPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2020, 1, 1 + i)).toISOString().slice(0, 10);
    return {
      day,
      red: 10 + i,
      yellow: 100 + i,
      green: 10_000 + i,
      total: 10_110 + 3 * i,
      noCode: 0,
      turnedRed: i % 3,
      turnedYellow: 20 + i,
      turnedGreen: 50 + i,
      newCodes: 7,
    };
  }).reverse(); // deliberately newest first
}

/** Every value anywhere in the option, with its path. */
function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, visit);
}

function expectPlainJson(o: ChartOption): void {
  expect(JSON.parse(JSON.stringify(o))).toStrictEqual(o);
  walk(o, 'option', (path, v) => {
    if (typeof v === 'function' || v === undefined || (typeof v === 'number' && !Number.isFinite(v)))
      throw new Error(`not JSON at ${path}`);
  });
}

function expectProjectorReadable(o: ChartOption): void {
  walk(o, 'option', (path, v) => {
    if (path.endsWith('.fontSize')) expect(v, path).toBeGreaterThanOrEqual(14);
  });
  for (const s of o.series) {
    const width = (s.lineStyle as { width?: number } | undefined)?.width;
    if (s.type === 'line') expect(width).toBeGreaterThanOrEqual(3);
  }
}

const xAxisValues = (o: ChartOption) => ((o.xAxis as { data: { value: string }[] }).data ?? []).map((d) => d.value);
type BarItem = { value: number; countyCode: string; itemStyle: { color: string; opacity: number; borderWidth?: number } };
type MapItem = {
  name: string;
  value: number;
  countyCode: string;
  label: { formatter: string };
  tooltip: { formatter: string };
  band: number;
  itemStyle: { borderWidth: number; borderColor: string; areaColor: string };
};

describe('countyDistributionOption (stacked bars by county)', () => {
  const o = countyDistributionOption(ROWS, CHART_LABELS.zh);

  test('series red, yellow, green, stacked, in the code colours', () => {
    expect(o.series.map((s) => [s.type, s.name, s.stack])).toEqual([
      ['bar', '红码', 'holders'],
      ['bar', '黄码', 'holders'],
      ['bar', '绿码', 'holders'],
    ]);
    expect(o.series.map((s) => (s.itemStyle as { color: string }).color)).toEqual([
      CODE_COLOR_HEX.red,
      CODE_COLOR_HEX.yellow,
      CODE_COLOR_HEX.green,
    ]);
    expect(o.color).toEqual([CODE_COLOR_HEX.red, CODE_COLOR_HEX.yellow, CODE_COLOR_HEX.green]);
    for (const s of o.series) for (const d of s.data as BarItem[]) expect(d.itemStyle.color).toBe((s.itemStyle as { color: string }).color);
  });

  test('counties in code order, values from the matching rows', () => {
    expect(xAxisValues(o)).toEqual(COUNTIES.map((c) => c.name));
    const [red, yellow, green] = o.series.map((s) => s.data as BarItem[]);
    expect(red!.map((d) => d.countyCode)).toEqual(CODE_ORDER);
    expect(red!.map((d) => d.value)).toEqual(CODE_ORDER.map((c) => counts[c]![0]));
    expect(yellow!.map((d) => d.value)).toEqual(CODE_ORDER.map((c) => counts[c]![1]));
    expect(green!.map((d) => d.value)).toEqual(CODE_ORDER.map((c) => counts[c]![2]));
  });

  test('no selection: every county at full opacity', () => {
    for (const s of o.series) for (const d of s.data as BarItem[]) expect(d.itemStyle.opacity).toBe(1);
  });

  test('a selected county stays bright and outlined, the others dimmed but present', () => {
    const sel = countyDistributionOption(ROWS, CHART_LABELS.zh, { selected: '371621' });
    for (const s of sel.series) {
      const data = s.data as BarItem[];
      expect(data).toHaveLength(7);
      for (const d of data) {
        expect(d.itemStyle.opacity).toBe(d.countyCode === '371621' ? 1 : DIMMED_OPACITY);
        expect(d.itemStyle.borderWidth ?? 0).toBe(d.countyCode === '371621' ? 3 : 0);
      }
    }
    const labels = (sel.xAxis as { data: { value: string; textStyle: { fontWeight?: string } }[] }).data;
    expect(labels.filter((l) => l.textStyle.fontWeight === 'bold').map((l) => l.value)).toEqual(['惠民县']);
  });

  test('English labels and county names', () => {
    const en = countyDistributionOption(ROWS, CHART_LABELS.en);
    expect(en.series.map((s) => s.name)).toEqual(['Red', 'Yellow', 'Green']);
    expect(xAxisValues(en)).toEqual(COUNTIES.map((c) => c.nameEn));
  });

  test('plain JSON, readable on a projector, animation off unless asked', () => {
    for (const opt of [o, countyDistributionOption(ROWS, CHART_LABELS.en, { selected: '371602', theme: 'light', animation: true })]) {
      expectPlainJson(opt);
      expectProjectorReadable(opt);
    }
    expect(o.animation).toBe(false);
    expect(countyDistributionOption(ROWS, CHART_LABELS.zh, { animation: true }).animation).toBe(true);
  });

  test('themes: transparent on the console, white for images', () => {
    expect(o.backgroundColor).toBe('transparent');
    expect(countyDistributionOption(ROWS, CHART_LABELS.zh, { theme: 'light' }).backgroundColor).toBe('#FFFFFF');
  });
});

describe('trendOption (the last N days)', () => {
  const points = trendPoints(40);
  const o = trendOption(points, CHART_LABELS.zh);

  test("lines red, yellow, green (green on the right axis), then bars of the day's changes", () => {
    expect(o.series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['line', '红码', 0],
      ['line', '黄码', 0],
      ['line', '绿码（右轴）', 1],
      ['bar', '当日转红', 2],
      ['bar', '当日转黄', 2],
      ['bar', '当日转绿', 2],
    ]);
    const colours = o.series.map((s) => (s.itemStyle as { color: string }).color);
    expect(colours).toEqual([
      CODE_COLOR_HEX.red,
      CODE_COLOR_HEX.yellow,
      CODE_COLOR_HEX.green,
      CODE_COLOR_HEX.red,
      CODE_COLOR_HEX.yellow,
      CODE_COLOR_HEX.green,
    ]);
    expect(o.series.slice(0, 3).map((s) => (s.lineStyle as { color: string }).color)).toEqual(colours.slice(0, 3));
    expect((o.legend as { data: string[] }).data).toEqual(o.series.map((s) => s.name));
  });

  test('the last 30 days by default, oldest first, values aligned with the days', () => {
    const axes = o.xAxis as { data: string[] }[];
    expect(axes).toHaveLength(2);
    expect(axes[0]!.data).toHaveLength(30);
    expect(axes[0]!.data[0]).toBe('02-11');
    expect(axes[0]!.data[29]).toBe('03-11');
    expect(axes[1]!.data).toEqual(axes[0]!.data);
    expect(o.series[0]!.data).toEqual(Array.from({ length: 30 }, (_, i) => 20 + i));
    expect(o.series[2]!.data).toEqual(Array.from({ length: 30 }, (_, i) => 10_010 + i));
    expect(o.series[4]!.data).toEqual(Array.from({ length: 30 }, (_, i) => 30 + i));
  });

  test('N days and lines only', () => {
    const short = trendOption(points, CHART_LABELS.en, { days: 14, transitions: false });
    expect(short.series.map((s) => s.type)).toEqual(['line', 'line', 'line']);
    expect(short.series.map((s) => s.name)).toEqual(['Red', 'Yellow', 'Green (right axis)']);
    expect((short.xAxis as { data: string[] }[])[0]!.data).toHaveLength(14);
    expect(short.yAxis).toHaveLength(2);
    expect(short.grid).toHaveLength(1);
  });

  test('fewer points than days, and none at all', () => {
    expect((trendOption(trendPoints(3), CHART_LABELS.zh).xAxis as { data: string[] }[])[0]!.data).toEqual(['02-01', '02-02', '02-03']);
    const empty = trendOption([], CHART_LABELS.zh);
    expect(empty.series.every((s) => s.data.length === 0)).toBe(true);
    expectPlainJson(empty);
  });

  test('the days before the first code are left out (unless asked to keep them)', () => {
    // People may be known (no code yet) before the first code is issued.
    const empty = (day: string): TrendPoint => ({
      day,
      red: 0,
      yellow: 0,
      green: 0,
      total: 0,
      noCode: 20_000,
      turnedRed: 0,
      turnedYellow: 0,
      turnedGreen: 0,
      newCodes: 0,
    });
    const withGap = [empty('2020-01-30'), empty('2020-01-31'), ...trendPoints(3), { ...empty('2020-02-04') }];
    const trimmed = trendOption(withGap, CHART_LABELS.zh);
    expect((trimmed.xAxis as { data: string[] }[])[0]!.data).toEqual(['02-01', '02-02', '02-03', '02-04']);
    expect(trimmed.series[0]!.data).toEqual([10, 11, 12, 0]);
    const kept = trendOption(withGap, CHART_LABELS.zh, { trimEmptyStart: false });
    expect((kept.xAxis as { data: string[] }[])[0]!.data).toHaveLength(6);
    const allEmpty = trendOption([empty('2020-01-30'), empty('2020-01-31')], CHART_LABELS.zh);
    expect((allEmpty.xAxis as { data: string[] }[])[0]!.data).toEqual(['01-30', '01-31']);
  });

  test('plain JSON and readable on a projector', () => {
    expectPlainJson(o);
    expectProjectorReadable(o);
    expectPlainJson(trendOption(points, CHART_LABELS.en, { theme: 'light', animation: true }));
  });
});

describe('countyMapOption (counties coloured by red+yellow rate)', () => {
  const geojson = JSON.parse(readFileSync(new URL('../../../../resources/map/binzhou-counties.geo.json', import.meta.url), 'utf8')) as {
    features: { properties: { name: string } }[];
  };
  const featureNames = geojson.features.map((f) => f.properties.name).sort();
  const o = countyMapOption(ROWS, CHART_LABELS.zh, null);
  const series = o.series[0]!;
  const data = series.data as MapItem[];

  test('one map series on the registered map; items named like the map features, in code order', () => {
    expect(o.series).toHaveLength(1);
    expect(series.type).toBe('map');
    expect(series.map).toBe(MAP_NAME);
    expect(MAP_NAME).toBe('binzhou');
    expect(data.map((d) => d.countyCode)).toEqual(CODE_ORDER);
    expect(data.map((d) => d.name).sort()).toEqual(featureNames);
    expect(series.nameMap).toEqual(Object.fromEntries(featureNames.map((n) => [n, n])));
  });

  test('value: the red+yellow rate in percentage points; colours on the fixed default scale, not the day’s spread', () => {
    const bincheng = data[0]!;
    expect(bincheng.value).toBeCloseTo(((14 + 172) / (14 + 172 + 3263)) * 100, 2);
    expect(o.visualMap).toBeUndefined();
    // Six counties between 5.0 % and 5.8 % are all in the top band (≥ 5 %); Zouping (0.02 %) in the lowest.
    expect(data.map((d) => d.band)).toEqual([4, 4, 4, 4, 4, 4, 0]);
    expect(data.map((d) => d.itemStyle.areaColor)).toEqual([...Array(6).fill(CODE_COLOR_HEX.red), CODE_COLOR_HEX.green]);
  });

  test('the colours follow the thresholds given', () => {
    const items = countyMapOption(ROWS, CHART_LABELS.zh, null, { bands: [5.2, 5.5, 5.7] }).series[0]!.data as MapItem[];
    expect(items.map((d) => d.band)).toEqual([1, 0, 2, 2, 0, 3, 0]);
    expect(items[5]!.itemStyle.areaColor).toBe(CODE_COLOR_HEX.red);
    expect(items[6]!.itemStyle.areaColor).toBe(CODE_COLOR_HEX.green);
  });

  test('the tooltip of a county has its three counts, formatted, and its rate', () => {
    const zouping = data[6]!.tooltip.formatter;
    expect(zouping).toContain('邹平市');
    expect(zouping).toContain('红码：21');
    expect(zouping).toContain('黄码：248');
    expect(zouping).toContain('绿码：1,203,752');
    expect(zouping).toMatch(/红黄码占比：0\.0%|红黄码占比：\d+\.\d%/);
    expect(data[0]!.label.formatter).toBe('滨城区\n5.4%');
    for (const d of data) expect(d.tooltip.formatter).not.toMatch(/[{}]/);
  });

  test('the selected county is outlined; every county stays', () => {
    const sel = countyMapOption(ROWS, CHART_LABELS.zh, '371623');
    const items = sel.series[0]!.data as MapItem[];
    expect(items).toHaveLength(7);
    const outlined = items.filter((d) => d.itemStyle.borderWidth === 5);
    expect(outlined.map((d) => d.countyCode)).toEqual(['371623']);
    for (const d of data) expect(d.itemStyle.borderWidth).toBe(2);
  });

  test('English: regions renamed through nameMap, items and tooltips in English', () => {
    const en = countyMapOption(ROWS, CHART_LABELS.en, '371602');
    const s = en.series[0]!;
    const nameMap = s.nameMap as Record<string, string>;
    expect(Object.keys(nameMap).sort()).toEqual(featureNames);
    const items = s.data as MapItem[];
    expect(items.map((d) => d.name)).toEqual(COUNTIES.map((c) => c.nameEn));
    expect(items.map((d) => d.name).sort()).toEqual(featureNames.map((n) => nameMap[n]).sort());
    expect(items[6]!.tooltip.formatter).toContain('Green: 1,203,752');
  });

  test('plain JSON and readable on a projector', () => {
    expectPlainJson(o);
    expectProjectorReadable(o);
    expectPlainJson(countyMapOption(ROWS, CHART_LABELS.en, '371681', { theme: 'light' }));
  });
});

describe('labels', () => {
  test("the console's chart messages are the server's CHART_LABELS", () => {
    for (const lang of ['zh', 'en'] as const) {
      const m = dashboardMessages[lang];
      const { lang: _lang, ...labels } = CHART_LABELS[lang];
      for (const [key, text] of Object.entries(labels)) expect(m[`dashboard.chart.${key}` as keyof typeof m], `${lang} ${key}`).toBe(text);
    }
  });
});
