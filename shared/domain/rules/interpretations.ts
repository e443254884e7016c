/**
 * Every choice the rules make where the notice is vague, in one place (RULES.md marks them
 * "interpretation"). Change a choice here and the engine follows; the tests name each one.
 */
import type { Day } from '../local-date.ts';
import type { KeyArea } from './records.ts';

export const INTERPRETATIONS = {
  clearance:
    'The cleared date of a health record is a trigger date too (14 days of observation after clearance); ' +
    'a cleared record with nothing active to clear is ignored. (triggers.ts: healthRecordInputs)',
  cleanDeclaration: 'A declaration that reports no conditions does not end an episode; only the streak does. (sweep.ts)',
  roamingDays:
    'A roaming record is a trigger on every day from first_seen to last_seen, so as of D its trigger date is ' +
    'min(last_seen, D) and on each earlier day the person was already seen there. (triggers.ts: roamingTriggers)',
  keyAreaPeriod:
    'A key area applies from effective_from through effective_to, both included; empty effective_to is open-ended. (keyAreaEffectiveOn)',
  insideKeyArea:
    "Inside a key area means the record's region code starts with the area's code: a county of a key province is inside " +
    'it; a record naming only a province is not inside a key city of it (but is outside Shandong: yellow). (regionInsideArea)',
  revocation:
    'Revocation voids the forced red from the revocation date on: evaluations as of that date and later ignore the ' +
    'decision entirely; as of earlier dates the person did hold a red code and the history shows it. (evaluate.ts)',
  forcedRedCode: 'A person given a code by a forced red keeps holding one after the case is closed. (evaluate.ts: codeStart)',
  timeZone: 'Local dates are Asia/Shanghai, a fixed UTC+8 (no daylight saving since 1991). (local-date.ts)',
  emptyLastSeen:
    'A roaming record with an empty last_seen was seen once, on first_seen: its last day is the first_seen day. ' +
    '(load-records.ts; a record still open is sent again with last_seen when the operator sees the phone again)',
  firstCodes:
    "A first code that is red or yellow counts as turning red or yellow that day, and the briefing lists it among the day's " +
    'changes: it is the news a briefing carries. A first green code is counted only as a new code: on the first day of a ' +
    'city those are millions, more than a worksheet holds; the stored change rows (code_changes) leave them out too, and ' +
    'transition_counts counts them per county and day. (FIRST_CODES_AS_CHANGES)',
  keyAreaPublished:
    'A key area counts for the false_declaration detector only from the moment it was published, not from its effective ' +
    "start: saved in the console (database clock) or, for the key_areas feed, the earlier of the file's own time and its " +
    'arrival. A declaration meets the version of each area published before it. Backdating recolours people; it accuses no ' +
    'one. (enforcement/detectors/published-key-areas.ts)',
  greenForecast:
    'The green forecast as of D counts each person red or yellow on D once, in the county of their code on D, on the ' +
    'earliest green date the evaluation as of D gives: the day they turn green if from D+1 on they check in every day ' +
    'with nothing abnormal and no new record arrives. That date is always D+1 … D+14 ("tomorrow" is D+1; no one is ' +
    'counted on D itself); a day without a check-in is not a normal day, so one who did not check in on D counts on ' +
    'D+14. A person an ongoing condition holds on D (an uncleared health record, a forced red in force) has no date ' +
    'and is counted as held. (forecast/green-outlook.ts)',
} as const;

/** Colours whose first issue counts as a change of colour (see INTERPRETATIONS.firstCodes). */
export const FIRST_CODES_AS_CHANGES: readonly string[] = ['red', 'yellow'];

/** Whether a transition from→to counts as turning into `to` (see INTERPRETATIONS.firstCodes). */
export function countsAsTurning(from: string, to: string): boolean {
  return to !== 'none' && (from !== 'none' || FIRST_CODES_AS_CHANGES.includes(to));
}

/** Province code of Shandong: travel inside it triggers nothing. */
export const HOME_PROVINCE = '37';

export function regionInsideArea(regionCode: string, areaCode: string): boolean {
  return regionCode.startsWith(areaCode);
}

export function keyAreaEffectiveOn(area: KeyArea, day: Day): boolean {
  return area.effectiveFrom <= day && (area.effectiveTo === null || day <= area.effectiveTo);
}

export function inKeyAreaOn(regionCode: string, day: Day, areas: readonly KeyArea[]): boolean {
  for (const a of areas) if (regionInsideArea(regionCode, a.regionCode) && keyAreaEffectiveOn(a, day)) return true;
  return false;
}

export function outsideHomeProvince(regionCode: string): boolean {
  return !regionCode.startsWith(HOME_PROVINCE);
}
