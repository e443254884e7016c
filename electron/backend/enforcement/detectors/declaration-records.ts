/**
 * The SQL side of the false-declaration detector: who could have declared falsely since the last
 * run, and their declarations beside what the departments recorded about them.
 *
 * Everything is driven from the small side. A declaration can only be contradicted by a department
 * record (roaming outside Shandong or in a key area, travel, health, medical): about 1% of people.
 * So the candidates are those people, never the millions of clean declarations: at a daily run,
 * the people with new department rows plus the department people with a new declaration.
 */
import type { Db } from '../../db/database.ts';
import type { BatchWindow } from './batch-window.ts';

export interface DeclarationRow {
  personId: string;
  declaredAt: number;
  confirmed: boolean;
  suspected: boolean;
  closeContact: boolean;
  keyAreaVisit: boolean;
  fever: boolean;
  returnedFromOutsideProvince: boolean;
}

export interface StayRow {
  phone: string;
  regionCode: string;
  firstSeen: number;
  lastSeen: number | null;
  carrier: string | null;
}

export interface ArrivalRow {
  arrivedAt: number;
  originRegionCode: string;
  mode: string | null;
}

export interface CareRow {
  occurredAt: number;
  kind: 'fever_clinic' | 'fever_medicine';
  facility: string | null;
}

export interface HealthRow {
  recordedAt: number;
  status: 'confirmed' | 'suspected' | 'close_contact' | 'cleared';
}

export interface DepartmentRecords {
  declarations: DeclarationRow[];
  stays: StayRow[];
  arrivals: ArrivalRow[];
  care: CareRow[];
  health: HealthRow[];
}

/** Roaming inside Shandong contradicts nothing unless a key area lies inside Shandong. */
const TELLING_ROAMING = `(ro.region_code NOT LIKE '37%'
  OR EXISTS (SELECT 1 FROM key_areas k WHERE substr(ro.region_code, 1, length(k.region_code)) = k.region_code))`;

type Rows = 'new' | 'all';

/** A batch condition on a column: rows from new batches, or all final rows. */
function batches(column: string, rows: Rows): string {
  return rows === 'new' ? `${column} > @after AND ${column} <= @upTo` : `${column} <= @upTo`;
}

/**
 * CROSS JOIN keeps roaming as the outer loop: left to itself the planner walked all residents
 * (4 million at city scale) to reach the few with roaming records.
 */
function departmentPeople(rows: Rows): string {
  return `SELECT person_id FROM health_records WHERE ${batches('batch_id', rows)}
    UNION SELECT person_id FROM travel WHERE ${batches('batch_id', rows)}
    UNION SELECT person_id FROM medical WHERE ${batches('batch_id', rows)}
    UNION SELECT r.person_id FROM roaming ro CROSS JOIN residents r ON r.phone = ro.phone WHERE ${batches('ro.batch_id', rows)} AND ${TELLING_ROAMING}`;
}

/** Whether the person of declaration `d` has any department record that could contradict it. */
const HAS_DEPARTMENT_RECORD = `(EXISTS (SELECT 1 FROM health_records t WHERE t.person_id = d.person_id AND t.batch_id <= @upTo)
  OR EXISTS (SELECT 1 FROM travel t WHERE t.person_id = d.person_id AND t.batch_id <= @upTo)
  OR EXISTS (SELECT 1 FROM medical t WHERE t.person_id = d.person_id AND t.batch_id <= @upTo)
  OR EXISTS (SELECT 1 FROM residents r CROSS JOIN roaming ro ON ro.phone = r.phone
             WHERE r.person_id = d.person_id AND ro.batch_id <= @upTo AND ${TELLING_ROAMING}))`;

/**
 * The people whose declarations may have become contradicted: in a full run (or the first) everyone
 * with a department record; otherwise those with department rows from new batches, residents whose
 * new phone number has roaming rows, and the people of new declarations who have any department
 * record (a few key lookups per new declaration: a city's day brings tens of thousands). A change of
 * key areas can turn any old trip into a key-area visit: then every department person is a candidate.
 */
export function declarationCandidates(db: Db, w: BatchWindow, full: boolean): string[] {
  const params = { after: w.after, upTo: w.upTo };
  const keyAreasChanged = db.prepare(`SELECT 1 FROM key_areas WHERE ${batches('batch_id', 'new')} LIMIT 1`).get(params) !== undefined;
  const sql =
    full || w.after === 0 || keyAreasChanged
      ? departmentPeople('all')
      : `${departmentPeople('new')}
    UNION SELECT r.person_id FROM residents r
      WHERE ${batches('r.batch_id', 'new')} AND r.phone IS NOT NULL
        AND EXISTS (SELECT 1 FROM roaming ro WHERE ro.phone = r.phone AND ${TELLING_ROAMING})
    UNION SELECT d.person_id FROM declarations d WHERE ${batches('d.batch_id', 'new')} AND ${HAS_DEPARTMENT_RECORD}`;
  return (db.prepare(`${sql} ORDER BY 1`).raw().all(params) as [string][]).map((r) => r[0]);
}

/** The declarations and department records of some people (a chunk of candidates). */
export function loadDepartmentRecords(db: Db, ids: readonly string[], upTo: number): Map<string, DepartmentRecords> {
  const out = new Map<string, DepartmentRecords>();
  const of = (id: string): DepartmentRecords => {
    let r = out.get(id);
    if (!r) out.set(id, (r = { declarations: [], stays: [], arrivals: [], care: [], health: [] }));
    return r;
  };
  const q = (sql: string) => db.prepare(sql).raw().all(JSON.stringify(ids), upTo) as unknown[][];
  // The candidates drive every lookup (CROSS JOIN fixes the loop order): a key seek each.
  const from = (table: string) => `FROM json_each(?) j CROSS JOIN ${table} t ON t.person_id = j.value WHERE t.batch_id <= ?`;
  const yes = (v: unknown) => v === 1;
  for (const r of q(`SELECT t.person_id, t.declared_at, t.confirmed, t.suspected, t.close_contact, t.key_area_visit, t.fever,
                       t.returned_from_outside_province ${from('declarations')}`)) {
    const personId = r[0] as string;
    of(personId).declarations.push({
      personId,
      declaredAt: r[1] as number,
      confirmed: yes(r[2]),
      suspected: yes(r[3]),
      closeContact: yes(r[4]),
      keyAreaVisit: yes(r[5]),
      fever: yes(r[6]),
      returnedFromOutsideProvince: yes(r[7]),
    });
  }
  for (const r of q(`SELECT t.person_id, ro.phone, ro.region_code, ro.first_seen, ro.last_seen, ro.carrier
                     FROM json_each(?) j CROSS JOIN residents t ON t.person_id = j.value CROSS JOIN roaming ro ON ro.phone = t.phone
                     WHERE ro.batch_id <= ?`)) {
    of(r[0] as string).stays.push({
      phone: r[1] as string,
      regionCode: r[2] as string,
      firstSeen: r[3] as number,
      lastSeen: r[4] as number | null,
      carrier: r[5] as string | null,
    });
  }
  for (const r of q(`SELECT t.person_id, t.arrived_at, t.origin_region_code, t.mode ${from('travel')}`)) {
    of(r[0] as string).arrivals.push({ arrivedAt: r[1] as number, originRegionCode: r[2] as string, mode: r[3] as string | null });
  }
  for (const r of q(`SELECT t.person_id, t.occurred_at, t.kind, t.facility ${from('medical')}`)) {
    of(r[0] as string).care.push({ occurredAt: r[1] as number, kind: r[2] as CareRow['kind'], facility: r[3] as string | null });
  }
  for (const r of q(`SELECT t.person_id, t.recorded_at, t.status ${from('health_records')}`)) {
    of(r[0] as string).health.push({ recordedAt: r[1] as number, status: r[2] as HealthRow['status'] });
  }
  return out;
}
