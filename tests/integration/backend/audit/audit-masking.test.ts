/**
 * Issue 12: ID numbers and phones typed into free text (a case reason, the user-name field of a
 * failed sign-in, any string of an audit entry) never reach the permanent tables in clear.
 */
import { describe, expect, test } from 'vitest';
import { audit } from '../../../../electron/backend/audit/audit-log.ts';
import { auditTargetOf } from '../../../../electron/backend/people/people-service.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const ID = '372301198001011234';
const PHONE = '13812345678';
// Any 11 or more digits in a row, or an ID or a phone typed in groups.
const IN_CLEAR = /\d{11}|\d{6}[ -]\d{8}[ -]\d{3}[\dX]|1\d{2}[ -]\d{4}[ -]\d{4}/;
// A person reference is a keyed hash in hex: one in 30 or so holds 11 digits in a row by chance
// (CI failed on person:ee03a7ef2e83f54590137326), so references are set aside before the check.
const entryText = (row: unknown) => JSON.stringify(row).replace(/person:[0-9a-f]{24}/g, 'person:<ref>');

describe('identifiers in free text', async () => {
  const c = await testConsole(suiteTempDir(), {
    demo: { people: 300, days: 4 },
    users: [
      { name: 'ofc', role: 'officer' },
      { name: 'cre', role: 'credit' },
    ],
  });
  const db = c.services.db;
  const rows = () =>
    db.prepare('SELECT user_name, target, details FROM audit_log ORDER BY id').all() as {
      user_name: string | null;
      target: string | null;
      details: string;
    }[];

  test('every string of an audit entry is masked before it is stored; person references are kept', () => {
    const person = (db.prepare('SELECT person_id FROM residents LIMIT 1').get() as { person_id: string }).person_id;
    const target = auditTargetOf(db, person);
    audit(db, {
      user: ID,
      action: 'test.free_text',
      target: `user:${PHONE}`,
      details: { note: `电话 138-1234-5678，证件 372301 19800101 1234`, list: [ID], nested: { phone: PHONE }, n: 5 },
    });
    audit(db, { user: 'ofc', action: 'test.person', target });
    const [typed, referenced] = rows().slice(-2);
    expect(typed).toEqual({
      user_name: '372301********1234',
      target: 'user:138****5678',
      details: JSON.stringify({
        note: '电话 138-****-5678，证件 372301 ******** 1234',
        list: ['372301********1234'],
        nested: { phone: '138****5678' },
        n: 5,
      }),
    });
    expect(referenced!.target).toBe(target);
  });

  test('an ID typed as the user name of a failed sign-in is masked in the log', async () => {
    const r = await c.call(null, 'auth.signIn', { name: ID, password: 'not-the-password-1' });
    expect(r.ok).toBe(false);
    const failed = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed'").get() as { n: number };
    expect(failed.n).toBeGreaterThan(0);
    for (const row of rows()) expect(JSON.stringify(row)).not.toContain(ID);
  });

  test('a case reason with an ID and a phone is stored masked in the case, its history and the log', async () => {
    const person = (db.prepare('SELECT person_id FROM residents LIMIT 1 OFFSET 7').get() as { person_id: string }).person_id;
    const ref = await c.ref('ofc', person);
    const flagged = await c.ok('ofc', 'cases.flag', { ref, behavior: 'other', reason: `举报人电话 ${PHONE}，称其使用 ${ID} 的健康码` });
    await c.ok('cre', 'cases.move', { id: flagged.id, move: 'review', reason: '已联系 138 1234 5678 核实' });
    const history = db.prepare('SELECT reason FROM case_history WHERE case_id = ? ORDER BY id').all(flagged.id) as { reason: string }[];
    expect(history.map((h) => h.reason)).toEqual([
      '举报人电话 138****5678，称其使用 372301********1234 的健康码',
      '已联系 138 **** 5678 核实',
    ]);
    const evidence = (db.prepare('SELECT evidence FROM cases WHERE id = ?').get(flagged.id) as { evidence: string }).evidence;
    expect(evidence).not.toMatch(IN_CLEAR);
    for (const row of rows()) expect(entryText(row)).not.toMatch(IN_CLEAR);
  });
});
