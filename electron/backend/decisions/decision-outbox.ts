/**
 * The decision outbox (EXCHANGE.md, "Outbound: decisions back to the health-code platform"): every
 * enforcement outcome the platform must hear of, written by the case move that makes it, in the same
 * transaction, so an outcome exists exactly when its move does. Delivery (push-decisions.ts) reads
 * the rows not yet delivered in id order, which is the order the outcomes happened in.
 */
import type { PlatformAction, PlatformDelivery } from '../../../shared/contract/enforcement.ts';
import type { Db } from '../db/database.ts';
import { statementCache } from '../db/statement-cache.ts';

export interface OutboxRow {
  id: number;
  case_id: number;
  person_id: string;
  action: PlatformAction;
  effective_at: number;
  credit_record_number: string | null;
  decided_by: string;
  created_at: number;
  /** The outbox file a directory delivery is writing these rows to (push-directory.ts). */
  pending_file: string | null;
  delivered_at: number | null;
  /** The exchange database's name (no password), or the outbox file's path. */
  delivered_to: string | null;
}

export interface DecisionOutcome {
  caseId: number;
  personId: string;
  action: PlatformAction;
  effectiveAt: number;
  creditRecordNumber: string | null;
  decidedBy: string;
  createdAt: number;
}

const statements = statementCache((db: Db) => ({
  insert: db.prepare(
    `INSERT INTO decision_outbox (case_id, person_id, action, effective_at, credit_record_number, decided_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  pending: db.prepare('SELECT * FROM decision_outbox WHERE delivered_at IS NULL ORDER BY id'),
  ofCase: db.prepare('SELECT * FROM decision_outbox WHERE case_id = ? ORDER BY id'),
  delivered: db.prepare('UPDATE decision_outbox SET delivered_at = ?, delivered_to = ? WHERE id = ? AND delivered_at IS NULL'),
}));

/**
 * Called inside the move's transaction (enforcement/cases.ts). A plain INSERT: one move makes one
 * outcome, and the UNIQUE (case, action, time) refusing a second would be a bug worth hearing of.
 */
export function enqueueDecision(db: Db, d: DecisionOutcome): void {
  statements(db).insert.run(d.caseId, d.personId, d.action, d.effectiveAt, d.creditRecordNumber, d.decidedBy, d.createdAt);
}

/** The outcomes not yet delivered, oldest first. */
export function pendingDecisions(db: Db): OutboxRow[] {
  return statements(db).pending.all() as OutboxRow[];
}

/** A case's outcomes and whether the platform has them (the case page). */
export function decisionDeliveries(db: Db, caseId: number): PlatformDelivery[] {
  return (statements(db).ofCase.all(caseId) as OutboxRow[]).map((r) => ({
    action: r.action,
    effectiveAt: r.effective_at,
    deliveredAt: r.delivered_at,
    deliveredTo: r.delivered_to,
  }));
}

/** Marks rows delivered (a row another push marked first keeps its first delivery); returns how many it marked. */
export function markDelivered(db: Db, ids: readonly number[], to: string, at: number): number {
  const s = statements(db).delivered;
  let n = 0;
  for (const id of ids) n += s.run(at, to, id).changes;
  return n;
}
