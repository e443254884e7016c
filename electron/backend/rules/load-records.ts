/**
 * Reads, for a set of people, everything the rules engine needs, straight from the feed tables:
 * declarations, check-in days (from the per-month bitmaps), abnormal check-ins, health records,
 * roaming (through the resident's phone), travel, medical records and forced reds; plus each
 * person's county in the residents feed. Every person known to any person-keyed feed is included.
 */
import { dayOfInstant } from '../../../shared/domain/local-date.ts';
import type { HealthStatus, KeyArea, PersonRecords } from '../../../shared/domain/rules/records.ts';
import { forcedRedsOf } from './forced-reds.ts';
import { emptyRecords } from '../../../shared/domain/rules/records.ts';
import { isQuiet } from '../../../shared/domain/rules/evaluate.ts';
import { EVALUATED_DAYS } from '../../../shared/domain/feeds/plausible-window.ts';
import type { Db } from '../db/database.ts';
import { type PersonScope, scopeSql } from './person-scope.ts';

export interface LoadedPeople {
  records: Map<string, PersonRecords>;
  residentCounty: Map<string, string | null>;
}

type Row = Record<string, unknown>;

export function loadKeyAreas(db: Db): KeyArea[] {
  return (db.prepare('SELECT region_code, effective_from, effective_to FROM key_areas').all() as Row[]).map((r) => ({
    regionCode: r.region_code as string,
    effectiveFrom: r.effective_from as number,
    effectiveTo: (r.effective_to as number | null) ?? null,
  }));
}

/**
 * `checkinDays: 'needed'` skips the check-in days of people with no record that could trigger
 * anything (isQuiet): their colours do not depend on them, and they are the bulk of a city.
 */
export function loadPeople(db: Db, scope: PersonScope, options: { checkinDays: 'all' | 'needed' } = { checkinDays: 'all' }): LoadedPeople {
  const records = new Map<string, PersonRecords>();
  const residentCounty = new Map<string, string | null>();
  const person = (id: string): PersonRecords => {
    let r = records.get(id);
    if (!r) {
      r = emptyRecords(id);
      records.set(id, r);
    }
    return r;
  };
  // Rows as arrays (raw mode): no object per row, and a city has millions of rows.
  const q = (sql: string, column = 'person_id'): unknown[][] => {
    const s = scopeSql(scope, column);
    return db
      .prepare(sql.replace('$SCOPE', s.sql))
      .raw()
      .all(...s.params) as unknown[][];
  };
  // The lists start as one shared empty list (most people have few kinds of record): a person's
  // own list is made on their first record of that kind.
  const push = (id: string, key: Exclude<keyof PersonRecords, 'personId'>, value: unknown) => {
    const r = person(id) as unknown as Record<string, unknown[]>;
    const list = r[key]!;
    if (Object.isFrozen(list)) r[key] = [value];
    else list.push(value);
  };

  for (const [id, county] of q('SELECT person_id, county_code FROM residents WHERE $SCOPE') as [string, string | null][]) {
    residentCounty.set(id, county ?? null);
    person(id);
  }
  for (const r of q(
    `SELECT person_id, declared_at, day, county_code, confirmed, suspected, close_contact, key_area_visit, fever,
            shortness_of_breath, respiratory_symptoms, febrile_contact, returned_from_outside_province
     FROM declarations WHERE $SCOPE`,
  )) {
    const id = r[0] as string;
    push(id, 'declarations', {
      key: `${id}|${r[1]}`,
      declaredAt: r[1],
      day: r[2],
      countyCode: r[3],
      confirmed: r[4] === 1,
      suspected: r[5] === 1,
      closeContact: r[6] === 1,
      keyAreaVisit: r[7] === 1,
      fever: r[8] === 1,
      shortnessOfBreath: r[9] === 1,
      respiratorySymptoms: r[10] === 1,
      febrileContact: r[11] === 1,
      returnedFromOutsideProvince: r[12] === 1,
    });
  }
  for (const [id, at, day, temperature, symptoms] of q(
    'SELECT person_id, checked_at, day, temperature, symptoms FROM abnormal_checkins WHERE $SCOPE',
  )) {
    push(id as string, 'abnormalCheckins', { key: `${id}|${at}`, checkedAt: at, day, temperature, symptoms: symptoms === 1 });
  }
  for (const [id, at, status, day] of q('SELECT person_id, recorded_at, status, day FROM health_records WHERE $SCOPE')) {
    push(id as string, 'healthRecords', { key: `${id}|${at}|${status}`, recordedAt: at, day, status: status as HealthStatus });
  }
  for (const [id, phone, region, first, last] of q(
    'SELECT p.person_id, ro.phone, ro.region_code, ro.first_seen, ro.last_seen FROM residents p JOIN roaming ro ON ro.phone = p.phone WHERE $SCOPE',
    'p.person_id',
  )) {
    push(id as string, 'roaming', {
      key: `${phone}|${region}|${first}`,
      regionCode: region,
      firstDay: dayOfInstant(first as number),
      // INTERPRETATIONS.emptyLastSeen: seen once, on first_seen.
      lastDay: dayOfInstant((last as number | null) ?? (first as number)),
    });
  }
  for (const [id, at, origin, day] of q('SELECT person_id, arrived_at, origin_region_code, day FROM travel WHERE $SCOPE')) {
    push(id as string, 'travel', { key: `${id}|${at}|${origin}`, day, originRegionCode: origin });
  }
  for (const [id, at, kind, day] of q('SELECT person_id, occurred_at, kind, day FROM medical WHERE $SCOPE')) {
    push(id as string, 'medical', { key: `${id}|${at}|${kind}`, day, kind });
  }
  for (const f of forcedRedsOf(db, scope)) push(f.person_id, 'forcedReds', f.red);
  if (options.checkinDays === 'all') loadCheckinDays(db, scope, person, null);
  else {
    const needed = new Set([...records.values()].filter((r) => !isQuiet(r)).map((r) => r.personId));
    // Someone known only by their check-ins still gets a stored history ("no code"): CLI.md's
    // `code` answers none for them, and `stats` counts them under no_code.
    const checkinsOnly = (id: string) => {
      if (!records.has(id)) person(id);
    };
    // A range is read in one sweep (its people are neighbours in the table: fewer pages than
    // looking up the ones needed one by one); a list of people is looked up.
    if (scope.kind === 'range') loadCheckinDays(db, scope, person, needed, checkinsOnly);
    else {
      if (needed.size) loadCheckinDays(db, { kind: 'ids', ids: [...needed] }, person, needed);
      const unseen = scope.ids.filter((id) => !records.has(id));
      if (unseen.length) loadCheckinDays(db, { kind: 'ids', ids: unseen }, person, new Set(), checkinsOnly);
    }
  }
  // Known from these feeds too, though nothing in them changes a colour.
  for (const [id] of q('SELECT DISTINCT person_id FROM staff WHERE $SCOPE')) person(id as string);
  for (const [id] of q('SELECT DISTINCT person_id FROM scans WHERE $SCOPE')) person(id as string);
  return { records, residentCounty };
}

/** Days with a check-in, from the per-32-day bitmaps (set bits only); `only` limits whose are kept. */
function loadCheckinDays(
  db: Db,
  scope: PersonScope,
  person: (id: string) => PersonRecords,
  only: ReadonlySet<string> | null,
  /** Told of each person whose days are not kept. */
  other?: (id: string) => void,
): void {
  // Only the blocks that exist, each found by a lone min() the primary key answers, and only inside
  // the days the rules ever walk (feeds/plausible-window.ts): a check-in dated by a poisoned cell in
  // the year 275,000 must not make every evaluation step through millions of empty blocks.
  const next = db.prepare('SELECT min(block) AS b FROM checkin_days WHERE block >= ? AND block <= ?').pluck();
  const lastBlock = Math.floor(EVALUATED_DAYS.last / 32);
  const nextBlock = (from: number) => next.get(from, lastBlock) as number | null;
  const s = scopeSql(scope);
  const stmt = db.prepare(`SELECT person_id, mask FROM checkin_days WHERE block = ? AND ${s.sql}`).raw();
  const days = new Map<string, number[]>();
  for (let block = nextBlock(Math.floor(EVALUATED_DAYS.first / 32)); block !== null; block = nextBlock(block + 1)) {
    const base = block * 32;
    for (const [id, mask] of stmt.all(block, ...s.params) as [string, number][]) {
      if (only && !only.has(id)) {
        other?.(id);
        continue;
      }
      let list = days.get(id);
      if (!list) {
        list = [];
        days.set(id, list);
      }
      let m = mask >>> 0;
      while (m !== 0) {
        const low = m & -m;
        list.push(base + 31 - Math.clz32(low));
        m = (m ^ low) >>> 0;
      }
    }
  }
  for (const [id, list] of days) person(id).checkinDays = list;
}
