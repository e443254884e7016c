import { describe, expect, it } from 'vitest';
import { JobTracker } from '../../../../electron/backend/jobs/job-state.ts';

describe('a sync from the exchange database in the job state', () => {
  it('a table weighs by its rows waiting; a lost connection shows as reconnecting until rows come again', () => {
    const t = new JobTracker(1, 'sync', 0, 'postgres://hcc@db:5432/exchange');
    t.apply(
      { type: 'sync', event: { type: 'plan', files: [{ feed: 'checkins', file: 'exchange.checkins', size: 40_000 }], skipped: 11 } },
      1,
    );
    t.apply({ type: 'sync', event: { type: 'file-start', feed: 'checkins', file: 'exchange.checkins', index: 0, total: 1 } }, 2);
    t.apply({ type: 'sync', event: { type: 'progress', feed: 'checkins', file: 'exchange.checkins', read: 20_000, fraction: 0.5 } }, 1000);
    expect(t.state.current).toEqual({ feed: 'checkins', file: 'exchange.checkins', fraction: 0.5 });
    t.apply(
      {
        type: 'sync',
        event: { type: 'retry', feed: 'checkins', file: 'exchange.checkins', attempt: 1, waitMs: 250, reason: 'connection lost' },
      },
      1100,
    );
    expect(t.state.message).toBe('reconnecting');
    t.apply({ type: 'sync', event: { type: 'progress', feed: 'checkins', file: 'exchange.checkins', read: 40_000, fraction: 1 } }, 2000);
    expect(t.state.message).toBeNull();
    expect(t.state.feeds.checkins).toMatchObject({ files: 1, filesDone: 0 });
  });
});
