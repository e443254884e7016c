/**
 * The decision outbox fills as cases move: a decision forces red (with its credit record's number),
 * a revocation voids it, closing a decided or upheld case ends it; nothing else tells the platform
 * anything. The case page's view says, per outcome, whether it has been delivered.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { caseDetail } from '../../../../electron/backend/enforcement/case-views.ts';
import { getCase, moveCase } from '../../../../electron/backend/enforcement/cases.ts';
import { decisionDeliveries, markDelivered, pendingDecisions } from '../../../../electron/backend/decisions/decision-outbox.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { type DecisionWorld, decisionWorld } from './decision-world.ts';

const tempDir = useTempDir();
let w: DecisionWorld | null = null;
afterEach(() => w?.db.close());

describe('the decision outbox', () => {
  test('decide, revoke and close of a served term enqueue force_red, void and end, in the order they happened', () => {
    w = decisionWorld(tempDir());
    const revoked = w.walked(0, ['decide', 'appeal', 'revoke', 'close']);
    const served = w.walked(1, ['decide', 'close']);
    const upheld = w.walked(2, ['decide', 'appeal', 'uphold', 'close']);
    const rows = pendingDecisions(w.db);
    expect(rows.map((r) => [r.case_id, r.action])).toEqual([
      [revoked, 'force_red'],
      [revoked, 'void'],
      [served, 'force_red'],
      [served, 'end'],
      [upheld, 'force_red'],
      [upheld, 'end'],
    ]);
    // Each outcome is effective from its move, carries the case's credit record and the person in full.
    const history = (id: number, move: string) =>
      w!.db.prepare('SELECT at FROM case_history WHERE case_id = ? AND move = ?').pluck().get(id, move) as number;
    const record = (id: number) => w!.db.prepare('SELECT number FROM credit_records WHERE case_id = ?').pluck().get(id) as string;
    expect(rows[0]).toMatchObject({ effective_at: history(revoked, 'decide'), credit_record_number: record(revoked), decided_by: 'cre' });
    expect(rows[1]).toMatchObject({ effective_at: history(revoked, 'revoke'), credit_record_number: record(revoked) });
    expect(rows[3]).toMatchObject({ effective_at: history(served, 'close'), credit_record_number: record(served) });
    expect(rows[0]!.person_id).toBe(w.people[0]);
    expect(rows.every((r) => r.delivered_at === null && r.pending_file === null)).toBe(true);
    expect(new Set(rows.map((r) => r.credit_record_number)).size).toBe(3);
  });

  test('review, dismissal, appeal, uphold and closing a dismissed or revoked case tell the platform nothing', () => {
    w = decisionWorld(tempDir());
    w.walked(0, ['dismiss', 'close']);
    const appealed = w.walked(1, ['decide', 'appeal', 'uphold']);
    expect(pendingDecisions(w.db).map((r) => r.action)).toEqual(['force_red']);
    const revoked = w.walked(2, ['decide', 'appeal', 'revoke']);
    const before = pendingDecisions(w.db).length;
    w.move(revoked, 'close');
    expect(pendingDecisions(w.db)).toHaveLength(before);
    expect(decisionDeliveries(w.db, appealed).map((d) => d.action)).toEqual(['force_red']);
  });

  test('a refused move enqueues nothing (its transaction is rolled back whole)', () => {
    w = decisionWorld(tempDir());
    const id = w.reviewed(0);
    expect(() => moveCase(w!.db, { id, move: 'decide', role: 'officer', user: 'ofc', reason: '决定', at: Date.now() })).toThrow();
    expect(() => moveCase(w!.db, { id, move: 'close', role: 'credit', user: 'cre', reason: '结案', at: Date.now() })).toThrow();
    expect(pendingDecisions(w.db)).toEqual([]);
  });

  test('the case view lists each outcome: waiting to be sent, then delivered with when and where', () => {
    w = decisionWorld(tempDir());
    const id = w.walked(0, ['decide', 'appeal', 'revoke']);
    const view = () => caseDetail(w!.db, () => 'ref', getCase(w!.db, id)!, 'credit', Date.now()).platform;
    const [decided, revokedAt] = pendingDecisions(w.db).map((r) => r.effective_at);
    expect(view()).toEqual([
      { action: 'force_red', effectiveAt: decided, deliveredAt: null, deliveredTo: null },
      { action: 'void', effectiveAt: revokedAt, deliveredAt: null, deliveredTo: null },
    ]);
    const first = pendingDecisions(w.db)[0]!;
    expect(markDelivered(w.db, [first.id], 'postgres://hcc@10.0.0.5:5432/exchange', 1_600_000_000_000)).toBe(1);
    // A second delivery of the same row keeps the first one's mark.
    expect(markDelivered(w.db, [first.id], 'elsewhere', 1_700_000_000_000)).toBe(0);
    expect(view()[0]).toEqual({
      action: 'force_red',
      effectiveAt: decided,
      deliveredAt: 1_600_000_000_000,
      deliveredTo: 'postgres://hcc@10.0.0.5:5432/exchange',
    });
    expect(view()[1]!.deliveredAt).toBeNull();
    expect(JSON.stringify(view())).not.toContain(w.people[0]);
  });
});
