/**
 * Timestamps of the exchange files (EXCHANGE.md): ISO 8601 with or without an offset
 * (`2020-02-20T08:30:00+08:00`, `2020-02-20 08:30:00`, `2020/2/20 8:30`); without an offset they
 * mean +08:00. Parsed by hand because this runs for every check-in row (millions a day) and
 * `Date.parse` accepts far more than the exchange format allows.
 */
import { CHINA_OFFSET_MINUTES, dayFromParts } from './local-date.ts';

const MS_PER_DAY = 86_400_000;

/** Epoch milliseconds, or null if the text is not a timestamp of the exchange formats. */
export function parseTimestamp(text: string): number | null {
  const s = text.trim();
  const n = s.length;
  let i = 0;
  const readInt = (minDigits: number, maxDigits: number): number => {
    let v = 0;
    let k = 0;
    while (i < n && k < maxDigits) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
      i++;
      k++;
    }
    return k < minDigits ? -1 : v;
  };
  const year = readInt(4, 4);
  if (year < 0 || i >= n) return null;
  const sep = s[i];
  if (sep !== '-' && sep !== '/') return null;
  i++;
  const month = readInt(1, 2);
  if (month < 0 || s[i] !== sep) return null;
  i++;
  const dayOfMonth = readInt(1, 2);
  if (dayOfMonth < 0) return null;
  const day = dayFromParts(year, month, dayOfMonth);
  if (day === null) return null;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let offsetMinutes = CHINA_OFFSET_MINUTES;
  if (i < n) {
    const t = s[i];
    if (t !== 'T' && t !== ' ') return null;
    i++;
    while (s[i] === ' ') i++;
    hour = readInt(1, 2);
    if (hour < 0 || s[i] !== ':') return null;
    i++;
    minute = readInt(2, 2);
    if (minute < 0) return null;
    if (s[i] === ':') {
      i++;
      second = readInt(2, 2);
      if (second < 0) return null;
      if (s[i] === '.' || s[i] === ',') {
        i++;
        const start = i;
        const frac = readInt(1, 9);
        if (frac < 0) return null;
        millis = Math.floor(frac / 10 ** (i - start - 3));
        if (i - start < 3) millis = frac * 10 ** (3 - (i - start));
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    if (i < n) {
      const z = s[i];
      if (z === 'Z' || z === 'z') {
        offsetMinutes = 0;
        i++;
      } else if (z === '+' || z === '-') {
        i++;
        const oh = readInt(2, 2);
        if (oh < 0) return null;
        let om = 0;
        if (s[i] === ':') i++;
        if (i < n) {
          om = readInt(2, 2);
          if (om < 0) return null;
        }
        if (oh > 14 || om > 59) return null;
        offsetMinutes = (z === '-' ? -1 : 1) * (oh * 60 + om);
      }
      if (i !== n) return null;
    }
  }
  return day * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}
