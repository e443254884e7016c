import { type Day, formatDay, parseDay, todayInChina } from '../../../shared/domain/local-date.ts';
import { type ParsedArgs, UsageError } from './args.ts';

/** --as-of YYYY-MM-DD, default today in Asia/Shanghai. */
export function asOfDay(args: ParsedArgs, now: () => number = Date.now): Day {
  const raw = args.options.get('as-of');
  if (raw === undefined) return todayInChina(now());
  const d = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseDay(raw) : null;
  if (d === null) throw new UsageError(`--as-of must be a date like 2020-02-20, not ${raw}`);
  return d;
}

export const dayText = (d: number | null): string | null => (d === null ? null : formatDay(d));

/** An optional date option (`--from`, `--date`…) as a day. */
export function dayOption(args: ParsedArgs, name: string): Day | undefined {
  const raw = args.options.get(name);
  if (raw === undefined) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseDay(raw) : null;
  if (d === null) throw new UsageError(`--${name} must be a date like 2020-02-20, not ${raw}`);
  return d;
}
