import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../../../shared/contract/api.ts';
import {
  endedWithoutReport,
  feedEtaSeconds,
  feedProgressViews,
  feedRowState,
  formatDuration,
  jobFraction,
  jobPhase,
  jobRowsDone,
  jobTotals,
  nextJob,
  startedJob,
} from '../../../../../renderer/src/features/data/job-progress.ts';
import { tEn, tZh } from '../../../../support/translator.ts';

function job(patch: Partial<JobState> = {}): JobState {
  return {
    id: 1,
    kind: 'sync',
    status: 'running',
    source: null,
    startedAt: 0,
    finishedAt: null,
    feeds: {},
    current: null,
    colours: null,
    rowsPerSecond: 0,
    etaSeconds: null,
    message: null,
    error: null,
    ...patch,
  };
}

const feed = (files: number, filesDone: number, rowsDone: number, rowsTotal: number | null) => ({
  files,
  filesDone,
  rowsDone,
  rowsTotal,
  accepted: rowsDone,
  duplicates: 0,
  rejected: 0,
});

describe('feedProgressViews', () => {
  it('lists feeds in the usual feed order, skipping feeds without progress', () => {
    const views = feedProgressViews(job({ feeds: { scans: feed(1, 0, 0, null), residents: feed(1, 1, 10, 10) } }));
    expect(views.map((v) => v.feed)).toEqual(['residents', 'scans']);
  });

  it('counts the rows of the file being read from the estimate (rowsTotal × fraction of the feed)', () => {
    // 2 of 4 files done (1000 rows), the third half read: the tracker estimates 1000 + 500 read of 2.5/4.
    const rowsRead = 1500;
    const fraction = 2.5 / 4;
    const j = job({
      feeds: { checkins: feed(4, 2, 1000, Math.round(rowsRead / fraction)) },
      current: { feed: 'checkins', file: 'checkins/c3.csv', fraction: 0.5 },
    });
    const [v] = feedProgressViews(j);
    expect(v!.current).toBe(true);
    expect(v!.fraction).toBeCloseTo(0.625);
    expect(v!.rowsDone).toBe(1500);
    expect(v!.rowsTotal).toBe(2400);
  });

  it('never shows fewer rows than the finished files hold, nor a total below the rows done', () => {
    const j = job({ feeds: { checkins: feed(2, 1, 900, 1000) }, current: { feed: 'checkins', file: 'x.csv', fraction: 0 } });
    const [v] = feedProgressViews(j);
    expect(v!.rowsDone).toBe(900);
    expect(v!.rowsTotal).toBeGreaterThanOrEqual(v!.rowsDone);
  });

  it('a feed not yet started has no total and a zero fraction; a finished job is complete', () => {
    expect(feedProgressViews(job({ feeds: { travel: feed(3, 0, 0, null) } }))[0]).toMatchObject({
      fraction: 0,
      rowsTotal: null,
      current: false,
    });
    expect(feedProgressViews(job({ status: 'done', feeds: { travel: feed(3, 3, 30, 30) } }))[0]!.fraction).toBe(1);
  });

  it('after a cancel, shows the rows written and the files left', () => {
    const [v] = feedProgressViews(job({ status: 'cancelled', feeds: { scans: feed(4, 1, 100, 400) }, current: null }));
    expect(v).toMatchObject({ rowsDone: 100, fraction: 0.25, current: false });
  });
});

describe('jobPhase and jobFraction', () => {
  it('phases: starting, reading, importing, colours, then the end status', () => {
    expect(jobPhase(job())).toBe('starting');
    expect(jobPhase(job({ feeds: { residents: feed(1, 0, 0, null) } }))).toBe('reading');
    expect(jobPhase(job({ kind: 'import' }))).toBe('importing');
    expect(jobPhase(job({ colours: { done: 0, total: 3 } }))).toBe('colours');
    expect(jobPhase(job({ status: 'cancelled', colours: { done: 3, total: 3 } }))).toBe('cancelled');
  });

  it('a sync reconnecting to the exchange database says so while it runs, and not once it has ended', () => {
    const reading = { feeds: { checkins: feed(1, 0, 0, null) }, message: 'reconnecting' as const };
    expect(jobPhase(job(reading))).toBe('reconnecting');
    expect(jobPhase(job({ ...reading, status: 'failed' }))).toBe('failed');
  });

  it('while reading, follows the bytes read (elapsed = rows / rate; fraction = elapsed / (elapsed + time left))', () => {
    // 1000 rows at 100 rows/s: 10 s elapsed; 30 s left: a quarter done, whatever the unstarted feeds hold.
    const j = job({ feeds: { residents: feed(1, 1, 1000, 1000), checkins: feed(14, 0, 0, null) }, rowsPerSecond: 100, etaSeconds: 30 });
    expect(jobFraction(j)).toBeCloseTo(0.25);
  });

  it('without a rate, falls back to the share of files read', () => {
    const j = job({ feeds: { residents: feed(1, 1, 0, null), checkins: feed(3, 0, 0, null) } });
    expect(jobFraction(j)).toBeCloseTo(0.25);
    expect(jobFraction(job())).toBeNull();
  });

  it('the colour evaluation reports its own progress; a done job is whole', () => {
    expect(jobFraction(job({ colours: { done: 1, total: 4 } }))).toBe(0.25);
    expect(jobFraction(job({ status: 'done' }))).toBe(1);
  });

  it('totals add the feeds up', () => {
    const j = job({ feeds: { residents: feed(1, 1, 10, 10), checkins: feed(2, 1, 5, 12) } });
    expect(jobTotals(j)).toEqual({ files: 3, filesDone: 2, read: 15, accepted: 15, duplicates: 0, rejected: 0 });
    expect(jobRowsDone(j)).toBe(15);
  });
});

describe('time left', () => {
  it('formats durations in both languages, from the message tables', () => {
    expect(formatDuration(45, tZh)).toBe('45秒');
    expect(formatDuration(125, tZh)).toBe('2分5秒');
    expect(formatDuration(120, tZh)).toBe('2分钟');
    expect(formatDuration(3720, tZh)).toBe('1小时2分');
    expect(formatDuration(3600, tZh)).toBe('1小时');
    expect(formatDuration(0.4, tZh)).toBe('不到1秒');
    expect(formatDuration(45, tEn)).toBe('45 s');
    expect(formatDuration(125, tEn)).toBe('2 min 5 s');
    expect(formatDuration(3720, tEn)).toBe('1 h 2 min');
    expect(formatDuration(0, tEn)).toBe('under 1 s');
    // The words live in the i18n files only.
    expect(readFileSync(new URL('../../../../../renderer/src/features/data/job-progress.ts', import.meta.url), 'utf8')).not.toMatch(
      /[\u4e00-\u9fff]/,
    );
  });

  it("a feed's time left is its estimated rows still to read at the job's rate", () => {
    const [v] = feedProgressViews(job({ feeds: { checkins: feed(2, 1, 500, 1000) } }));
    expect(feedEtaSeconds(v!, 100)).toBe(5);
    expect(feedEtaSeconds(v!, 0)).toBeNull();
    expect(feedEtaSeconds({ ...v!, rowsTotal: null }, 100)).toBeNull();
  });
});

describe('following a job from events', () => {
  it('takes the first report, newer jobs, and later reports of the same job', () => {
    const a = job({ id: 3 });
    expect(nextJob(null, a)).toBe(a);
    const later = job({ id: 3, rowsPerSecond: 50 });
    expect(nextJob(a, later)).toBe(later);
    const b = job({ id: 4 });
    expect(nextJob(a, b)).toBe(b);
  });

  it('ignores older jobs and a late "running" report after the end', () => {
    const b = job({ id: 4 });
    expect(nextJob(b, job({ id: 3 }))).toBe(b);
    const ended = job({ id: 4, status: 'done' });
    expect(nextJob(ended, job({ id: 4 }))).toBe(ended);
    const cancelled = job({ id: 4, status: 'cancelled' });
    expect(nextJob(job({ id: 4 }), cancelled)).toBe(cancelled);
  });

  it("the start's answer does not wipe out progress already reported by events", () => {
    const progressed = job({ id: 5, rowsPerSecond: 900 });
    expect(startedJob(progressed, job({ id: 5 }))).toBe(progressed);
    const fresh = job({ id: 6 });
    expect(startedJob(progressed, fresh)).toBe(fresh);
  });

  it('a running job the overview no longer reports has ended', () => {
    expect(endedWithoutReport(job({ id: 2 }), 1000)).toMatchObject({ status: 'done', finishedAt: 1000, current: null });
    const cancelled = job({ status: 'cancelled' });
    expect(endedWithoutReport(cancelled, 1000)).toBe(cancelled);
    expect(endedWithoutReport(null, 1000)).toBeNull();
  });
});

describe('feed rows once the job has ended', () => {
  const feeds = { declarations: feed(2, 2, 100, 100), checkins: feed(3, 1, 50, 150), scans: feed(2, 0, 0, null) };
  const states = (j: JobState) => Object.fromEntries(feedProgressViews(j).map((v) => [v.feed, feedRowState(j, v)]));

  it('a cancelled sync: the interrupted feed and those not reached say cancelled, not waiting', () => {
    expect(states(job({ status: 'cancelled', feeds }))).toEqual({ declarations: 'done', checkins: 'cancelled', scans: 'cancelled' });
    expect(tZh('data.job.feedCancelled')).toBe('已取消');
  });

  it('while it runs, the feed being read is reading and the later ones wait', () => {
    const running = job({ feeds, current: { feed: 'checkins', file: 'c.csv', fraction: 0.5 } });
    expect(states(running)).toEqual({ declarations: 'done', checkins: 'reading', scans: 'waiting' });
  });

  it('a failed job leaves feeds unfinished; a done one has read them all', () => {
    expect(states(job({ status: 'failed', feeds }))).toEqual({ declarations: 'done', checkins: 'unfinished', scans: 'unfinished' });
    expect(states(job({ status: 'done', feeds }))).toEqual({ declarations: 'done', checkins: 'done', scans: 'done' });
  });
});
