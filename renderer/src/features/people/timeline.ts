/**
 * A person's timeline as the page lists it: newest first, with each run of consecutive normal
 * check-in days folded into one line ("normal check-ins 02-02 … 02-15, 14 days") placed where its
 * newest day is; abnormal check-ins and every other record stay single. Pure, tested without a DOM.
 */
import type { TimelineEvent } from '../../../../shared/contract/people.ts';
import { formatDay, parseDay } from '../../../../shared/domain/local-date.ts';

export type TimelineItem = { type: 'event'; event: TimelineEvent } | { type: 'checkin-run'; from: string; to: string; days: number };

function isNormalCheckin(e: TimelineEvent): boolean {
  return e.kind === 'checkin' && e.detail.abnormal !== true;
}

/** Runs of consecutive days, newest first, from a set of ISO days. */
export function consecutiveRuns(days: Iterable<string>): { from: string; to: string; days: number }[] {
  const sorted = [...new Set([...days].map((d) => parseDay(d)).filter((d): d is number => d !== null))].sort((a, b) => b - a);
  const runs: { from: string; to: string; days: number }[] = [];
  let end: number | null = null;
  let start: number | null = null;
  for (const d of sorted) {
    if (start !== null && d === start - 1) {
      start = d;
      continue;
    }
    if (start !== null && end !== null) runs.push({ from: formatDay(start), to: formatDay(end), days: end - start + 1 });
    start = d;
    end = d;
  }
  if (start !== null && end !== null) runs.push({ from: formatDay(start), to: formatDay(end), days: end - start + 1 });
  return runs;
}

/** The events in the order given (newest first), normal check-in days folded into runs. */
export function groupTimeline(events: readonly TimelineEvent[]): TimelineItem[] {
  const runs = consecutiveRuns(events.filter(isNormalCheckin).map((e) => e.day));
  const runByNewestDay = new Map(runs.map((r) => [r.to, r]));
  const out: TimelineItem[] = [];
  for (const event of events) {
    if (!isNormalCheckin(event)) {
      out.push({ type: 'event', event });
      continue;
    }
    const run = runByNewestDay.get(event.day);
    if (run) {
      out.push({ type: 'checkin-run', ...run });
      runByNewestDay.delete(event.day);
    }
  }
  return out;
}

/** `2020-02-15` → `02-15`; both ends of a run keep their year when the run crosses a new year. */
export function shortDay(day: string): string {
  return day.length === 10 ? day.slice(5) : day;
}

export function runDays(from: string, to: string): { from: string; to: string } {
  if (from.slice(0, 4) !== to.slice(0, 4)) return { from, to };
  return { from: shortDay(from), to: shortDay(to) };
}

/** The local time (Asia/Shanghai, UTC+8) of an instant, as HH:MM. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
