/** pipelines/case-step.ts: a decision forces the person red at once, a revocation lifts it at once; the step's audit entries come with it. */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { flagCase } from '../../../../electron/backend/enforcement/cases.ts';
import { takeCaseStep } from '../../../../electron/backend/pipelines/case-step.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

test('decide turns a green person red the same day; revoke turns them back; a review changes no colour', async () => {
  const dir = tempDir();
  const city = await writeDemoCity({ out: join(dir, 'city'), people: 1200, days: 4, seed: 5 });
  const db = openDatabase(join(dir, 'console.db'));
  try {
    await syncDirectory(db, { source: city.dir });
    await recomputeColours(db, { workers: 0 });
    const personId = db
      .prepare(`SELECT person_id FROM person_codes WHERE timeline NOT GLOB '*,[yr],*' AND timeline GLOB '*,g,*' LIMIT 1`)
      .pluck()
      .get() as string;
    const day = parseDay('2020-02-13')!;
    const at = Date.parse('2020-02-13T10:00:00+08:00');
    const cre = { name: 'cre', role: 'credit' as const };
    const id = flagCase(db, { personId, behavior: 'other', reason: '群众举报', role: 'officer', user: 'ofc', at });
    expect((await takeCaseStep(db, { id, move: 'review', reason: '开始审查', user: cre, at })).coloursChanged).toBe(false);
    expect(personCode(db, personId, day)?.color).not.toBe('red');
    const decided = await takeCaseStep(db, { id, move: 'decide', reason: '经核实，转为红码', user: cre, at });
    expect(decided.row.state).toBe('decided');
    expect(personCode(db, personId, day)).toMatchObject({ color: 'red', since: day });
    await takeCaseStep(db, { id, move: 'appeal', reason: '当事人提出申诉', user: cre, at: at + 1000 });
    await takeCaseStep(db, { id, move: 'revoke', reason: '申诉成立，撤销决定', user: cre, at: at + 2000 });
    expect(personCode(db, personId, day)?.color).not.toBe('red');
    const actions = db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'case.%' OR action LIKE 'credit.%' ORDER BY id")
      .pluck()
      .all();
    expect(actions).toEqual(['case.open', 'case.review', 'credit.record', 'case.decide', 'case.appeal', 'credit.revoke', 'case.revoke']);
  } finally {
    db.close();
  }
});
