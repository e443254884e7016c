/** Who cancelled a sync is in the audit log (issue 12): the action, the user and the job. */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

test('cancelling a running sync records who cancelled which job; nothing to cancel records nothing', async () => {
  const dir = tempDir();
  const city = await writeDemoCity({ out: join(dir, 'city'), people: 500, days: 3, seed: 3 });
  const c = await testConsole(dir, {
    users: [
      { name: 'starter', role: 'officer' },
      { name: 'stopper', role: 'officer' },
    ],
  });
  const db = c.services.db;
  expect(await c.ok('stopper', 'sync.cancel', {})).toBeNull();
  const job = await c.ok('starter', 'sync.start', { source: city.dir });
  const cancelled = await c.ok('stopper', 'sync.cancel', {});
  expect(cancelled?.id).toBe(job.id);
  await c.services.jobs.idle();
  const entries = db.prepare("SELECT user_name, target, details FROM audit_log WHERE action = 'sync.cancel'").all() as {
    user_name: string;
    target: string;
    details: string;
  }[];
  expect(entries).toEqual([{ user_name: 'stopper', target: `job:${job.id}`, details: JSON.stringify({ job: job.id, kind: 'sync' }) }]);
  // The job's own entry still names who started it.
  expect(db.prepare("SELECT user_name FROM audit_log WHERE action = 'data.sync'").pluck().get()).toBe('starter');
});
