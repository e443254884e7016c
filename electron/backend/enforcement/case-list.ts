/**
 * The case queue's query: cases filtered by state, behaviour, county and a typed search, sorted by
 * age, paged. Age is the time since the case was opened (`opened_at`), not since its last move:
 * the due-process clock runs from the suspicion, and an order that moves do not change keeps a
 * page where it was while cases on it are being reviewed (a bulk review does not reshuffle it).
 */
import type { Behavior, CaseState } from '../../../shared/domain/cases.ts';
import { isValidPersonId, normalizePersonId } from '../../../shared/domain/person-id.ts';
import type { Db } from '../db/database.ts';
import type { CaseRow } from './cases.ts';

export type CaseSort = 'newest' | 'oldest';

/**
 * How a typed search was read, as the people search reads one (people-service.ts findPeople): a
 * whole ID number (18 characters, its check digit right), a mobile phone (11 digits), `#12` a case
 * number, anything else the start of a name. Part of an ID number finds nothing
 * (`id_incomplete`): the people search does not look people up by fragments of their ID either,
 * and the queue says to type it whole.
 */
export type CaseSearch =
  | { kind: 'id'; personId: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'case'; id: number }
  | { kind: 'name'; name: string }
  | { kind: 'id_incomplete' };

export function readCaseSearch(typed: string): CaseSearch {
  const q = typed.trim();
  if (q.length === 18 && isValidPersonId(q)) return { kind: 'id', personId: normalizePersonId(q) };
  if (/^1\d{10}$/.test(q)) return { kind: 'phone', phone: q };
  const caseNumber = /^[#＃](\d{1,12})$/.exec(q);
  if (caseNumber) return { kind: 'case', id: Number(caseNumber[1]) };
  if (/^\d[\dXx]*$/.test(q)) return { kind: 'id_incomplete' };
  return { kind: 'name', name: q };
}

export interface CaseQuery {
  state?: CaseState | undefined;
  behavior?: Behavior | undefined;
  county?: string | null | undefined;
  personId?: string | undefined;
  search?: CaseSearch | undefined;
  sort?: CaseSort | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

function where(q: CaseQuery): { sql: string; params: unknown[] } {
  const filters: [sql: string, ...params: unknown[]][] = [];
  if (q.state) filters.push(['c.state = ?', q.state]);
  if (q.behavior) filters.push(['c.behavior = ?', q.behavior]);
  if (q.county) filters.push(['c.county_code = ?', q.county]);
  if (q.personId) filters.push(['c.person_id = ?', q.personId]);
  const s = q.search;
  if (s?.kind === 'id') filters.push(['c.person_id = ?', s.personId]);
  if (s?.kind === 'phone') filters.push(['c.person_id IN (SELECT r.person_id FROM residents r WHERE r.phone = ?)', s.phone]);
  if (s?.kind === 'case') filters.push(['c.id = ?', s.id]);
  // Exactly the name or a name it starts with, as people are searched (through residents_name).
  if (s?.kind === 'name')
    filters.push(['c.person_id IN (SELECT r.person_id FROM residents r WHERE r.name >= ? AND r.name < ?)', s.name, `${s.name}\uffff`]);
  if (s?.kind === 'id_incomplete') filters.push(['0']);
  return {
    sql: filters.length ? `WHERE ${filters.map(([sql]) => sql).join(' AND ')}` : '',
    params: filters.flatMap(([, ...params]) => params),
  };
}

/** Newest or oldest first; cases opened at the same instant in the order they were opened. */
const ORDER: Record<CaseSort, string> = {
  newest: 'c.opened_at DESC, c.id DESC',
  oldest: 'c.opened_at, c.id',
};

export function listCases(db: Db, q: CaseQuery): { rows: CaseRow[]; total: number } {
  const w = where(q);
  const rows = db
    .prepare(`SELECT c.* FROM cases c ${w.sql} ORDER BY ${ORDER[q.sort ?? 'newest']} LIMIT ? OFFSET ?`)
    .all(...w.params, q.limit ?? -1, q.offset ?? 0) as CaseRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM cases c ${w.sql}`).get(...w.params) as { n: number }).n;
  return { rows, total };
}

export function countsByState(db: Db, county: string | null): Record<CaseState, number> {
  const counts = { suspected: 0, under_review: 0, decided: 0, dismissed: 0, appealed: 0, upheld: 0, revoked: 0, closed: 0 } as Record<
    CaseState,
    number
  >;
  const rows = db
    .prepare(`SELECT state, count(*) AS n FROM cases ${county ? 'WHERE county_code = ?' : ''} GROUP BY state`)
    .all(...(county ? [county] : [])) as { state: CaseState; n: number }[];
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}
