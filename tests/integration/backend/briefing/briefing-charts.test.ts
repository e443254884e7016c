import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  CHART_PIXEL_RATIO,
  chartFontSet,
  countyDistributionImage,
  trendImage,
  type ChartImage,
} from '../../../../electron/backend/briefing/chart-images.ts';
import { CHART_COLORS, COLOR_HEX, FONT_FAMILY, type ChartColor } from '../../../../shared/charts/chart-style.ts';
import type { CountyRow, TrendPoint } from '../../../../shared/contract/dashboard.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Decoded {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  rgba: Uint8Array;
}

/** Enough of PNG for what resvg writes: 8-bit RGB or RGBA, not interlaced. */
function decodePng(png: Buffer): Decoded {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8);
      expect({ depth, interlace }).toEqual({ depth: 8, interlace: 0 });
      expect([2, 6]).toContain(colorType);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[row + x - channels]! : 0;
      const b = y > 0 ? rows[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[row - stride + x - channels]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`unknown PNG filter ${filter}`);
      rows[row + x] = (src[x]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rows.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Opaque pixels within a few levels of the colour (antialiased edges do not count). */
function countNear(img: Decoded, hex: string, tolerance = 8): number {
  const [r, g, b] = rgbOf(hex);
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) {
    const d = img.rgba;
    if (d[i + 3]! > 250 && Math.abs(d[i]! - r) <= tolerance && Math.abs(d[i + 1]! - g) <= tolerance && Math.abs(d[i + 2]! - b) <= tolerance)
      n++;
  }
  return n;
}

function countNotWhite(img: Decoded): number {
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) {
    const d = img.rgba;
    if (d[i + 3]! > 0 && (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240)) n++;
  }
  return n;
}

function colourCounts(img: Decoded): Record<ChartColor, number> {
  return { red: countNear(img, COLOR_HEX.red), yellow: countNear(img, COLOR_HEX.yellow), green: countNear(img, COLOR_HEX.green) };
}

/** Checks the PNG against the size it claims, and decodes it. */
function checked(image: ChartImage): Decoded {
  expect(image.width).toBe(960);
  expect(image.height).toBe(420);
  const img = decodePng(image.png);
  expect({ width: img.width, height: img.height }).toEqual({
    width: image.width * CHART_PIXEL_RATIO,
    height: image.height * CHART_PIXEL_RATIO,
  });
  return img;
}

// A legend swatch is 28 × 16 CSS px: fewer pixels than this, and the bars or lines are missing.
const LEGEND_ONLY = 28 * 16 * CHART_PIXEL_RATIO ** 2 * 2;

function county(code: string, name: string, red: number, yellow: number, green: number): CountyRow {
  const total = red + yellow + green;
  return { countyCode: code, countyName: name, red, yellow, green, total, noCode: 0, redYellowRate: total ? (red + yellow) / total : 0 };
}

const COUNTY_ROWS = COUNTIES.map((c, i) => county(c.code, c.name, 3000 + i * 200, 4000 + i * 100, 9000 + i * 500));

const TREND: TrendPoint[] = Array.from({ length: 30 }, (_, i) => {
  const red = 40 + Math.round(15 * Math.sin(i / 3));
  const yellow = 80 + i * 3;
  const green = 5000 + i * 120;
  return {
    day: new Date(Date.UTC(2020, 1, 1 + i)).toISOString().slice(0, 10),
    red,
    yellow,
    green,
    total: red + yellow + green,
    noCode: 100,
    turnedRed: i % 5,
    turnedYellow: 3 + (i % 7),
    turnedGreen: 10 + (i % 4),
    newCodes: 5,
  };
});

describe('briefing chart images', () => {
  test('a CJK font of the charts’ font list is installed', () => {
    const fonts = chartFontSet();
    expect(
      fonts?.family,
      'no CJK font found for the chart images: install one (Debian/Ubuntu: apt-get install fonts-noto-cjk), or Chinese labels print as boxes',
    ).toMatch(/CJK|YaHei|PingFang|Source Han/);
    expect(FONT_FAMILY).toContain(`'${fonts!.family}'`);
    expect(fonts!.files.length).toBeGreaterThan(0);
  });

  test('county distribution: a PNG of the stated size with the red, yellow and green bars', () => {
    const img = checked(countyDistributionImage(COUNTY_ROWS));
    expect(countNotWhite(img)).toBeGreaterThan(img.width * img.height * 0.2);
    const counts = colourCounts(img);
    for (const c of CHART_COLORS) expect(counts[c], c).toBeGreaterThan(LEGEND_ONLY * 4);
  });

  test('trend: the three lines are drawn', () => {
    const img = checked(trendImage(TREND));
    expect(countNotWhite(img)).toBeGreaterThan(img.width * img.height * 0.05);
    const counts = colourCounts(img);
    for (const c of CHART_COLORS) expect(counts[c], c).toBeGreaterThan(LEGEND_ONLY * 2);
  });

  test('English labels render too', () => {
    checked(countyDistributionImage(COUNTY_ROWS, 'en'));
    checked(trendImage(TREND, 'en'));
  });

  test('no counties and no trend still give an image: legend and axes, no bars or lines', () => {
    for (const image of [countyDistributionImage([]), trendImage([])]) {
      const img = checked(image);
      expect(countNotWhite(img)).toBeGreaterThan(0);
      const counts = colourCounts(img);
      for (const c of CHART_COLORS) {
        expect(counts[c], c).toBeGreaterThan(0);
        expect(counts[c], c).toBeLessThan(LEGEND_ONLY);
      }
    }
  });

  test('Chinese characters are drawn as their own glyphs, not as boxes or nothing', () => {
    // A county code the table does not know keeps the row's own name: the label is the only
    // difference between the two images. A missing glyph is the same box (or blank) for both.
    const one = countyDistributionImage([county('379999', '红', 1, 1, 1)]);
    const other = countyDistributionImage([county('379999', '绿', 1, 1, 1)]);
    expect(one.png.equals(other.png)).toBe(false);
  });
});
