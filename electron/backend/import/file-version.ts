/**
 * The "file's own timestamp" that orders versions of upsert rows (EXCHANGE.md): a date (and time)
 * in the file name such as `residents-2020-02-20.csv` or `roaming_20200220T0800.xlsx` when there is
 * one, because exports keep their names when copied while modification times do not; otherwise the
 * file's modification time. Equal timestamps fall back to arrival order.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { dayFromParts, dayStartInstant } from '../../../shared/domain/local-date.ts';

export function fileVersionTime(path: string, name = basename(path)): number {
  return versionTimeFromName(name) ?? Math.floor(statSync(path).mtimeMs);
}

export function versionTimeFromName(name: string): number | null {
  // A year of this century or the last: other digit runs in a name (a county code such as 371602)
  // are not dates.
  const m = /(?:^|[^0-9])((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:[T_ -]?(\d{2})[:.-]?(\d{2})(?:[:.-]?(\d{2}))?)?(?![0-9])/.exec(name);
  if (!m) return null;
  const day = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null) return null;
  const h = Number(m[4] ?? 0);
  const min = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  if (h > 23 || min > 59 || s > 59) return null;
  return dayStartInstant(day) + ((h * 60 + min) * 60 + s) * 1000;
}
