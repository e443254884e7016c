/**
 * Turning a person's records into the rules' vocabulary (RULES.md "Triggers"): dated triggers that
 * open or extend a red or yellow episode, and ongoing conditions that hold a person red while
 * active. A trigger covers a run of days (one day for most records; every day seen for roaming).
 */
import type { Day } from '../local-date.ts';
import type { TriggerColor } from './colors.ts';
import { FEVER_THRESHOLD_C } from './thresholds.ts';
import { inKeyAreaOn, keyAreaEffectiveOn, outsideHomeProvince, regionInsideArea } from './interpretations.ts';
import type { ForcedRed, HealthRecord, KeyArea, PersonRecords, RoamingRecord } from './records.ts';

export type ReasonSource = 'declarations' | 'checkins' | 'health_records' | 'roaming' | 'travel' | 'medical' | 'enforcement';

export interface Trigger {
  start: Day;
  end: Day;
  color: TriggerColor;
  source: ReasonSource;
  condition: string;
  recordKey: string;
}

export interface Ongoing {
  /** First and last active day (null: still active). */
  start: Day;
  end: Day | null;
  source: ReasonSource;
  condition: string;
  recordKey: string;
  /** The date of the record that started it. */
  date: Day;
}

export interface RuleInputs {
  triggers: Trigger[];
  ongoing: Ongoing[];
}

const DECLARED_RED = [
  ['confirmed', 'confirmed'],
  ['suspected', 'suspected'],
  ['closeContact', 'close_contact'],
  ['keyAreaVisit', 'key_area_visit'],
] as const;
const DECLARED_YELLOW = [
  ['fever', 'fever'],
  ['shortnessOfBreath', 'shortness_of_breath'],
  ['respiratorySymptoms', 'respiratory_symptoms'],
  ['febrileContact', 'febrile_contact'],
  ['returnedFromOutsideProvince', 'returned_from_outside_province'],
] as const;

/** Triggers and ongoing conditions of a person, with the given enforcement decisions in force. */
export function ruleInputs(records: PersonRecords, keyAreas: readonly KeyArea[], decisions: readonly ForcedRed[]): RuleInputs {
  const triggers: Trigger[] = [];
  const ongoing: Ongoing[] = [];
  const one = (day: Day, color: TriggerColor, source: ReasonSource, condition: string, recordKey: string) =>
    triggers.push({ start: day, end: day, color, source, condition, recordKey });

  for (const d of records.declarations) {
    for (const [field, condition] of DECLARED_RED) if (d[field]) one(d.day, 'red', 'declarations', condition, d.key);
    for (const [field, condition] of DECLARED_YELLOW) if (d[field]) one(d.day, 'yellow', 'declarations', condition, d.key);
  }
  for (const c of records.abnormalCheckins) {
    one(c.day, 'yellow', 'checkins', c.temperature >= FEVER_THRESHOLD_C ? 'temperature' : 'symptoms', c.key);
  }
  healthRecordInputs(records.healthRecords, triggers, ongoing);
  for (const r of records.roaming) roamingTriggers(r, keyAreas, triggers);
  for (const t of records.travel) {
    if (inKeyAreaOn(t.originRegionCode, t.day, keyAreas)) one(t.day, 'red', 'travel', 'from_key_area', t.key);
    else if (outsideHomeProvince(t.originRegionCode)) one(t.day, 'yellow', 'travel', 'from_outside_province', t.key);
  }
  for (const m of records.medical) one(m.day, 'yellow', 'medical', m.kind, m.key);
  for (const f of decisions) {
    one(f.decidedDay, 'red', 'enforcement', 'forced_red', f.key);
    ongoing.push({
      start: f.decidedDay,
      end: f.closedDay === null ? null : f.closedDay - 1,
      source: 'enforcement',
      condition: 'forced_red',
      recordKey: f.key,
      date: f.decidedDay,
    });
  }
  // A fixed order, so which of two equal triggers is named as the main reason never depends on
  // the order the records arrived in.
  triggers.sort(compareInputs);
  ongoing.sort(compareInputs);
  return { triggers, ongoing };
}

function compareInputs(a: Trigger | Ongoing, b: Trigger | Ongoing): number {
  return (
    a.start - b.start ||
    cmp(a.source, b.source) ||
    cmp(a.condition, b.condition) ||
    cmp(a.recordKey, b.recordKey) ||
    (a.end ?? Infinity) - (b.end ?? Infinity)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A condition is active from its record until a later `cleared`; the clearance is a trigger too. */
function healthRecordInputs(records: readonly HealthRecord[], triggers: Trigger[], ongoing: Ongoing[]): void {
  // Ties in time are broken by the record itself, so arrival order never picks the ongoing condition.
  const sorted = [...records].sort(
    (a, b) => a.recordedAt - b.recordedAt || (a.status === 'cleared' ? 1 : 0) - (b.status === 'cleared' ? 1 : 0) || cmp(a.key, b.key),
  );
  let active: HealthRecord | null = null;
  for (const r of sorted) {
    if (r.status !== 'cleared') {
      triggers.push({ start: r.day, end: r.day, color: 'red', source: 'health_records', condition: r.status, recordKey: r.key });
      active ??= r;
      continue;
    }
    if (!active) continue;
    ongoing.push({
      start: active.day,
      end: r.day - 1,
      source: 'health_records',
      condition: active.status,
      recordKey: active.key,
      date: active.day,
    });
    // INTERPRETATIONS.clearance: the clearance starts 14 days of observation.
    triggers.push({ start: r.day, end: r.day, color: 'red', source: 'health_records', condition: 'cleared', recordKey: r.key });
    active = null;
  }
  if (active)
    ongoing.push({
      start: active.day,
      end: null,
      source: 'health_records',
      condition: active.status,
      recordKey: active.key,
      date: active.day,
    });
}

/** Every day seen in a region is a trigger: red while the region is an effective key area, else yellow outside Shandong. */
function roamingTriggers(r: RoamingRecord, keyAreas: readonly KeyArea[], triggers: Trigger[]): void {
  const outside = outsideHomeProvince(r.regionCode);
  const areas = keyAreas.filter((a) => regionInsideArea(r.regionCode, a.regionCode));
  if (!outside && areas.length === 0) return;
  // Cut the run of days where some key area starts or stops applying.
  const cuts = new Set<Day>([r.firstDay]);
  for (const a of areas) {
    if (a.effectiveFrom > r.firstDay && a.effectiveFrom <= r.lastDay) cuts.add(a.effectiveFrom);
    if (a.effectiveTo !== null && a.effectiveTo + 1 > r.firstDay && a.effectiveTo + 1 <= r.lastDay) cuts.add(a.effectiveTo + 1);
  }
  const starts = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : r.lastDay;
    const red = areas.some((a) => keyAreaEffectiveOn(a, start));
    if (red) triggers.push({ start, end, color: 'red', source: 'roaming', condition: 'in_key_area', recordKey: r.key });
    else if (outside) triggers.push({ start, end, color: 'yellow', source: 'roaming', condition: 'outside_province', recordKey: r.key });
  }
}
