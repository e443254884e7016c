/**
 * What the Data screen shows of a long job (sync, import, colour evaluation), computed from the
 * JobState the console pushes as events. Pure, so the arithmetic is tested without a DOM.
 */
import type { Translate } from '../../../../shared/words/translate.ts';
import type { FeedProgress, JobState } from '../../../../shared/contract/api.ts';
import { FEED_NAMES, type FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export interface FeedProgressView {
  feed: FeedName;
  files: number;
  filesDone: number;
  /** Rows read so far, including the estimated part of the file being read. */
  rowsDone: number;
  /** Estimated rows of the feed's files (null until the first bytes are read). */
  rowsTotal: number | null;
  /** 0..1 of the feed's work, or null when nothing is known yet. */
  fraction: number | null;
  /** The feed of the file being read now. */
  current: boolean;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * Per feed, in the feeds' usual order. The tracker counts a file's rows when the file is done and
 * estimates the feed's total from the bytes read (rowsTotal = rows read / fraction of the feed's
 * files), so the rows of the file being read are rowsTotal × that fraction.
 */
export function feedProgressViews(job: JobState): FeedProgressView[] {
  const out: FeedProgressView[] = [];
  for (const feed of FEED_NAMES) {
    const p: FeedProgress | undefined = job.feeds[feed];
    if (!p) continue;
    const current = job.status === 'running' && job.current?.feed === feed;
    const inFile = current ? (job.current?.fraction ?? 0) : 0;
    let fraction: number | null = p.files > 0 ? Math.min(1, (p.filesDone + inFile) / p.files) : null;
    if (job.status === 'done') fraction = 1;
    let rowsDone = p.rowsDone;
    if (current && p.rowsTotal !== null && fraction !== null) rowsDone = Math.max(p.rowsDone, Math.round(p.rowsTotal * fraction));
    const rowsTotal = p.rowsTotal === null ? null : Math.max(p.rowsTotal, rowsDone);
    out.push({
      feed,
      files: p.files,
      filesDone: p.filesDone,
      rowsDone,
      rowsTotal,
      fraction,
      current,
      accepted: p.accepted,
      duplicates: p.duplicates,
      rejected: p.rejected,
    });
  }
  return out;
}

export type JobPhase = 'starting' | 'reading' | 'reconnecting' | 'importing' | 'colours' | 'done' | 'failed' | 'cancelled';

export function jobPhase(job: JobState): JobPhase {
  if (job.status !== 'running') return job.status;
  if (job.message === 'reconnecting') return 'reconnecting';
  if (job.colours) return 'colours';
  // An import reports no files or rows while it reads (only its end), unlike a sync.
  if (job.kind === 'import' && Object.keys(job.feeds).length === 0) return 'importing';
  if (job.current || Object.keys(job.feeds).length > 0) return 'reading';
  return 'starting';
}

/**
 * The job's overall fraction: the colour evaluation once it runs; while files are read, the share
 * of the bytes read, which the console's time left already weighs (eta = elapsed × (1 − f) / f, and
 * elapsed = rows read / rate); failing that, the share of files read.
 */
export function jobFraction(job: JobState): number | null {
  if (job.status === 'done') return 1;
  if (job.colours && job.colours.total > 0) return Math.min(1, job.colours.done / job.colours.total);
  const rows = jobRowsDone(job);
  if (job.etaSeconds !== null && job.rowsPerSecond > 0 && rows > 0) {
    const elapsed = rows / job.rowsPerSecond;
    return Math.min(1, elapsed / (elapsed + Math.max(0, job.etaSeconds)));
  }
  let files = 0;
  let done = 0;
  for (const v of feedProgressViews(job)) {
    files += v.files;
    done += v.fraction === null ? 0 : v.fraction * v.files;
  }
  return files > 0 ? Math.min(1, done / files) : null;
}

/** Rows read in all feeds so far (with the estimated part of the current file). */
export function jobRowsDone(job: JobState): number {
  return feedProgressViews(job).reduce((n, v) => n + v.rowsDone, 0);
}

/** A length of time for "time left" in the user's language: 45 s / 2 min 5 s / 1 h 2 min (data.duration.*). */
export function formatDuration(seconds: number, t: Translate<MessageKey>): string {
  if (seconds < 1) return t('data.duration.underSecond');
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? t('data.duration.hoursMinutes', { h, m }) : t('data.duration.hours', { h });
  if (m > 0) return s > 0 ? t('data.duration.minutesSeconds', { m, s }) : t('data.duration.minutes', { m });
  return t('data.duration.seconds', { s });
}

export type FeedRowState = 'reading' | 'done' | 'waiting' | 'cancelled' | 'unfinished';

/**
 * What a feed's row says beside its bar. Once the job has ended nothing is waiting any more: a feed
 * not read to the end was cancelled with the job (or left unfinished by its failure).
 */
export function feedRowState(job: JobState, view: FeedProgressView): FeedRowState {
  if (view.current) return 'reading';
  if (view.filesDone >= view.files || job.status === 'done') return 'done';
  if (job.status === 'running') return 'waiting';
  return job.status === 'cancelled' ? 'cancelled' : 'unfinished';
}

/**
 * Merges a job report into what the page knows. A newer job (higher id) replaces an older one; a
 * report of an older job is ignored; and a late "running" report never overwrites the job's end
 * (events and the overview can arrive out of order).
 */
export function nextJob(known: JobState | null, report: JobState): JobState {
  if (!known || report.id > known.id) return report;
  if (report.id < known.id) return known;
  if (known.status !== 'running' && report.status === 'running') return known;
  return report;
}

/**
 * The answer of sync.start / import.commit: the job's first state. Events of the same job may
 * already have arrived with more progress, which the answer must not wipe out.
 */
export function startedJob(known: JobState | null, started: JobState): JobState {
  if (known && known.id === started.id) return known;
  return nextJob(known, started);
}

/** The overview says no job runs: a job we still think is running has ended (its last event was missed). */
export function endedWithoutReport(known: JobState | null, now: number): JobState | null {
  if (!known || known.status !== 'running') return known;
  return { ...known, status: 'done', finishedAt: now, current: null, etaSeconds: 0 };
}

/**
 * Time left for one feed: its estimated rows still to read at the job's rate (feeds are read one
 * after the other, so the job's rate is the current feed's). Null when either is unknown.
 */
export function feedEtaSeconds(view: FeedProgressView, rowsPerSecond: number): number | null {
  if (view.rowsTotal === null || rowsPerSecond <= 0) return null;
  return Math.max(0, (view.rowsTotal - view.rowsDone) / rowsPerSecond);
}

export interface JobTotals {
  files: number;
  filesDone: number;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export function jobTotals(job: JobState): JobTotals {
  const t: JobTotals = { files: 0, filesDone: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 };
  for (const feed of FEED_NAMES) {
    const p = job.feeds[feed];
    if (!p) continue;
    t.files += p.files;
    t.filesDone += p.filesDone;
    t.read += p.rowsDone;
    t.accepted += p.accepted;
    t.duplicates += p.duplicates;
    t.rejected += p.rejected;
  }
  return t;
}
