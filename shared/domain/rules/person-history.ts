/**
 * A person's history as the statistics need it: from the first state (known, no code) on, each day
 * their colour or their county changed. County (RULES.md): the county of the latest declaration as
 * of the date; before any, the residents feed's county ('' when unknown).
 */
import type { Day } from '../local-date.ts';
import type { CodeColor } from './colors.ts';
import type { TimelineChange } from './evaluate.ts';
import type { DeclarationRecord } from './records.ts';

export interface HistoryState {
  /** -1 for the first state: as known to the database from the beginning. */
  day: Day;
  color: CodeColor;
  county: string;
  /** For a colour change: its cause and main reason, compactly (part of the history's identity). */
  reason?: string;
}

export const ALWAYS: Day = -1;

export function personHistory(
  changes: readonly TimelineChange[],
  declarations: readonly DeclarationRecord[],
  residentCounty: string | null,
): HistoryState[] {
  // The common case: one declaration, a new green code, nothing else.
  if (declarations.length === 1 && changes.length === 1 && changes[0]!.day === declarations[0]!.day && changes[0]!.color === 'green') {
    const d = declarations[0]!;
    return [
      { day: ALWAYS, color: 'none', county: residentCounty ?? '' },
      { day: d.day, color: 'green', county: d.countyCode, reason: 'code_issued' },
    ];
  }
  const byTime = [...declarations].sort((a, b) => a.declaredAt - b.declaredAt);
  const countyDays = byTime.map((d) => ({ day: d.day, county: d.countyCode }));
  const days = [...new Set([...changes.map((c) => c.day), ...countyDays.map((c) => c.day)])].sort((a, b) => a - b);
  const states: HistoryState[] = [{ day: ALWAYS, color: 'none', county: residentCounty ?? '' }];
  let ci = 0;
  let di = 0;
  let color: CodeColor = 'none';
  let county = residentCounty ?? '';
  for (const day of days) {
    while (ci < changes.length && changes[ci]!.day <= day) color = changes[ci++]!.color;
    while (di < countyDays.length && countyDays[di]!.day <= day) county = countyDays[di++]!.county;
    const last = states[states.length - 1]!;
    if (last.color === color && last.county === county) continue;
    const change = last.color !== color ? changes.find((c) => c.day === day) : undefined;
    states.push(change ? { day, color, county, reason: reasonTag(change) } : { day, color, county });
  }
  return states;
}

/** `cause~source~condition~date~record`: no ',' or ';' (record keys are digits, codes and '|'). */
function reasonTag(c: TimelineChange): string {
  const r = c.reason;
  return r ? `${c.cause}~${r.source}~${r.condition}~${r.date}~${r.recordKey}` : c.cause;
}

const COLOR_LETTER: Record<CodeColor, string> = { none: 'n', green: 'g', yellow: 'y', red: 'r' };
const LETTER_COLOR: Record<string, CodeColor> = { n: 'none', g: 'green', y: 'yellow', r: 'red' };

/** "day,colour,county;..." — compact, and equal text means an equal history. */
export function encodeHistory(states: readonly HistoryState[]): string {
  return states.map((s) => `${s.day},${COLOR_LETTER[s.color]},${s.county}${s.reason ? ',' + s.reason : ''}`).join(';');
}

export function decodeHistory(text: string): HistoryState[] {
  if (!text) return [];
  return text.split(';').map((part) => {
    const [day, letter, county, reason] = part.split(',');
    const state: HistoryState = { day: Number(day), color: LETTER_COLOR[letter!] ?? 'none', county: county ?? '' };
    if (reason) state.reason = reason;
    return state;
  });
}

/** The state on a day (the last one starting on or before it). */
export function stateOn(states: readonly HistoryState[], day: Day): HistoryState | undefined {
  let found: HistoryState | undefined;
  for (const s of states) {
    if (s.day > day) break;
    found = s;
  }
  return found;
}

export type DeltaSink = (day: Day, county: string, color: CodeColor, delta: number) => void;
export type TransitionSink = (day: Day, county: string, from: CodeColor, to: CodeColor, n: number) => void;

/** Adds (sign 1) or removes (sign -1) a person's contribution to the per-day county sums. */
export function historyDeltas(states: readonly HistoryState[], sign: 1 | -1, add: DeltaSink): void {
  let prev: HistoryState | null = null;
  for (const s of states) {
    if (prev) add(s.day, prev.county, prev.color, -sign);
    add(s.day, s.county, s.color, sign);
    prev = s;
  }
}

/** Colour changes (not county moves), counted in the county the person is in after the change. */
export function historyTransitions(states: readonly HistoryState[], sign: 1 | -1, add: TransitionSink): void {
  for (let i = 1; i < states.length; i++) {
    const prev = states[i - 1]!;
    const s = states[i]!;
    if (prev.color !== s.color) add(s.day, s.county, prev.color, s.color, sign);
  }
}
