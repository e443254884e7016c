/**
 * Credit records (诚信记录): written once by a decision, never changed or deleted (triggers
 * refuse it, and this module has no function that would try). A revocation is a new event; a
 * record's status is effective until one exists. Numbers (BZXY-2020-000123) are per year and never
 * reused: records are never deleted, so the next number is one past the highest.
 */
import type { Behavior } from '../../../shared/domain/cases.ts';
import { type Day, addDays, dayOfInstant, dayParts, dayStartInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { LEGAL_BASIS } from './legal-basis.ts';

export interface CreditRecord {
  id: number;
  number: string;
  case_id: number;
  person_id: string;
  behavior: Behavior;
  evidence_summary: string;
  legal_basis: string;
  decision: string;
  decided_by: string;
  decided_at: number;
  decided_day: number;
  county_code: string | null;
  status: 'effective' | 'revoked';
  revoked_at: number | null;
  revoked_reason: string | null;
}

export function creditNumber(year: number, seq: number): string {
  return `BZXY-${year}-${String(seq).padStart(6, '0')}`;
}

export function createCreditRecord(
  db: Db,
  r: {
    caseId: number;
    personId: string;
    behavior: Behavior;
    evidenceSummary: string;
    decision: string;
    decidedBy: string;
    decidedAt: number;
    county: string | null;
  },
): CreditRecord {
  const day = dayOfInstant(r.decidedAt);
  const year = dayParts(day).year;
  const seq = ((db.prepare('SELECT max(seq) AS s FROM credit_records WHERE year = ?').get(year) as { s: number | null }).s ?? 0) + 1;
  const info = db
    .prepare(
      `INSERT INTO credit_records (number, year, seq, case_id, person_id, behavior, evidence_summary, legal_basis, decision,
         decided_by, decided_at, decided_day, county_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      creditNumber(year, seq),
      year,
      seq,
      r.caseId,
      r.personId,
      r.behavior,
      r.evidenceSummary,
      LEGAL_BASIS,
      r.decision,
      r.decidedBy,
      r.decidedAt,
      day,
      r.county,
    );
  return getCreditRecord(db, Number(info.lastInsertRowid))!;
}

export function revokeCreditRecord(db: Db, recordId: number, user: string, reason: string, at: number): void {
  db.prepare("INSERT INTO credit_record_events (record_id, kind, at, day, user_name, reason) VALUES (?, 'revoked', ?, ?, ?, ?)").run(
    recordId,
    at,
    dayOfInstant(at),
    user,
    reason,
  );
}

const SELECT = `
  SELECT r.*, CASE WHEN e.id IS NULL THEN 'effective' ELSE 'revoked' END AS status, e.at AS revoked_at, e.reason AS revoked_reason
  FROM credit_records r LEFT JOIN credit_record_events e ON e.record_id = r.id AND e.kind = 'revoked'`;

export function getCreditRecord(db: Db, id: number): CreditRecord | undefined {
  return db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as CreditRecord | undefined;
}

export function creditRecordOfCase(db: Db, caseId: number): CreditRecord | undefined {
  return db.prepare(`${SELECT} WHERE r.case_id = ? ORDER BY r.id DESC LIMIT 1`).get(caseId) as CreditRecord | undefined;
}

export function creditRecordsOf(db: Db, personId: string): CreditRecord[] {
  return db.prepare(`${SELECT} WHERE r.person_id = ? ORDER BY r.id`).all(personId) as CreditRecord[];
}

export interface CreditQuery {
  county?: string | null;
  /** Decided on or after this day, on or before `to` (Binzhou dates): the period the credit system asks for. */
  from?: Day;
  to?: Day;
  offset?: number;
  limit?: number;
}

export function listCreditRecords(db: Db, q: CreditQuery = {}): { rows: CreditRecord[]; total: number } {
  const filters: [string, unknown][] = [];
  if (q.county) filters.push(['r.county_code = ?', q.county]);
  if (q.from !== undefined) filters.push(['r.decided_at >= ?', dayStartInstant(q.from)]);
  if (q.to !== undefined) filters.push(['r.decided_at < ?', dayStartInstant(addDays(q.to, 1))]);
  const where = filters.length ? `WHERE ${filters.map(([c]) => c).join(' AND ')}` : '';
  const params = filters.map(([, v]) => v);
  const rows = db
    .prepare(`${SELECT} ${where} ORDER BY r.id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit ?? -1, q.offset ?? 0) as CreditRecord[];
  const total = (db.prepare(`SELECT count(*) AS n FROM credit_records r ${where}`).get(...params) as { n: number }).n;
  return { rows, total };
}
