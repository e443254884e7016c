/** pipelines/evaluate-and-detect.ts: colours first, then the detectors; on its own it is the audited colours job. */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { evaluateAndDetect, evaluateColours } from '../../../../electron/backend/pipelines/evaluate-and-detect.ts';
import { isColourStateFresh } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

test('after a bare sync: the step evaluates everyone and opens the cases, unaudited; the colours job evaluates again and is audited', async () => {
  const dir = tempDir();
  const city = await writeDemoCity({ out: join(dir, 'city'), people: 1500, days: 5, seed: 5 });
  const db = openDatabase(join(dir, 'console.db'));
  try {
    await syncDirectory(db, { source: city.dir });
    expect(isColourStateFresh(db)).toBe(false);
    const progress: number[] = [];
    const step = await evaluateAndDetect(db, { onColours: (p) => progress.push(p.done) });
    expect(isColourStateFresh(db)).toBe(true);
    expect(step.colours.people).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(step.opened.length).toBeGreaterThan(0);
    // A step of a bigger use case: the use case audits, not the step.
    const audited = () =>
      db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'colours.evaluate'").all() as {
        user_name: string;
        details: string;
      }[];
    expect(audited()).toEqual([]);
    const job = await evaluateColours(db, { full: true, actor: { user: 'system' } });
    expect(job.colours.mode).toBe('full');
    expect(job.opened).toEqual([]);
    expect(audited()).toHaveLength(1);
    expect(audited()[0]!.user_name).toBe('system');
    expect(JSON.parse(audited()[0]!.details)).toEqual({
      status: 'done',
      colours: { mode: 'full', people: job.colours.people, changed: 0 },
      casesOpened: 0,
    });
  } finally {
    db.close();
  }
});
