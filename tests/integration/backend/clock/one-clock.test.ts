/**
 * Issue 11 §5: one clock. A demo city runs on its own days: a decision taken now falls on the
 * data's last day, and the dashboard, `hcc code` without --as-of, the notice list and the briefing
 * all show the person red on that same day. Open cases "as of D" are those opened by the end of D
 * and not closed by then.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { databaseClock, isDemoDatabase } from '../../../../electron/backend/clock/database-clock.ts';
import { openCases } from '../../../../electron/backend/rules/forced-reds.ts';
import { dayOfInstant, formatDay, parseDay } from '../../../../shared/domain/local-date.ts';
import { runCli } from '../../../support/cli.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const USERS = [
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wri', role: 'writer' },
];

describe('one clock: a demo city runs on its own days', async () => {
  const dir = suiteTempDir();
  // The demo's default start is 2020-02-10: ten days end on 2020-02-19.
  const c = await testConsole(dir, { demo: { people: 2000, days: 10 }, users: USERS });
  const db = c.services.db;
  const LAST = '2020-02-19';

  test('the demo database is on the demo clock, started on its last data day', () => {
    expect(isDemoDatabase(db)).toBe(true);
    expect(formatDay(dayOfInstant(databaseClock(db)()))).toBe(LAST);
    // Imports are dated inside the data's timeline too.
    const started = db.prepare('SELECT max(started_at) FROM import_batches').pluck().get() as number;
    expect(formatDay(dayOfInstant(started))).toBe(LAST);
  });

  test('a decision shows red on the same day on the dashboard, in hcc code, the notices and the briefing', async () => {
    const personId = db
      .prepare(`SELECT p.person_id FROM person_codes p WHERE p.timeline NOT GLOB '*,[yr],*' AND p.timeline GLOB '*,g,*' LIMIT 1`)
      .pluck()
      .get() as string;
    const ref = await c.ref('ofc', personId);
    const before = await c.ok('ofc', 'dashboard.summary', {});
    expect(before.asOf).toBe(LAST);
    const flagged = await c.ok('ofc', 'cases.flag', { ref, behavior: 'other', reason: '群众举报使用他人健康码' });
    await c.ok('cre', 'cases.move', { id: flagged.id, move: 'review', reason: '审查' });
    const decided = await c.ok('cre', 'cases.move', { id: flagged.id, move: 'decide', reason: '经核实，转为红码' });
    expect(decided.color).toBe('red');
    expect(formatDay(dayOfInstant(decided.history.at(-1)!.at))).toBe(LAST);

    const after = await c.ok('ofc', 'dashboard.summary', {});
    expect(after.asOf).toBe(LAST);
    expect(after.kpis.red).toBe(before.kpis.red + 1);
    expect(after.kpis.openCases).toBe((before.kpis.openCases ?? 0) + 1);

    const code = await runCli(['code', '--db', join(dir, 'console.db'), '--person', personId, '--json']);
    expect(code.code, code.stderr).toBe(0);
    expect(JSON.parse(code.stdout)).toMatchObject({ as_of: LAST, color: 'red', since: LAST });

    const notices = await c.ok('cre', 'notices.list', {});
    expect(notices).toMatchObject({ day: LAST, today: LAST });
    expect(notices.rows).toEqual([expect.objectContaining({ kind: 'decision' })]);

    const briefing = await c.ok('wri', 'briefing.preview', {});
    expect(briefing.day).toBe(LAST);
    expect(briefing.kpis.red).toBe(after.kpis.red);
    expect(briefing.enforcement.decisions).toBe(1);
  });

  test('open cases as of a day: opened by its end and not closed by then', () => {
    const day = parseDay(LAST)!;
    const opened = db.prepare('SELECT count(*) FROM cases WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)').pluck();
    const end = Date.parse(`${LAST}T24:00:00+08:00`);
    expect(openCases(db, day, null)).toBe(opened.get(end, end));
    // The day before the decision knows nothing of the manual case opened on the last day.
    expect(openCases(db, day - 1, null)).toBe(
      openCases(db, day, null) -
        1 -
        (db
          .prepare('SELECT count(*) FROM cases WHERE opened_at >= ? AND opened_at < ? AND behavior != ?')
          .pluck()
          .get(Date.parse(`${LAST}T00:00:00+08:00`), end, 'other') as number),
    );
  });
});
