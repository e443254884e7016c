/**
 * Cases: opened by a detector (once per behaviour, person and evidence) or flagged by an officer,
 * then moved through the workflow of shared/domain/cases.ts by the roles it allows. Every move
 * writes the case history (append-only) and the audit log in the same transaction; a decision
 * writes the credit record and forces the code red, a revocation voids it. Each of those outcomes,
 * and the end of a served term, goes into the decision outbox in that transaction too: the platform
 * that shows people their code hears of every one (decisions/).
 */
import { createHash } from 'node:crypto';
import { type Behavior, type CaseMove, type CaseState, checkMove } from '../../../shared/domain/cases.ts';
import { type Role, can } from '../../../shared/domain/roles.ts';
import type { PlatformAction } from '../../../shared/contract/enforcement.ts';
import { maskIdentifiers, maskPersonId } from '../../../shared/domain/masking.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { audit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { auditTargetOf } from '../people/people-service.ts';
// The county a case is filed in is the scope check's county: a county user can open what they can find.
import { personCounty } from '../people/person-county.ts';
import { createCreditRecord, creditRecordOfCase, revokeCreditRecord } from './credit-records.ts';
import { enqueueDecision } from '../decisions/decision-outbox.ts';
import { type Evidence, actRecords, joinedClauses, withoutClauses } from './evidence.ts';

export interface CaseRow {
  id: number;
  person_id: string;
  behavior: Behavior;
  state: CaseState;
  evidence: string;
  evidence_key: string;
  county_code: string | null;
  opened_at: number;
  opened_by: string;
  decided_at: number | null;
  revoked_at: number | null;
  closed_at: number | null;
  updated_at: number;
}

export interface HistoryRow {
  id: number;
  case_id: number;
  at: number;
  user_name: string;
  move: string;
  from_state: string | null;
  to_state: string;
  reason: string;
}

export function getCase(db: Db, id: number): CaseRow | undefined {
  return db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
}

export function caseHistory(db: Db, id: number): HistoryRow[] {
  return db.prepare('SELECT * FROM case_history WHERE case_id = ? ORDER BY id').all(id) as HistoryRow[];
}

/** Opens a case unless the same evidence already opened one; returns its id, or null. */
export function openCase(
  db: Db,
  c: { personId: string; behavior: Behavior; evidence: Evidence; evidenceKey: string; openedBy: string; at: number },
): number | null {
  return db.transaction(() => {
    // The same evidence key (a declaration already a case): a contradiction that arrived later is
    // added to the case while it is undecided, never a second case.
    const same = db.prepare('SELECT id FROM cases WHERE evidence_key = ?').pluck().get(c.evidenceKey) as number | undefined;
    if (same !== undefined) {
      addEvidence(db, same, c, 'replace');
      return null;
    }
    const acts = actRecords(c.behavior, c.evidence);
    const known = db
      .prepare('SELECT case_id FROM case_evidence_records WHERE behavior = ? AND person_id = ? AND feed = ? AND record_key = ?')
      .pluck();
    const remember = db.prepare(
      'INSERT OR IGNORE INTO case_evidence_records (behavior, person_id, feed, record_key, case_id) VALUES (?, ?, ?, ?, ?)',
    );
    const earlier = acts.map((r) => known.get(c.behavior, c.personId, r.feed, r.key) as number | undefined).find((id) => id !== undefined);
    if (earlier !== undefined) {
      // The same act seen again (a run of scans growing): its new records join the earlier case's
      // coverage, so the run's next step is recognised too, and its evidence while it is undecided.
      for (const r of acts) remember.run(c.behavior, c.personId, r.feed, r.key, earlier);
      addEvidence(db, earlier, c, 'append');
      return null;
    }
    const info = db
      .prepare(
        `INSERT INTO cases (person_id, behavior, state, evidence, evidence_key, county_code, opened_at, opened_by, updated_at)
         VALUES (?, ?, 'suspected', ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.personId, c.behavior, JSON.stringify(c.evidence), c.evidenceKey, personCounty(db, c.personId), c.at, c.openedBy, c.at);
    const id = Number(info.lastInsertRowid);
    for (const r of acts) remember.run(c.behavior, c.personId, r.feed, r.key, id);
    db.prepare('INSERT INTO case_history (case_id, at, user_name, move, from_state, to_state, reason) VALUES (?, ?, ?, ?, NULL, ?, ?)').run(
      id,
      c.at,
      c.openedBy,
      'open',
      'suspected',
      c.evidence.summary,
    );
    audit(db, {
      user: c.openedBy,
      action: 'case.open',
      target: auditTargetOf(db, c.personId),
      details: { case: id, behavior: c.behavior, rule: c.evidence.rule, masked: maskPersonId(c.personId) },
      at: c.at,
    });
    return id;
  })();
}

/**
 * New records of an act already a case, added while the case is undecided (suspected or under
 * review), with a line in its history and the audit log. `replace` takes the new rule and summary
 * (the detector looked at the whole act again); `append` adds the new summary to the old one.
 */
function addEvidence(
  db: Db,
  caseId: number,
  c: { personId: string; evidence: Evidence; openedBy: string; at: number },
  summary: 'replace' | 'append',
): void {
  const row = db.prepare('SELECT state, evidence FROM cases WHERE id = ?').get(caseId) as
    { state: CaseState; evidence: string } | undefined;
  if (!row || (row.state !== 'suspected' && row.state !== 'under_review')) return;
  const old = JSON.parse(row.evidence) as Evidence;
  const seen = new Set(old.records.map((r) => `${r.feed}|${r.key}`));
  const added = c.evidence.records.filter((r) => !seen.has(`${r.feed}|${r.key}`));
  if (added.length === 0) return;
  const fresh = new Set(c.evidence.records.map((r) => `${r.feed}|${r.key}`));
  const merged: Evidence =
    summary === 'replace'
      ? // The detector's new reading of the whole act, and anything of the old one it no longer lists.
        { ...c.evidence, records: [...c.evidence.records, ...old.records.filter((r) => !fresh.has(`${r.feed}|${r.key}`))] }
      : {
          ...withoutClauses(old),
          summary: `${old.summary}；${c.evidence.summary}`,
          ...joinedClauses(old, c.evidence),
          records: [...old.records, ...added],
        };
  db.prepare('UPDATE cases SET evidence = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(merged), c.at, caseId);
  db.prepare('INSERT INTO case_history (case_id, at, user_name, move, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    caseId,
    c.at,
    c.openedBy,
    'evidence',
    row.state,
    row.state,
    c.evidence.summary,
  );
  audit(db, {
    user: c.openedBy,
    action: 'case.evidence',
    target: auditTargetOf(db, c.personId),
    details: { case: caseId, records: added.length, masked: maskPersonId(c.personId) },
    at: c.at,
  });
}

/**
 * An officer's suspicion: behaviour 'other' (or a named one) with a written reason. Officers and
 * credit staff may flag (ENFORCEMENT.md role table); the person must be one the city has records of.
 * The same reason, whatever its case and spacing, is the same report.
 */
export function flagCase(
  db: Db,
  f: { personId: string; behavior: Behavior; reason: string; role: Role; user: string; at: number },
): number {
  if (!can(f.role, 'cases.flag')) throw ApiFailure.because('forbidden', { code: 'cases.roleMayNotFlag', params: { role: f.role } });
  const reason = requireReason(f.reason);
  if (!knownPerson(db, f.personId)) throw ApiFailure.because('not_found', { code: 'cases.unknownPerson' });
  const sameReason = reason.toLowerCase().replace(/\s+/g, ' ');
  const key = `manual:${f.behavior}:${f.personId}:${createHash('sha256').update(sameReason).digest('hex').slice(0, 16)}`;
  const id = openCase(db, {
    personId: f.personId,
    behavior: f.behavior,
    evidence: { rule: 'manual', summary: reason, thresholds: {}, records: [] },
    evidenceKey: key,
    openedBy: f.user,
    at: f.at,
  });
  if (id === null) throw ApiFailure.because('conflict', { code: 'cases.sameReport' });
  return id;
}

/** A person the city holds any record of: a resident, or someone whose code has been evaluated. */
function knownPerson(db: Db, personId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM residents WHERE person_id = ?').get(personId) !== undefined ||
    db.prepare('SELECT 1 FROM person_codes WHERE person_id = ?').get(personId) !== undefined
  );
}

/** A step's written reason as it is stored, or the refusal of a missing or overlong one (bulk moves check it once, first). */
export function requireReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 2) throw ApiFailure.because('bad_request', { code: 'cases.reasonMissing' });
  if (r.length > 2000) throw ApiFailure.because('bad_request', { code: 'cases.reasonTooLong' });
  // Case history and credit decisions are permanent (append-only): an ID or phone typed into the
  // reason is masked before it is stored, like the case's own person shows masked.
  return maskIdentifiers(r);
}

export interface MoveResult {
  row: CaseRow;
  /** The move changed the person's colours (decision, revocation, end of a served term). */
  coloursChanged: boolean;
}

/** Moves a case, or refuses (wrong state or role) without changing anything. */
export function moveCase(db: Db, m: { id: number; move: CaseMove; role: Role; user: string; reason: string; at: number }): MoveResult {
  const reason = requireReason(m.reason);
  return db
    .transaction((): MoveResult => {
      const c = getCase(db, m.id);
      if (!c) throw ApiFailure.because('not_found', { code: 'cases.noSuchCase', params: { id: m.id } });
      const check = checkMove(c.state, m.move, m.role);
      if (!check.ok) throw ApiFailure.of(check.code, check.en, check.zh);
      let coloursChanged = false;
      // What the platform must be told, effective from the move (appeal and uphold change no colour).
      const outcome = (action: PlatformAction, creditRecordNumber: string | null) =>
        enqueueDecision(db, {
          caseId: c.id,
          personId: c.person_id,
          action,
          effectiveAt: m.at,
          creditRecordNumber,
          decidedBy: m.user,
          createdAt: m.at,
        });
      const sets: string[] = ['state = ?', 'updated_at = ?'];
      const params: unknown[] = [check.to, m.at];
      if (m.move === 'decide') {
        sets.push('decided_at = ?');
        params.push(m.at);
        const evidence = JSON.parse(c.evidence) as Evidence;
        const record = createCreditRecord(db, {
          caseId: c.id,
          personId: c.person_id,
          behavior: c.behavior,
          evidenceSummary: evidence.summary,
          decision: reason,
          decidedBy: m.user,
          decidedAt: m.at,
          county: c.county_code,
        });
        audit(db, {
          user: m.user,
          action: 'credit.record',
          target: auditTargetOf(db, c.person_id),
          details: { case: c.id, number: record.number, behavior: c.behavior },
          at: m.at,
        });
        outcome('force_red', record.number);
        coloursChanged = true;
      }
      if (m.move === 'revoke') {
        sets.push('revoked_at = ?');
        params.push(m.at);
        const record = creditRecordOfCase(db, c.id);
        if (record) {
          revokeCreditRecord(db, record.id, m.user, reason, m.at);
          audit(db, {
            user: m.user,
            action: 'credit.revoke',
            target: auditTargetOf(db, c.person_id),
            details: { case: c.id, number: record.number },
            at: m.at,
          });
        }
        outcome('void', record?.number ?? null);
        coloursChanged = true;
      }
      if (m.move === 'close') {
        sets.push('closed_at = ?');
        params.push(m.at);
        // A served term ends the forced red (the 14-day rule takes over); other closings change nothing.
        coloursChanged = c.decided_at !== null && c.revoked_at === null;
        if (coloursChanged) outcome('end', creditRecordOfCase(db, c.id)?.number ?? null);
      }
      db.prepare(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`).run(...params, c.id);
      db.prepare('INSERT INTO case_history (case_id, at, user_name, move, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        c.id,
        m.at,
        m.user,
        m.move,
        c.state,
        check.to,
        reason,
      );
      audit(db, {
        user: m.user,
        action: `case.${m.move}`,
        target: auditTargetOf(db, c.person_id),
        details: { case: c.id, from: c.state, to: check.to, reason },
        at: m.at,
      });
      if (coloursChanged) db.prepare('INSERT OR IGNORE INTO dirty_people (person_id) VALUES (?)').run(c.person_id);
      return { row: getCase(db, c.id)!, coloursChanged };
    })
    .immediate();
}
