/**
 * The dashboard while a sync writes (issue 16): a first sync into an empty database has dated
 * records long before its colours are evaluated, so a summary asked in between has a latest data
 * day and nothing but zeros. The summary says a job is running (its kind and progress, no source),
 * and whether the database holds evaluated figures at all, so the page can say "sync in progress"
 * and keep the last complete figures instead of showing those zeros; once the job ends it says so.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.ts';
import { dashboardSummary } from '../../../../electron/backend/dashboard/dashboard-summary.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('the dashboard during a sync', () => {
  test('the defect: half-way through a first sync the figures of the latest data day are all zeros', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 2000, days: 4, seed: 4 });
    const db = openDatabase(join(dir, 'console.db'));
    let midway: ReturnType<typeof dashboardSummary> | null = null;
    await syncDirectory(db, {
      source: city.dir,
      onEvent(e) {
        if (e.type === 'file-done' && e.outcome.feed === 'declarations' && midway === null)
          midway = dashboardSummary(db, { county: null, trendDays: 7 });
      },
    });
    const m = midway as ReturnType<typeof dashboardSummary> | null;
    expect(m?.latestDataDay).not.toBeNull();
    expect(m?.kpis).toMatchObject({ total: 0, red: 0, yellow: 0, green: 0 });
    db.close();
  });

  test('dashboard.summary says a sync is running, with no evaluated figures yet, and says so no more when it ended', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 6000, days: 8, seed: 3 });
    const c = await testConsole(dir, {
      users: [
        { name: 'ofc', role: 'officer' },
        { name: 'pen', role: 'writer' },
      ],
    });
    // Signed in before the sync starts: a sign-in writes, and would wait for the sync's chunks.
    await c.ok('pen', 'dashboard.summary', {});
    const before = await c.ok('ofc', 'dashboard.summary', {});
    expect(before.sync).toBeNull();

    const job = await c.ok('ofc', 'sync.start', { source: city.dir });
    const midway = await new Promise<DashboardSummary[]>((resolve, reject) => {
      const off = c.services.events.subscribe((e) => {
        if (e.type !== 'job' || (e.job.feeds.declarations?.filesDone ?? 0) < 1) return;
        off();
        Promise.all([c.ok('ofc', 'dashboard.summary', {}), c.ok('pen', 'dashboard.summary', {})]).then(resolve, reject);
      });
    });
    for (const s of midway) {
      // What the page must not show as the city's figures: a data day and only zeros.
      expect(s.latestDataDay).not.toBeNull();
      expect(s.kpis.total).toBe(0);
      expect(s.sync).toMatchObject({ kind: 'sync', phase: 'reading', figures: false, startedAt: job.startedAt });
      expect(s.sync!.fraction).toBeGreaterThan(0);
      expect(s.sync!.fraction).toBeLessThan(1);
      // Nothing of the job's source reaches a role that may not see the Data screen.
      expect(JSON.stringify(s.sync)).not.toContain(city.dir);
    }
    await c.services.jobs.idle();
    const after = await c.ok('pen', 'dashboard.summary', {});
    expect(after.sync).toBeNull();
    expect(after.kpis.total).toBeGreaterThan(0);
  });
});
