/**
 * Evaluating a person as of a date (RULES.md "What an evaluation returns"): colour, reasons, since
 * when, the earliest green date, and the colour history that led there. A pure function of the
 * records and the date: no clock, no database, and the order of the records does not matter.
 */
import { PLAUSIBLE_FIRST_DAY } from '../feeds/plausible-window.ts';
import type { Day } from '../local-date.ts';
import type { CodeColor, TriggerColor } from './colors.ts';
import type { ForcedRed, KeyArea, PersonRecords } from './records.ts';
import { type ChangeCause, type SweepResult, sweep } from './sweep.ts';
import { GREEN_STREAK_DAYS } from './thresholds.ts';
import { type Ongoing, type ReasonSource, type RuleInputs, type Trigger, ruleInputs } from './triggers.ts';

export interface Reason {
  color: TriggerColor;
  condition: string;
  source: ReasonSource;
  recordKey: string;
  date: Day;
  /** An ongoing condition (uncleared health record, open case) rather than a dated trigger. */
  ongoing: boolean;
}

export interface TimelineChange {
  day: Day;
  color: CodeColor;
  cause: 'trigger' | 'ongoing' | 'streak' | 'code_issued' | 'revoked';
  reason: Reason | null;
}

export interface Evaluation {
  personId: string;
  asOf: Day;
  color: CodeColor;
  since: Day | null;
  greenEligibleOn: Day | null;
  reasons: Reason[];
  /** Colour changes from the day the code was issued up to asOf. */
  changes: TimelineChange[];
}

/** The day a person first holds a code: first declaration, or a forced red in force. */
export function codeStart(records: PersonRecords, decisions: readonly ForcedRed[]): Day | null {
  let start: Day | null = null;
  for (const d of records.declarations) if (start === null || d.day < start) start = d.day;
  for (const f of decisions) if (start === null || f.decidedDay < start) start = f.decidedDay;
  // The walk starts here: never before the days the rules walk (feeds/plausible-window.ts), however
  // early a stored date says (imports reject such dates; this bounds the loop for any other way in).
  return start === null ? null : Math.max(start, PLAUSIBLE_FIRST_DAY);
}

interface Segment {
  from: Day;
  to: Day;
  inputs: RuleInputs;
  start: Day | null;
  result: SweepResult | null;
}

export function evaluate(records: PersonRecords, keyAreas: readonly KeyArea[], asOf: Day): Evaluation {
  const quiet = quietEvaluation(records, asOf);
  if (quiet) return quiet;
  const abnormalDays = new Set(records.abnormalCheckins.map((c) => c.day));
  const segments = revocationSegments(records.forcedReds, asOf).map(({ from, to, decisions }): Segment => {
    const inputs = ruleInputs(records, keyAreas, decisions);
    const start = codeStart(records, decisions);
    const result = start !== null && start <= to ? sweep(inputs, records.checkinDays, abnormalDays, start, to) : null;
    return { from, to, inputs, start, result };
  });
  const changes = mergeSegments(segments);
  const last = segments[segments.length - 1]!;
  const color: CodeColor = changes.length ? changes[changes.length - 1]!.color : 'none';
  const empty = { personId: records.personId, asOf, color, since: null, greenEligibleOn: null, reasons: [], changes };
  if (!last.result || color === 'none') return { ...empty, color: 'none' };
  const since = changes[changes.length - 1]!.day;
  if (color === 'green') return { ...empty, since };
  const state = last.result.state;
  const reasons = episodeReasons(last.inputs, state.episodeStart ?? asOf, asOf);
  const held = last.inputs.ongoing.some((o) => activeOn(o, asOf));
  const lastNonNormal = asOf > state.sweptTo ? asOf : state.lastNonNormal;
  const greenEligibleOn = held
    ? null
    : Math.max(asOf + 1, lastNonNormal + GREEN_STREAK_DAYS, (state.lastTrigger ?? -Infinity) + GREEN_STREAK_DAYS);
  return { ...empty, since, reasons, greenEligibleOn };
}

/**
 * Most people have no record that can trigger anything: green from their first declaration (RULES.md
 * "A person with no triggers at all is green"). Answered without building triggers or walking days.
 */
function quietEvaluation(r: PersonRecords, asOf: Day): Evaluation | null {
  if (!isQuiet(r)) return null;
  let first: Day | null = null;
  for (const d of r.declarations) if (first === null || d.day < first) first = d.day;
  const base = { personId: r.personId, asOf, greenEligibleOn: null, reasons: [] };
  if (first === null || first > asOf) return { ...base, color: 'none', since: null, changes: [] };
  return { ...base, color: 'green', since: first, changes: [{ day: first, color: 'green', cause: 'code_issued', reason: null }] };
}

/**
 * No record that could trigger anything. Such a person's colours do not depend on their
 * check-ins, so callers need not even load them.
 */
export function isQuiet(r: PersonRecords): boolean {
  if (r.abnormalCheckins.length || r.healthRecords.length || r.roaming.length || r.travel.length || r.medical.length || r.forcedReds.length)
    return false;
  for (const d of r.declarations) {
    if (
      d.confirmed ||
      d.suspected ||
      d.closeContact ||
      d.keyAreaVisit ||
      d.fever ||
      d.shortnessOfBreath ||
      d.respiratorySymptoms ||
      d.febrileContact ||
      d.returnedFromOutsideProvince
    )
      return false;
  }
  return true;
}

/**
 * Revoking a decision voids its forced red from the revocation date on (see interpretations.ts):
 * each stretch of dates between revocations is evaluated with the decisions still in force then.
 */
function revocationSegments(decisions: readonly ForcedRed[], asOf: Day): { from: Day; to: Day; decisions: ForcedRed[] }[] {
  const cuts = [...new Set(decisions.map((f) => f.revokedDay).filter((d): d is Day => d !== null && d <= asOf))].sort((a, b) => a - b);
  const starts = [-Infinity, ...cuts];
  return starts.map((from, i) => ({
    from,
    to: i + 1 < starts.length ? starts[i + 1]! - 1 : asOf,
    decisions: decisions.filter((f) => f.revokedDay === null || f.revokedDay > from),
  }));
}

function mergeSegments(segments: Segment[]): TimelineChange[] {
  const out: TimelineChange[] = [];
  let color: CodeColor = 'none';
  for (const s of segments) {
    if (!s.result) {
      if (color !== 'none' && Number.isFinite(s.from)) {
        out.push({ day: s.from, color: 'none', cause: 'revoked', reason: null });
        color = 'none';
      }
      continue;
    }
    const inSegment = s.result.changes.filter((c) => c.day <= s.to);
    // The colour this segment's history gives on its first day, as a change caused by the revocation.
    const before = inSegment.filter((c) => c.day <= s.from);
    const opening = before[before.length - 1];
    if (Number.isFinite(s.from)) {
      const startColor = opening?.color ?? 'none';
      if (startColor !== color) {
        out.push({ day: s.from, color: startColor, cause: 'revoked', reason: null });
        color = startColor;
      }
    }
    for (const c of inSegment) {
      if (c.day < s.from || (Number.isFinite(s.from) && c.day === s.from) || c.color === color) continue;
      out.push({ day: c.day, color: c.color, ...describeCause(c.cause, s.inputs, c.day) });
      color = c.color;
    }
  }
  return out;
}

function describeCause(cause: ChangeCause, inputs: RuleInputs, day: Day): Pick<TimelineChange, 'cause' | 'reason'> {
  if (cause.kind === 'trigger') return { cause: 'trigger', reason: triggerReason(inputs.triggers[cause.index]!, day) };
  if (cause.kind === 'ongoing') return { cause: 'ongoing', reason: ongoingReason(inputs.ongoing[cause.index]!) };
  return { cause: cause.kind, reason: null };
}

function triggerReason(t: Trigger, asOf: Day): Reason {
  return { color: t.color, condition: t.condition, source: t.source, recordKey: t.recordKey, date: Math.min(t.end, asOf), ongoing: false };
}

function ongoingReason(o: Ongoing): Reason {
  return { color: 'red', condition: o.condition, source: o.source, recordKey: o.recordKey, date: o.date, ongoing: true };
}

function activeOn(o: Ongoing, day: Day): boolean {
  return o.start <= day && (o.end === null || o.end >= day);
}

/** Every trigger of the current episode and every ongoing condition holding now, oldest first. */
function episodeReasons(inputs: RuleInputs, episodeStart: Day, asOf: Day): Reason[] {
  const reasons: Reason[] = [];
  const holding = inputs.ongoing.filter((o) => activeOn(o, asOf));
  // A record that is still an ongoing condition is given once, as ongoing, not also as the trigger it began with.
  const same = (t: Trigger) => holding.some((o) => o.source === t.source && o.recordKey === t.recordKey && o.condition === t.condition);
  for (const t of inputs.triggers) if (t.start <= asOf && t.end >= episodeStart && !same(t)) reasons.push(triggerReason(t, asOf));
  for (const o of holding) reasons.push(ongoingReason(o));
  return reasons.sort(
    (a, b) =>
      a.date - b.date ||
      (a.color === b.color ? 0 : a.color === 'red' ? -1 : 1) ||
      order(a.source, b.source) ||
      order(a.condition, b.condition) ||
      order(a.recordKey, b.recordKey),
  );
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
