/**
 * The append-only tables hold against more than UPDATE and DELETE: INSERT OR REPLACE (which deletes
 * without firing DELETE triggers) is refused too; and a forced red comes from those tables, so an
 * edit of the case row (which the queue updates in place) cannot lift it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audit } from '../../../../electron/backend/audit/audit-log.ts';
import { verifyAudit } from '../../../../electron/backend/audit/audit-verify.ts';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { flagCase, moveCase } from '../../../../electron/backend/enforcement/cases.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const AT = Date.parse('2020-02-12T10:00:00+08:00');

async function decidedCity(): Promise<{ db: Db; caseId: number }> {
  const dir = tempDir();
  const src = join(dir, 'x');
  for (const f of ['residents', 'declarations']) mkdirSync(join(src, f), { recursive: true });
  writeCsv(join(src, 'residents', 'r.csv'), [
    ['person_id', 'name', 'phone', 'county_code', 'address'],
    [personId(1), '甲', '', '371602', ''],
    [personId(2), '乙', '', '371602', ''],
  ]);
  writeCsv(join(src, 'declarations', 'd.csv'), [
    ['person_id', 'declared_at', 'county_code'],
    [personId(1), '2020-02-10 09:00', '371602'],
  ]);
  const db = openDatabase(join(dir, 'console.db'));
  await syncDirectory(db, { source: src });
  const caseId = flagCase(db, { personId: personId(1), behavior: 'other', reason: '举报冒用', role: 'officer', user: 'ofc', at: AT });
  moveCase(db, { id: caseId, move: 'review', role: 'credit', user: 'cre', reason: '审查', at: AT });
  moveCase(db, { id: caseId, move: 'decide', role: 'credit', user: 'cre', reason: '决定', at: AT });
  await recomputeColours(db, { workers: 0 });
  return { db, caseId };
}

describe('append-only records', () => {
  test('INSERT OR REPLACE cannot rewrite a credit record, a history entry or an audit entry', async () => {
    const { db } = await decidedCity();
    const record = db.prepare('SELECT * FROM credit_records').get() as Record<string, unknown>;
    const columns = Object.keys(record);
    const replace = (table: string, row: Record<string, unknown>) => () =>
      db
        .prepare(
          `INSERT OR REPLACE INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
            .map(() => '?')
            .join(', ')})`,
        )
        .run(...Object.values(row));
    expect(replace('credit_records', { ...record, decision: 'TAMPERED' })).toThrow(/append-only/);
    // The same number under a new id would delete the old record through its UNIQUE column.
    expect(replace('credit_records', { ...record, id: 99, decision: 'TAMPERED' })).toThrow(/append-only/);
    expect(columns).toContain('decision');
    const history = db.prepare('SELECT * FROM case_history ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    expect(replace('case_history', { ...history, reason: 'TAMPERED' })).toThrow(/append-only/);
    const entry = db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    expect(replace('audit_log', { ...entry, action: 'TAMPERED' })).toThrow(/append-only/);
    expect(db.prepare("SELECT count(*) AS n FROM credit_records WHERE decision = 'TAMPERED'").get()).toEqual({ n: 0 });
    // New entries still go in, and the chain still verifies.
    expect(audit(db, { user: 'x', action: 'test.after' }).id).toBeGreaterThan(Number(entry.id));
    expect(verifyAudit(db).ok).toBe(true);
  });

  test('editing the case row does not lift the forced red', async () => {
    const { db, caseId } = await decidedCity();
    const day = parseDay('2020-02-13')!;
    expect(personCode(db, personId(1), day)?.color).toBe('red');
    db.prepare("UPDATE cases SET state = 'closed', decided_at = NULL, closed_at = ? WHERE id = ?").run(AT, caseId);
    await recomputeColours(db, { workers: 0, full: true });
    expect(personCode(db, personId(1), day)?.color).toBe('red');
  });

  test('flagging: the service checks the role, the person, and the same report in other words', async () => {
    const { db } = await decidedCity();
    const flag = (over: Partial<Parameters<typeof flagCase>[1]>) => () =>
      flagCase(db, {
        personId: personId(2),
        behavior: 'other',
        reason: 'Seen using a printed code',
        role: 'officer',
        user: 'ofc',
        at: AT,
        ...over,
      });
    expect(flag({ role: 'writer' })).toThrow(/may not flag/);
    expect(flag({ personId: personId(77) })).toThrow(/no resident or record/);
    expect(flag({})()).toBeGreaterThan(0);
    expect(flag({ reason: '  seen USING a   printed code ' })).toThrow(/already a case/);
  });
});
