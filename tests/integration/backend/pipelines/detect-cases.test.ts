/** pipelines/detect-cases.ts: the detectors on their own bring the colours up to date first, replay a past day when asked, and are audited. */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { detectCases } from '../../../../electron/backend/pipelines/detect-cases.ts';
import { isColourStateFresh } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { setSetting } from '../../../../electron/backend/rules/settings.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

test('a replay of the first day opens only what it could see; the run after it opens the rest; both are audited', async () => {
  const dir = tempDir();
  const city = await writeDemoCity({ out: join(dir, 'city'), people: 1500, days: 5, seed: 5 });
  const db = openDatabase(join(dir, 'console.db'));
  try {
    await syncDirectory(db, { source: city.dir });
    const firstDay = await detectCases(db, { actor: { user: null, via: 'cli' }, asOf: parseDay('2020-02-10')! });
    expect(isColourStateFresh(db)).toBe(true);
    const rest = await detectCases(db, { actor: { user: 'ofc' } });
    expect(rest.opened.length).toBeGreaterThan(0);
    const all = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    expect(firstDay.opened.length + rest.opened.length).toBe(all);
    expect((await detectCases(db, { actor: { user: 'ofc' }, full: true })).opened).toEqual([]);
    const entries = db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'detect.run' ORDER BY id").all() as {
      user_name: string | null;
      details: string;
    }[];
    expect(entries.map((e) => [e.user_name, JSON.parse(e.details)])).toEqual([
      [null, { opened: firstDay.opened.length, via: 'cli' }],
      ['ofc', { opened: rest.opened.length }],
      ['ofc', { opened: 0 }],
    ]);
  } finally {
    db.close();
  }
});

test('the console’s cases.detect is the same use case: colours brought up to date first, the same cases, audited as the user', async () => {
  const dir = tempDir();
  const c = await testConsole(dir, { demo: { people: 1500, days: 5 }, users: [{ name: 'ofc', role: 'officer' }] });
  const db = c.services.db;
  // A request for a full evaluation (as a changed key area leaves) makes the stored colours stale.
  setSetting(db, 'colours.full_recompute', 'test');
  expect(isColourStateFresh(db)).toBe(false);
  const { opened } = await c.ok('ofc', 'cases.detect', {});
  expect(isColourStateFresh(db)).toBe(true);
  expect(opened).toBe(db.prepare('SELECT count(*) FROM cases').pluck().get());
  expect(opened).toBeGreaterThan(0);
  const entry = db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'detect.run' ORDER BY id DESC LIMIT 1").get() as {
    user_name: string;
    details: string;
  };
  expect([entry.user_name, JSON.parse(entry.details)]).toEqual(['ofc', { opened }]);
});
