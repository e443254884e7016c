/** The case life cycle through the API, the colour effects, the credit records and their append-only storage. */
import { describe, expect, test } from 'vitest';
import { countyStats } from '../../../../electron/backend/rules/county-stats.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { dayOfInstant, formatDay, parseDay } from '../../../../shared/domain/local-date.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wri', role: 'writer' },
  { name: 'admin', role: 'admin' },
];

describe('enforcement', async () => {
  // The clock: a decision on 2020-02-14 10:00 in Binzhou, inside the demo city's period.
  let clock = Date.parse('2020-02-14T10:00:00+08:00');
  const c = await testConsole(tempDir(), { demo: { people: 2000, days: 10 }, users: USERS });
  c.services.now = () => clock;
  const db = c.services.db;
  // A green person with normal check-ins every day: the forced red is the only thing that moves them.
  const personId = (
    db
      .prepare(
        `SELECT p.person_id FROM person_codes p WHERE p.timeline NOT GLOB '*,[yr],*' AND p.timeline GLOB '*,g,*'
      AND (SELECT count(*) FROM checkin_days d WHERE d.person_id = p.person_id) > 0 LIMIT 1`,
      )
      .get() as { person_id: string }
  ).person_id;
  // References are bound to the session that received them: each user gets their own.
  const ref = await c.ref('ofc', personId);
  const creditRef = await c.ref('cre', personId);
  const day = (iso: string) => parseDay(iso)!;

  test('a case walks from suspicion to decision to appeal to revocation, as the roles allow', async () => {
    const flagged = await c.ok('ofc', 'cases.flag', { ref, behavior: 'other', reason: '群众举报使用他人健康码' });
    expect(flagged).toMatchObject({ state: 'suspected', behavior: 'other', allowedMoves: [] });
    const id = flagged.id;
    // An officer cannot judge; a writer cannot even see cases; an administrator cannot decide.
    const ofc = await c.call('ofc', 'cases.move', { id, move: 'review', reason: '审查' });
    expect(ofc.ok ? null : ofc.error.code).toBe('forbidden');
    expect(
      ((await c.call('wri', 'cases.move', { id, move: 'review', reason: 'x' })) as { ok: boolean; error: { code: string } }).error.code,
    ).toBe('forbidden');
    expect(((await c.call('admin', 'cases.get', { id })) as { ok: boolean; error: { code: string } }).error.code).toBe('forbidden');
    // An illegal move is refused and changes nothing.
    const early = await c.call('cre', 'cases.move', { id, move: 'decide', reason: '直接决定' });
    expect(early.ok ? null : early.error.code).toBe('conflict');
    expect((await c.ok('cre', 'cases.get', { id })).history).toHaveLength(1);

    expect((await c.ok('cre', 'cases.move', { id, move: 'review', reason: '开始审查' })).allowedMoves.sort()).toEqual([
      'decide',
      'dismiss',
    ]);
    const redBefore = countyStats(db, day('2020-02-14'))[7]!.red;
    const decided = await c.ok('cre', 'cases.move', { id, move: 'decide', reason: '经核实，转为红码，纳入诚信记录' });
    expect(decided.state).toBe('decided');
    expect(decided.creditRecord).toMatchObject({
      number: 'BZXY-2020-000001',
      status: 'effective',
      decision: '经核实，转为红码，纳入诚信记录',
    });
    // At once: the person is red from the decision date, and the county statistics show it.
    expect(decided.color).toBe('red');
    expect(personCode(db, personId, day('2020-02-14'))).toMatchObject({ color: 'red', since: day('2020-02-14') });
    expect(countyStats(db, day('2020-02-14'))[7]!.red).toBe(redBefore + 1);
    expect((await c.ok('cre', 'notices.list', { day: '2020-02-14' })).rows).toEqual([
      expect.objectContaining({ kind: 'decision', number: 'BZXY-2020-000001' }),
    ]);

    clock = Date.parse('2020-02-16T09:00:00+08:00');
    await c.ok('cre', 'cases.move', { id, move: 'appeal', reason: '当事人提出申诉' });
    const revoked = await c.ok('cre', 'cases.move', { id, move: 'revoke', reason: '申诉成立，撤销决定' });
    expect(revoked.creditRecord).toMatchObject({ status: 'revoked', revokedReason: '申诉成立，撤销决定' });
    // Void from the revocation date: red on the 15th (as it was then), not red on the 16th.
    expect(personCode(db, personId, day('2020-02-15'))?.color).toBe('red');
    expect(personCode(db, personId, day('2020-02-16'))?.color).not.toBe('red');
    expect((await c.ok('cre', 'notices.list', { day: '2020-02-16' })).rows).toEqual([
      expect.objectContaining({ kind: 'revocation', number: 'BZXY-2020-000001' }),
    ]);
    const closed = await c.ok('cre', 'cases.move', { id, move: 'close', reason: '结案' });
    expect(closed).toMatchObject({ state: 'closed', allowedMoves: [] });
    expect(closed.history.map((h) => h.move)).toEqual(['open', 'review', 'decide', 'appeal', 'revoke', 'close']);
    expect(closed.history.every((h) => h.reason.length > 0)).toBe(true);
  });

  test('a served term: closing a decided case lets the 14-day rule run from the day after the decision', async () => {
    clock = Date.parse('2020-02-12T10:00:00+08:00');
    const f = await c.ok('ofc', 'cases.flag', { ref, behavior: 'screenshot', reason: '卡口发现使用截图' });
    await c.ok('cre', 'cases.move', { id: f.id, move: 'review', reason: '审查' });
    const d = await c.ok('cre', 'cases.move', { id: f.id, move: 'decide', reason: '决定' });
    expect(d.creditRecord?.number).toBe('BZXY-2020-000002');
    clock = Date.parse('2020-02-13T10:00:00+08:00');
    await c.ok('cre', 'cases.move', { id: f.id, move: 'close', reason: '期满结案' });
    // Red from the 12th; the streak can only complete 14 days after it (26th), beyond the data.
    expect(personCode(db, personId, day('2020-02-13'))).toMatchObject({ color: 'red', since: day('2020-02-12') });
    expect(personCode(db, personId, day('2020-02-19'))?.color).toBe('red');
  });

  test('credit records, case history and the audit log refuse UPDATE and DELETE in the database itself', () => {
    for (const sql of [
      "UPDATE credit_records SET decision = 'changed'",
      'DELETE FROM credit_records',
      "UPDATE case_history SET reason = 'changed'",
      'DELETE FROM case_history',
      "UPDATE credit_record_events SET reason = 'changed'",
      'DELETE FROM credit_record_events',
      "UPDATE audit_log SET action = 'changed'",
      'DELETE FROM audit_log',
    ]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/append-only/);
    }
  });

  test('every case move, credit record and the export are in the audit log, the person by keyed hash only', async () => {
    const actions = (
      db.prepare("SELECT action FROM audit_log WHERE action LIKE 'case.%' OR action LIKE 'credit.%'").all() as { action: string }[]
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.open',
        'case.review',
        'case.decide',
        'credit.record',
        'case.appeal',
        'case.revoke',
        'credit.revoke',
        'case.close',
      ]),
    );
    const text = JSON.stringify(db.prepare('SELECT target, details FROM audit_log').all());
    expect(text).not.toContain(personId);
    const r = await c.ok('cre', 'credit.report', { ref: creditRef });
    expect(r).toMatchObject({ rows: 2 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.credit_report'").get()).toEqual({ n: 1 });
  });

  test('the credit records of a period: decision dates, both ends included', async () => {
    const numbers = async (p: { from?: string; to?: string }) => (await c.ok('cre', 'credit.list', p)).rows.map((r) => r.number).sort();
    expect(await numbers({})).toEqual(['BZXY-2020-000001', 'BZXY-2020-000002']);
    expect(await numbers({ from: '2020-02-12', to: '2020-02-12' })).toEqual(['BZXY-2020-000002']);
    expect(await numbers({ from: '2020-02-13' })).toEqual(['BZXY-2020-000001']);
    expect(await numbers({ to: '2020-02-13' })).toEqual(['BZXY-2020-000002']);
    const backwards = await c.call('cre', 'credit.export', { format: 'xlsx', from: '2020-02-14', to: '2020-02-12' });
    expect(backwards.ok ? null : backwards.error.code).toBe('bad_request');
    expect(await c.ok('cre', 'credit.export', { format: 'xlsx', from: '2020-02-14', to: '2020-02-14' })).toMatchObject({
      rows: 1,
      fileName: '诚信记录-2020-02-14至2020-02-14.xlsx',
    });
  });

  test('the dashboard counts open cases as of a date', async () => {
    expect((await c.ok('ofc', 'dashboard.summary', { asOf: '2020-02-14' })).kpis.openCases).toBeGreaterThan(0);
    expect(formatDay(dayOfInstant(clock))).toBe('2020-02-13');
  });
});
