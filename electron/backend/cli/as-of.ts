import { type Day, formatDay, parseDay } from '../../../shared/domain/local-date.ts';
import { defaultAsOfDay } from '../clock/database-clock.ts';
import type { Db } from '../db/database.ts';
import { type ParsedArgs, UsageError } from './args.ts';

/**
 * --as-of YYYY-MM-DD; without it the day every screen shows (database-clock.ts): the latest day the
 * data reaches, never after today on the database's clock (a demo city's own days).
 */
export function asOfDay(args: ParsedArgs, db: Db): Day {
  return dayOption(args, 'as-of') ?? defaultAsOfDay(db);
}

export const dayText = (d: number | null): string | null => (d === null ? null : formatDay(d));

/** An optional date option (`--as-of`, `--from`, `--date`…) as a day. */
export function dayOption(args: ParsedArgs, name: string): Day | undefined {
  const raw = args.options.get(name);
  if (raw === undefined) return undefined;
  const shaped = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const d = shaped ? parseDay(raw) : null;
  if (d === null)
    throw new UsageError(shaped ? `--${name} ${raw}: this date does not exist` : `--${name} must be a date like 2020-02-20, not ${raw}`);
  return d;
}
