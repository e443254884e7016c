/**
 * The console's minute timer delivers outcomes still waiting for the platform when a sync source is
 * configured, and says `data-changed` so an open case page shows them delivered; none configured,
 * no timer. (The interval is faked; the database, the folder and the delivery are real.)
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { pendingDecisions } from '../../../../electron/backend/decisions/decision-outbox.ts';
import { EventHub } from '../../../../electron/backend/jobs/event-hub.ts';
import { JobManager } from '../../../../electron/backend/jobs/job-manager.ts';
import { saveConsoleSettings } from '../../../../electron/backend/settings/console-settings.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { decisionWorld } from '../decisions/decision-world.ts';

const tempDir = useTempDir();
afterEach(() => vi.useRealTimers());

test('every minute, between jobs, the outbox goes to the configured exchange directory', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const dir = tempDir();
  const w = decisionWorld(dir);
  const exchange = join(dir, 'exchange');
  mkdirSync(exchange);
  const events = new EventHub();
  let changed = 0;
  events.subscribe((e) => (changed += e.type === 'data-changed' ? 1 : 0));
  const jobs = new JobManager(w.db, dir, events);
  try {
    w.walked(0, ['decide']);
    jobs.settingsChanged();
    vi.advanceTimersByTime(60_000);
    await jobs.close();
    // No source configured: the timer was never armed.
    expect(pendingDecisions(w.db)).toHaveLength(1);

    saveConsoleSettings(w.db, { syncSource: exchange });
    jobs.settingsChanged();
    vi.advanceTimersByTime(59_000);
    expect(existsSync(join(exchange, 'outbox'))).toBe(false);
    vi.advanceTimersByTime(1_000);
    await jobs.close();
    expect(pendingDecisions(w.db)).toEqual([]);
    expect(readdirSync(join(exchange, 'outbox'))).toHaveLength(1);
    expect(changed).toBe(1);
    expect(w.db.prepare("SELECT user_name FROM audit_log WHERE action = 'decisions.push'").pluck().all()).toEqual(['system']);
  } finally {
    await jobs.close();
    w.db.close();
  }
});
