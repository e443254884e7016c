/**
 * The dashboard map's fixed colour scale: bands of the red + yellow rate ((red + yellow) / code
 * holders of a county), so a colour means the same rate on every day and in every county. A scale
 * stretched over the day's lowest and highest county would paint the best county green even in an
 * outbreak, and the worst one red on a quiet day.
 *
 * The thresholds are percentage points, ascending: [0.5, 1, 2, 5] makes five bands, < 0.5 %,
 * 0.5–1 %, 1–2 %, 2–5 % and ≥ 5 %. A rate on a threshold belongs to the band above it. An
 * administrator may set other thresholds (Settings, `settings.update` `mapBands`); every role's
 * dashboard gets them with its figures (`dashboard.summary`), so everyone sees the same colours.
 */
import { CODE_COLOR_HEX } from './code-colors.ts';

/**
 * The default bands, chosen for an epidemic office: under 0.5 % red or yellow is the calm state of
 * a city where codes are only given for exposure; 0.5–1 % and 1–2 % are watch levels; 2–5 % means
 * clusters in the county; 5 % and more is an outbreak (the demo's worst county on a bad day).
 */
export const DEFAULT_MAP_BANDS: readonly number[] = [0.5, 1, 2, 5];

/** At most this many thresholds (nine bands): more cannot be told apart on a projector. */
export const MAP_BANDS_MAX = 8;

export interface MapBand {
  /** Percentage points; the lowest band starts at 0. */
  from: number;
  /** Percentage points, exclusive; null for the top band. */
  to: number | null;
  color: string;
}

/** What is wrong with a list of thresholds, in both languages, or null when it can be used. */
export function mapBandsProblem(thresholds: unknown): { en: string; zh: string } | null {
  if (!Array.isArray(thresholds) || thresholds.length === 0 || thresholds.length > MAP_BANDS_MAX)
    return {
      en: `must be 1 to ${MAP_BANDS_MAX} thresholds in percent, like 0.5, 1, 2, 5`,
      zh: `应为1至${MAP_BANDS_MAX}个百分比阈值，如 0.5, 1, 2, 5`,
    };
  for (const [i, x] of thresholds.entries()) {
    if (typeof x !== 'number' || !Number.isFinite(x))
      return { en: `threshold ${i + 1} must be a number`, zh: `第${i + 1}个阈值必须是数字` };
    if (x <= 0 || x >= 100)
      return {
        en: `threshold ${i + 1} must be above 0 % and below 100 %, not ${x} %`,
        zh: `第${i + 1}个阈值应大于0%且小于100%（现为${x}%）`,
      };
    const before = i > 0 ? (thresholds[i - 1] as number) : null;
    if (before !== null && x <= before)
      return {
        en: `thresholds must go up: threshold ${i + 1} (${x} %) is not above ${before} %`,
        zh: `阈值应从小到大：第${i + 1}个（${x}%）不大于${before}%`,
      };
  }
  return null;
}

/** Thresholds as stored (JSON text in the settings table); the defaults when absent or unusable. */
export function parseMapBands(stored: string | null): number[] {
  if (stored === null) return [...DEFAULT_MAP_BANDS];
  try {
    const parsed: unknown = JSON.parse(stored);
    // Only ever stored after validation; a hand-edited row must not break every dashboard.
    return mapBandsProblem(parsed) === null ? (parsed as number[]) : [...DEFAULT_MAP_BANDS];
  } catch {
    return [...DEFAULT_MAP_BANDS];
  }
}

/** The band of a rate (0..1), counted from 0 for the lowest. */
export function bandOf(rate: number, thresholds: readonly number[]): number {
  const points = rate * 100;
  let band = 0;
  // A hair of tolerance: 1 / 200 computes to 0.005000000000000001 or 0.004999999999999999.
  while (band < thresholds.length && points >= thresholds[band]! - 1e-9) band++;
  return band;
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

/** The colour of band `i` of `count`: green for the lowest, red for the highest, through the code yellow. */
export function bandColor(i: number, count: number): string {
  const stops = [CODE_COLOR_HEX.green, CODE_COLOR_HEX.yellow, CODE_COLOR_HEX.red].map(hex);
  if (count <= 1) return toHex(stops[2]!);
  const at = (i / (count - 1)) * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(at));
  const f = at - k;
  return toHex(stops[k]!.map((a, j) => a + (stops[k + 1]![j]! - a) * f));
}

/** The bands the thresholds make, lowest first, with their colours. */
export function mapBands(thresholds: readonly number[]): MapBand[] {
  const count = thresholds.length + 1;
  return Array.from({ length: count }, (_, i) => ({
    from: i === 0 ? 0 : thresholds[i - 1]!,
    to: i < thresholds.length ? thresholds[i]! : null,
    color: bandColor(i, count),
  }));
}

/** A band as the legend writes it: "< 0.5 %", "0.5–1 %", "≥ 5 %". */
export function bandLabel(band: MapBand): string {
  const n = (x: number) => String(Math.round(x * 100) / 100);
  if (band.from === 0 && band.to !== null) return `< ${n(band.to)} %`;
  if (band.to === null) return `≥ ${n(band.from)} %`;
  return `${n(band.from)}–${n(band.to)} %`;
}
