/**
 * Timestamp text for the demo files. Each department writes time its own way (EXCHANGE.md allows
 * them all), so the importer's parsing paths are all exercised. Times are kept as (day, second)
 * pairs: `day` counts from the demo's start date (0 = start), `sec` is the local (+08:00) second of
 * that day and may run outside 0..86399 (it is normalised here). Formatting goes through lookup
 * tables because check-in files hold millions of timestamps.
 */
import { type Day, dayParts, formatDay } from '../../../shared/domain/local-date.ts';

const SECONDS_PER_DAY = 86_400;
const CHINA_OFFSET_SECONDS = 8 * 3600;

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** `HH:MM:SS` for every second of a day. */
const HMS: readonly string[] = Array.from(
  { length: SECONDS_PER_DAY },
  (_, s) => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`,
);
/** `HH:MM:SS+08:00`: declarations and scans write millions of these. */
const HMS_OFFSET: readonly string[] = HMS.map((t) => t + '+08:00');

/** Dates from this many days before the start are formatted (backlogs, UTC of early hours). */
const BEFORE = 40;

export class DemoClock {
  readonly startDay: Day;
  private iso: string[] = [];
  private slash: string[] = [];
  private compact: string[] = [];
  private isoT: string[] = [];
  private isoSpace: string[] = [];

  constructor(startDay: Day, days: number) {
    this.startDay = startDay;
    for (let d = -BEFORE; d < days + BEFORE; d++) {
      const p = dayParts(startDay + d);
      this.iso.push(formatDay(startDay + d));
      this.slash.push(`${p.year}/${p.month}/${p.day}`);
      this.compact.push(`${p.year}${pad2(p.month)}${pad2(p.day)}`);
      this.isoT.push(formatDay(startDay + d) + 'T');
      this.isoSpace.push(formatDay(startDay + d) + ' ');
    }
  }

  /** `YYYY-MM-DD` of a demo day. */
  date(day: number): string {
    return this.at(this.iso, day);
  }

  /** `YYYYMMDD`, for scan ids. */
  compactDate(day: number): string {
    return this.at(this.compact, day);
  }

  /** Health-code platform declarations: `2020-02-10T08:15:00+08:00`. */
  isoOffset(day: number, sec: number): string {
    if (sec >= 0 && sec < SECONDS_PER_DAY) return this.at(this.isoT, day) + HMS_OFFSET[sec];
    const [d, s] = normalize(day, sec);
    return this.at(this.isoT, d) + HMS_OFFSET[s];
  }

  /** Transport: `2020-02-10T08:15:00`, no offset. */
  isoLocal(day: number, sec: number): string {
    const [d, s] = normalize(day, sec);
    return `${this.date(d)}T${HMS[s]}`;
  }

  /** Health commission: `2020-02-10 08:15` (no seconds). */
  minutes(day: number, sec: number): string {
    const [d, s] = normalize(day, sec);
    return `${this.date(d)} ${HMS[s]!.slice(0, 5)}`;
  }

  /** Telecom operators report in UTC: local 2020-02-10 07:30 is `2020-02-09T23:30:00Z`. */
  utc(day: number, sec: number): string {
    const [d, s] = normalize(day, sec - CHINA_OFFSET_SECONDS);
    return `${this.date(d)}T${HMS[s]}Z`;
  }

  /** Medical insurance exports as Excel shows them: `2020/2/10 8:15`. */
  excelStyle(day: number, sec: number): string {
    const [d, s] = normalize(day, sec);
    const hour = Math.floor(s / 3600);
    return `${this.at(this.slash, d)} ${hour}:${pad2(Math.floor(s / 60) % 60)}`;
  }

  /**
   * Every second of one day as check-in and declaration text, built once per day: the strings are
   * flat (not concatenation trees), which makes the CSV writer's per-field work much cheaper.
   */
  stampsOf(day: number): DayStamps {
    const spaced = this.at(this.isoSpace, day);
    const isoT = this.at(this.isoT, day);
    return { spaced: HMS.map((t) => flat(spaced + t)), isoOffset: HMS_OFFSET.map((t) => flat(isoT + t)) };
  }

  private at(table: readonly string[], day: number): string {
    const text = table[day + BEFORE];
    if (text === undefined) throw new Error(`demo day ${day} is outside the formatted range`);
    return text;
  }
}

export interface DayStamps {
  /** `2020-02-10 08:15:00` by second of the day. */
  spaced: readonly string[];
  /** `2020-02-10T08:15:00+08:00` by second of the day. */
  isoOffset: readonly string[];
}

/** A concatenation as one flat string (V8 flattens a string when it is indexed). */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function normalize(day: number, sec: number): [number, number] {
  const shift = Math.floor(sec / SECONDS_PER_DAY);
  return [day + shift, sec - shift * SECONDS_PER_DAY];
}

/** Seconds of a local clock time, for readable constants. */
export const at = (hour: number, minute = 0): number => hour * 3600 + minute * 60;
