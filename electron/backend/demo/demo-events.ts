/**
 * The department events of the demo city (telecom roaming, transport arrivals, medical insurance,
 * health commission) and the declaration flags an honest person derives from their own events.
 *
 * Days count from the start date (0 = start); `sec` is the local second of the day.
 */
import { isKeyRegion, isOutsideShandong } from './demo-geography.ts';
import type { Carrier } from './demo-identities.ts';

/** A day after every demo day: "not within the period". Fits an Int16Array. */
export const NEVER = 32_767;

export interface RoamingStay {
  /** Person index, for the phone. */
  person: number;
  region: string;
  carrier: Carrier;
  firstDay: number;
  firstSec: number;
  lastDay: number;
  lastSec: number;
}

export type TravelMode = 'train' | 'flight' | 'road' | 'other';

export interface Arrival {
  person: number;
  day: number;
  sec: number;
  origin: string;
  mode: TravelMode;
}

export type MedicalKind = 'fever_clinic' | 'fever_medicine';

export interface MedicalVisit {
  person: number;
  day: number;
  sec: number;
  kind: MedicalKind;
  facility: string;
}

export type HealthStatus = 'confirmed' | 'suspected' | 'close_contact';

export interface HealthCase {
  person: number;
  status: HealthStatus;
  day: number;
  sec: number;
  /** NEVER while still active at the end of the period. */
  clearedDay: number;
  clearedSec: number;
}

export interface Sickness {
  start: number;
  length: number;
}

/** Everything the departments know about one person: what their declarations must agree with. */
export interface PersonEvents {
  stays: RoamingStay[];
  arrivals: Arrival[];
  medical: MedicalVisit[];
  health: HealthCase[];
  sickness: Sickness | null;
}

export function noEvents(): PersonEvents {
  return { stays: [], arrivals: [], medical: [], health: [], sickness: null };
}

export function hasAnyEvent(e: PersonEvents): boolean {
  return e.stays.length + e.arrivals.length + e.medical.length + e.health.length > 0 || e.sickness !== null;
}

/** Whether any event makes the person red or yellow (a trip inside Shandong does not). */
export function hasTrigger(e: PersonEvents): boolean {
  return (
    e.stays.some((s) => isOutsideShandong(s.region)) ||
    e.arrivals.some((a) => isOutsideShandong(a.origin)) ||
    e.medical.length > 0 ||
    e.health.length > 0 ||
    e.sickness !== null
  );
}

/** Declaration flag bits, in the order of the declarations feed's boolean columns. */
export const FLAG = {
  confirmed: 1 << 0,
  suspected: 1 << 1,
  close_contact: 1 << 2,
  key_area_visit: 1 << 3,
  fever: 1 << 4,
  shortness_of_breath: 1 << 5,
  respiratory_symptoms: 1 << 6,
  febrile_contact: 1 << 7,
  returned_from_outside_province: 1 << 8,
} as const;

export const FLAG_COLUMNS = Object.keys(FLAG) as (keyof typeof FLAG)[];

/**
 * The flags an honest person declares on day `day`, from their own events. The windows are a day
 * wider than the detectors' (14 days for trips, 3 for fever care) and count events later on the same
 * day: declaring too much is never fraud, declaring too little would make an honest person a suspect.
 */
export function honestFlags(e: PersonEvents, day: number): number {
  let flags = 0;
  const trip = (region: string) => {
    if (isKeyRegion(region)) flags |= FLAG.key_area_visit;
    if (isOutsideShandong(region)) flags |= FLAG.returned_from_outside_province;
  };
  for (const s of e.stays) if (s.firstDay <= day && s.lastDay >= day - 15) trip(s.region);
  for (const a of e.arrivals) if (a.day <= day && a.day >= day - 15) trip(a.origin);
  for (const m of e.medical) if (m.day <= day && m.day >= day - 4) flags |= FLAG.fever;
  for (const h of e.health) if (h.day <= day && h.clearedDay >= day) flags |= FLAG[h.status];
  const sick = e.sickness;
  if (sick && sick.start <= day && sick.start + sick.length - 1 >= day - 3) flags |= FLAG.fever;
  return flags;
}

/** Per-day lists of department rows, filled by the plan and read by the day writers. */
export class DayBuckets<T> {
  readonly byDay: T[][];

  /** Empty lists for `days` days, or the given lists (a plan handed to a worker thread). */
  constructor(days: number | T[][]) {
    this.byDay = typeof days === 'number' ? Array.from({ length: days }, () => []) : days;
  }

  /** The first day with any rows, or -1. */
  firstBusyDay(): number {
    return this.byDay.findIndex((rows) => rows.length > 0);
  }

  /** Files exist only for the period: earlier events go to the first day's file (a backlog). */
  add(day: number, item: T): void {
    const d = Math.max(0, day);
    if (d < this.byDay.length) this.byDay[d]!.push(item);
  }

  on(day: number): readonly T[] {
    return this.byDay[day] ?? [];
  }
}

/** A health-commission row: the case's record, or its clearance. */
export interface HealthRow {
  person: number;
  sec: number;
  status: HealthStatus | 'cleared';
}
