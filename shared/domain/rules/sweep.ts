/**
 * The day-by-day walk that gives a person's colour on every date (RULES.md "Back to green",
 * "Episode"). Day d is decided from records dated on or before d only, so the colour the walk gives
 * for d is exactly the evaluation as of d.
 */
import type { Day } from '../local-date.ts';
import type { CodeColor } from './colors.ts';
import type { RuleInputs } from './triggers.ts';
import { GREEN_STREAK_DAYS, LOOKBACK_DAYS } from './thresholds.ts';

export const COLOR_CODES: readonly CodeColor[] = ['green', 'yellow', 'red'];
const YELLOW = 1;
const RED = 2;
const severityOf = (c: 'yellow' | 'red') => (c === 'red' ? RED : YELLOW);

/** What made the colour of a change: a trigger or ongoing condition (by index), or the streak / the first declaration. */
export type ChangeCause =
  { kind: 'trigger'; index: number } | { kind: 'ongoing'; index: number } | { kind: 'streak' } | { kind: 'code_issued' };

export interface ColorChange {
  day: Day;
  color: CodeColor;
  cause: ChangeCause;
}

export interface SweepState {
  color: CodeColor;
  /** First day of the current episode (red or yellow), else null. */
  episodeStart: Day | null;
  /** Last day swept; nothing changes after it (no records, no check-ins). */
  sweptTo: Day;
  /** Latest day up to sweptTo that was not a normal day (no check-in or an abnormal one). */
  lastNonNormal: Day;
  /** Latest trigger day up to sweptTo. */
  lastTrigger: Day | null;
}

export interface SweepResult {
  changes: ColorChange[];
  state: SweepState;
}

/**
 * Walks from 14 days before the code is issued (earlier records do not count, RULES.md) to `asOf`,
 * stopping early once no record can change anything any more.
 */
export function sweep(
  inputs: RuleInputs,
  checkinDays: readonly Day[],
  abnormalDays: ReadonlySet<Day>,
  codeStart: Day,
  asOf: Day,
): SweepResult {
  // Most people have no trigger at all: green from the day they hold a code (RULES.md), no walk needed.
  if (inputs.triggers.length === 0 && inputs.ongoing.length === 0) {
    return {
      changes: [{ day: codeStart, color: 'green', cause: { kind: 'code_issued' } }],
      state: { color: 'green', episodeStart: null, sweptTo: asOf, lastNonNormal: asOf, lastTrigger: null },
    };
  }
  const from = codeStart - LOOKBACK_DAYS;
  let lastEvent = codeStart;
  for (const t of inputs.triggers) if (t.end >= from) lastEvent = Math.max(lastEvent, Math.min(t.end, asOf));
  for (const o of inputs.ongoing) {
    lastEvent = Math.max(lastEvent, Math.min(o.start, asOf));
    if (o.end !== null) lastEvent = Math.max(lastEvent, Math.min(o.end + 1, asOf));
  }
  const lastCheckin = checkinDays.length ? checkinDays[checkinDays.length - 1]! : from;
  lastEvent = Math.max(lastEvent, Math.min(lastCheckin + 1, asOf));
  const to = Math.min(asOf, lastEvent);
  const n = to - from + 1;

  // Per day: strongest trigger (and which), whether an ongoing condition holds, whether it was normal.
  const trig = new Int8Array(n).fill(-1);
  const trigIndex = new Int32Array(n).fill(-1);
  inputs.triggers.forEach((t, index) => {
    const s = severityOf(t.color);
    for (let d = Math.max(t.start, from); d <= Math.min(t.end, to); d++) {
      const i = d - from;
      if (s > trig[i]!) {
        trig[i] = s;
        trigIndex[i] = index;
      }
    }
  });
  const ongoingIndex = new Int32Array(n).fill(-1);
  inputs.ongoing.forEach((o, index) => {
    const end = o.end === null ? to : Math.min(o.end, to);
    for (let d = Math.max(o.start, from); d <= end; d++) if (ongoingIndex[d - from]! < 0) ongoingIndex[d - from] = index;
  });
  const normal = new Uint8Array(n);
  for (const d of checkinDays) if (d >= from && d <= to && !abnormalDays.has(d)) normal[d - from] = 1;

  const changes: ColorChange[] = [];
  let color: CodeColor = 'none';
  let episode = -1; // severity of the current episode, -1 when not in one
  let episodeStart: Day | null = null;
  let episodeCause: ChangeCause | null = null;
  let normalRun = 0;
  let lastTrigger: Day | null = null;
  let lastNonNormal = from - 1;
  for (let i = 0; i < n; i++) {
    const d = from + i;
    normalRun = normal[i] ? normalRun + 1 : 0;
    if (!normal[i]) lastNonNormal = d;
    const t = trig[i]!;
    const o = ongoingIndex[i]!;
    if (t >= 0) lastTrigger = d;
    if (t >= 0 || o >= 0) {
      const s = Math.max(t, o >= 0 ? RED : -1);
      if (s > episode) {
        episodeCause = t >= s ? { kind: 'trigger', index: trigIndex[i]! } : { kind: 'ongoing', index: o };
        if (episode < 0) episodeStart = d;
        episode = s;
      }
    } else if (episode >= 0 && normalRun >= GREEN_STREAK_DAYS && (lastTrigger === null || lastTrigger < d - (GREEN_STREAK_DAYS - 1))) {
      episode = -1;
      episodeStart = null;
      episodeCause = { kind: 'streak' };
    }
    if (d < codeStart) continue;
    const now: CodeColor = episode >= 0 ? COLOR_CODES[episode]! : 'green';
    if (now !== color) {
      const cause: ChangeCause = color === 'none' && now === 'green' ? { kind: 'code_issued' } : (episodeCause ?? { kind: 'code_issued' });
      changes.push({ day: d, color: now, cause });
      color = now;
    }
  }
  return { changes, state: { color, episodeStart, sweptTo: to, lastNonNormal, lastTrigger } };
}
