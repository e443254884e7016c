/** Builds a person's records for the rules engine from readable dates (tests only). */
import { formatDay, parseDay, type Day } from '../../shared/domain/local-date.ts';
import type { DeclarationRecord, ForcedRed, HealthStatus, KeyArea, PersonRecords } from '../../shared/domain/rules/records.ts';
import { emptyRecords } from '../../shared/domain/rules/records.ts';

export const day = (iso: string): Day => {
  const d = parseDay(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
};
export const iso = (d: Day | null): string | null => (d === null ? null : formatDay(d));

/** Days from a to b inclusive. */
export function days(a: string, b: string): Day[] {
  const out: Day[] = [];
  for (let d = day(a); d <= day(b); d++) out.push(d);
  return out;
}

export const HUBEI: KeyArea = { regionCode: '42', effectiveFrom: day('2020-01-23'), effectiveTo: null };

type Flags = Partial<Omit<DeclarationRecord, 'key' | 'declaredAt' | 'day' | 'countyCode'>>;

export class Person {
  records: PersonRecords;
  constructor(id = '371602198001010005') {
    this.records = emptyRecords(id);
  }
  private push<K extends keyof PersonRecords>(k: K, v: PersonRecords[K] extends readonly (infer T)[] ? T : never): this {
    (this.records[k] as unknown[]) = [...(this.records[k] as unknown[]), v];
    return this;
  }
  declares(date: string, flags: Flags = {}, county = '371602'): this {
    return this.push('declarations', {
      key: `${this.records.personId}|${date}`,
      declaredAt: 0,
      day: day(date),
      countyCode: county,
      confirmed: false,
      suspected: false,
      closeContact: false,
      keyAreaVisit: false,
      fever: false,
      shortnessOfBreath: false,
      respiratorySymptoms: false,
      febrileContact: false,
      returnedFromOutsideProvince: false,
      ...flags,
    });
  }
  checksIn(...dates: Day[]): this {
    this.records = { ...this.records, checkinDays: [...new Set([...this.records.checkinDays, ...dates])].sort((a, b) => a - b) };
    return this;
  }
  abnormal(date: string, temperature = 37.5, symptoms = false): this {
    this.checksIn(day(date));
    return this.push('abnormalCheckins', { key: `c|${date}|${temperature}`, checkedAt: 0, day: day(date), temperature, symptoms });
  }
  health(date: string, status: HealthStatus, at = 0): this {
    return this.push('healthRecords', { key: `h|${date}|${status}`, recordedAt: day(date) * 86_400_000 + at, day: day(date), status });
  }
  roams(region: string, first: string, last: string): this {
    return this.push('roaming', { key: `r|${region}|${first}`, regionCode: region, firstDay: day(first), lastDay: day(last) });
  }
  travels(date: string, origin: string): this {
    return this.push('travel', { key: `t|${date}|${origin}`, day: day(date), originRegionCode: origin });
  }
  medical(date: string, kind: 'fever_clinic' | 'fever_medicine' = 'fever_medicine'): this {
    return this.push('medical', { key: `m|${date}|${kind}`, day: day(date), kind });
  }
  forcedRed(decided: string, closed: string | null = null, revoked: string | null = null): this {
    const f: ForcedRed = {
      key: `case|${decided}`,
      decidedDay: day(decided),
      closedDay: closed ? day(closed) : null,
      revokedDay: revoked ? day(revoked) : null,
    };
    return this.push('forcedReds', f);
  }
}
