/**
 * How cases and credit records look to the interface: people by reference (made by `refOf` for the
 * caller's session), IDs and names masked.
 */
import type { CaseDetail, CaseSummary, CreditRecordView, EvidenceView } from '../../../shared/contract/enforcement.ts';
import { allowedMoves, type Behavior, type CaseState } from '../../../shared/domain/cases.ts';
import { dayOfInstant } from '../../../shared/domain/local-date.ts';
import { maskIdentifiers, maskName, maskPersonId } from '../../../shared/domain/masking.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Db } from '../db/database.ts';
import { colourAndCounty } from '../people/people-service.ts';
import { type CaseRow, caseHistory } from './cases.ts';
import { type CreditRecord, creditRecordOfCase } from './credit-records.ts';
import type { Evidence } from './evidence.ts';
import { decisionDeliveries } from '../decisions/decision-outbox.ts';

/** Makes the page's reference to a person (bound to the caller's session). */
export type RefOf = (personId: string) => string;

function nameOf(db: Db, personId: string): string | null {
  const r = db.prepare('SELECT name FROM residents WHERE person_id = ?').get(personId) as { name: string | null } | undefined;
  return r?.name ? maskName(r.name) : null;
}

export function caseSummary(db: Db, refOf: RefOf, c: CaseRow): CaseSummary {
  const evidence = JSON.parse(c.evidence) as Evidence;
  return {
    id: c.id,
    ref: refOf(c.person_id),
    idMasked: maskPersonId(c.person_id),
    nameMasked: nameOf(db, c.person_id),
    county: c.county_code,
    behavior: c.behavior,
    state: c.state,
    openedAt: c.opened_at,
    openedBy: c.opened_by,
    decidedAt: c.decided_at,
    summary: maskIdentifiers(evidence.summary),
    summaryClauses: evidence.clauses ? maskedStrings(evidence.clauses) : null,
  };
}

/** Names in a summary's clauses are data (sites, facilities, key areas): any ID or phone typed into one is masked. */
function maskedStrings<T>(value: T): T {
  if (typeof value === 'string') return maskIdentifiers(value) as T;
  if (Array.isArray(value)) return value.map(maskedStrings) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskedStrings(v)])) as T;
  return value;
}

export function creditView(db: Db, refOf: RefOf, r: CreditRecord): CreditRecordView {
  return {
    number: r.number,
    caseId: r.case_id,
    ref: refOf(r.person_id),
    idMasked: maskPersonId(r.person_id),
    nameMasked: nameOf(db, r.person_id),
    county: r.county_code,
    behavior: r.behavior as Behavior,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decision: r.decision,
    legalBasis: r.legal_basis,
    status: r.status,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
  };
}

export function caseDetail(db: Db, refOf: RefOf, c: CaseRow, role: Role, now: number): CaseDetail {
  const evidence = JSON.parse(c.evidence) as Evidence;
  const view: EvidenceView = {
    rule: evidence.rule,
    summary: evidence.summary,
    thresholds: evidence.thresholds,
    records: evidence.records.map((r) => ({
      feed: r.feed,
      key: maskIdentifiers(r.key),
      at: r.at,
      detail: Object.fromEntries(Object.entries(r.detail).map(([k, v]) => [k, typeof v === 'string' ? maskIdentifiers(v) : v])),
    })),
  };
  const record = creditRecordOfCase(db, c.id);
  return {
    ...caseSummary(db, refOf, c),
    evidence: view,
    history: caseHistory(db, c.id).map((h) => ({
      at: h.at,
      user: h.user_name,
      move: h.move,
      from: h.from_state as CaseState | null,
      to: h.to_state as CaseState,
      reason: h.reason,
    })),
    allowedMoves: allowedMoves(c.state, role),
    creditRecord: record ? creditView(db, refOf, record) : null,
    color: colourAndCounty(db, c.person_id, dayOfInstant(now)).color,
    // Whether the platform that shows people their code has heard of each outcome yet.
    platform: decisionDeliveries(db, c.id),
  };
}
