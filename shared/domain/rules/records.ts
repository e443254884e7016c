/**
 * What the rules read about one person: their records from the feeds (already validated and typed
 * by the importer), the key areas, and enforcement decisions. Dates are local `Day` numbers;
 * instants are epoch milliseconds. Each record carries the key that identifies it in its feed, so
 * every reason can point at the record behind it.
 */
import type { Day } from '../local-date.ts';

export interface DeclarationRecord {
  key: string;
  declaredAt: number;
  day: Day;
  countyCode: string;
  confirmed: boolean;
  suspected: boolean;
  closeContact: boolean;
  keyAreaVisit: boolean;
  fever: boolean;
  shortnessOfBreath: boolean;
  respiratorySymptoms: boolean;
  febrileContact: boolean;
  returnedFromOutsideProvince: boolean;
}

export interface AbnormalCheckin {
  key: string;
  checkedAt: number;
  day: Day;
  temperature: number;
  symptoms: boolean;
}

export type HealthStatus = 'confirmed' | 'suspected' | 'close_contact' | 'cleared';

export interface HealthRecord {
  key: string;
  recordedAt: number;
  day: Day;
  status: HealthStatus;
}

export interface RoamingRecord {
  key: string;
  regionCode: string;
  firstDay: Day;
  /** The day of last_seen (or of first_seen when last_seen is empty: INTERPRETATIONS.emptyLastSeen). */
  lastDay: Day;
}

export interface TravelRecord {
  key: string;
  day: Day;
  originRegionCode: string;
}

export interface MedicalRecord {
  key: string;
  day: Day;
  kind: 'fever_clinic' | 'fever_medicine';
}

/** An enforcement decision that forces the code red (ENFORCEMENT.md). */
export interface ForcedRed {
  key: string;
  decidedDay: Day;
  /** The day the case was closed, if it was. */
  closedDay: Day | null;
  /** Set when the decision was revoked on appeal: void from that day on. */
  revokedDay: Day | null;
}

export interface KeyArea {
  regionCode: string;
  effectiveFrom: Day;
  /** Null: open-ended. */
  effectiveTo: Day | null;
}

export interface PersonRecords {
  personId: string;
  declarations: readonly DeclarationRecord[];
  /** Days with at least one check-in, ascending, no repeats. */
  checkinDays: readonly Day[];
  abnormalCheckins: readonly AbnormalCheckin[];
  healthRecords: readonly HealthRecord[];
  roaming: readonly RoamingRecord[];
  travel: readonly TravelRecord[];
  medical: readonly MedicalRecord[];
  forcedReds: readonly ForcedRed[];
}

const NONE: readonly never[] = Object.freeze([]);

/** A person with no records yet. The empty lists are shared (frozen): replace, never push. */
export function emptyRecords(personId: string): PersonRecords {
  return {
    personId,
    declarations: NONE,
    checkinDays: NONE,
    abnormalCheckins: NONE,
    healthRecords: NONE,
    roaming: NONE,
    travel: NONE,
    medical: NONE,
    forcedReds: NONE,
  };
}
