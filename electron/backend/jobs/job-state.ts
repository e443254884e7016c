/**
 * Folding a job worker's reports into the JobState the interface shows: files and rows per feed,
 * an estimate of the rows still to read (from the bytes read so far), the rate and time left.
 */
import type { FeedProgress, JobState } from '../../../shared/contract/data.ts';
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { ImportOutcome } from '../import/import-file.ts';
import type { JobReport } from './job-messages.ts';

export class JobTracker {
  readonly state: JobState;
  /** Bytes to read per feed (from the sync's plan), to weigh the feeds in the time left. */
  private readonly bytes = new Map<FeedName, number>();
  private currentRead = 0;

  constructor(id: number, kind: JobState['kind'], now: number, source: string | null = null, importing?: { feed: FeedName; file: string }) {
    this.state = {
      id,
      kind,
      status: 'running',
      source,
      startedAt: now,
      finishedAt: null,
      feeds: {},
      current: null,
      colours: null,
      rowsPerSecond: 0,
      etaSeconds: null,
      message: null,
      error: null,
    };
    if (importing) {
      // An import is one file of one feed: its progress is that file's.
      this.feed(importing.feed).files = 1;
      this.state.current = { feed: importing.feed, file: importing.file, fraction: 0 };
    }
  }

  private feed(name: FeedName): FeedProgress {
    return (this.state.feeds[name] ??= { files: 0, filesDone: 0, rowsDone: 0, rowsTotal: null, accepted: 0, duplicates: 0, rejected: 0 });
  }

  apply(r: JobReport, now: number): void {
    const s = this.state;
    if (r.type === 'done') {
      if (r.importOutcome) this.importDone(r.importOutcome);
      return;
    }
    if (r.type === 'demo-writing') s.message = 'demo-writing';
    if (r.type === 'colours') {
      s.colours = { done: r.done, total: r.total };
      s.current = null;
    }
    if (r.type === 'import-progress' && s.current) {
      this.currentRead = r.read;
      s.current.fraction = r.fraction;
      const f = this.feed(s.current.feed);
      f.rowsTotal = r.fraction ? Math.round(r.read / r.fraction) : null;
      s.etaSeconds = r.fraction ? Math.round((((now - s.startedAt) / 1000) * (1 - r.fraction)) / r.fraction) : null;
      s.rowsPerSecond = Math.round(r.read / Math.max(0.001, (now - s.startedAt) / 1000));
      return;
    }
    if (r.type === 'sync') {
      const e = r.event;
      if (e.type === 'retry') s.message = 'reconnecting';
      else if (s.message === 'reconnecting') s.message = null;
      if (e.type === 'plan') {
        s.message = null;
        for (const f of e.files) {
          this.feed(f.feed).files++;
          this.bytes.set(f.feed, (this.bytes.get(f.feed) ?? 0) + f.size);
        }
      } else if (e.type === 'file-start') {
        s.current = { feed: e.feed, file: e.file, fraction: 0 };
        this.currentRead = 0;
      } else if (e.type === 'progress' && s.current) {
        this.currentRead = e.read;
        s.current.fraction = e.fraction;
      } else if (e.type === 'file-done') {
        const f = this.feed(e.outcome.feed);
        f.filesDone++;
        f.rowsDone += e.outcome.read;
        f.accepted += e.outcome.accepted;
        f.duplicates += e.outcome.duplicates;
        f.rejected += e.outcome.rejected;
        this.currentRead = 0;
      }
    }
    this.estimate(now);
  }

  /** Rows to read, extrapolated from the bytes already read (rows per byte so far). */
  private estimate(now: number): void {
    const s = this.state;
    let rows = 0;
    for (const f of Object.values(s.feeds)) rows += f?.rowsDone ?? 0;
    rows += this.currentRead;
    const seconds = Math.max(0.001, (now - s.startedAt) / 1000);
    s.rowsPerSecond = Math.round(rows / seconds);
    let fraction = 0;
    let total = 0;
    for (const [feed, size] of this.bytes) {
      const f = this.feed(feed);
      const current = s.current?.feed === feed ? (s.current.fraction ?? 0) : 0;
      const filesFraction = f.files ? (f.filesDone + current) / f.files : 1;
      f.rowsTotal = filesFraction > 0 ? Math.round((f.rowsDone + (s.current?.feed === feed ? this.currentRead : 0)) / filesFraction) : null;
      total += size;
      fraction += size * Math.min(1, filesFraction);
    }
    s.etaSeconds = total > 0 && fraction > 0 ? Math.round((seconds * (total - fraction)) / fraction) : null;
  }

  /**
   * An import reports its rows only at its end (the file's outcome), unlike a sync's file-done
   * events: counted here, or its panel would read "0 / 1 files, 0 rows" after accepting rows. A file
   * that needed confirmation or was cancelled is not done; its committed rows still count.
   */
  private importDone(o: ImportOutcome): void {
    const f = this.feed(o.feed);
    if (o.status !== 'needs_confirmation' && o.status !== 'cancelled') f.filesDone = f.files;
    f.rowsDone = o.read;
    f.rowsTotal = o.read;
    f.accepted = o.accepted;
    f.duplicates = o.duplicates;
    f.rejected = o.rejected;
    this.currentRead = 0;
  }

  finish(status: JobState['status'], now: number, error: JobState['error'] = null): JobState {
    this.state.status = status;
    this.state.finishedAt = now;
    this.state.current = null;
    this.state.etaSeconds = 0;
    this.state.error = error;
    return this.state;
  }
}
