/**
 * One long job at a time (sync, import, demo city, colour evaluation), run on a worker thread; its
 * progress is pushed to every window as `job` events, and a finished job that changed data sends
 * `data-changed`. Also the automatic sync every N minutes (Settings), and every minute between jobs
 * the delivery of enforcement outcomes still waiting for the health-code platform (decisions/).
 */
import { Worker } from 'node:worker_threads';
import type { JobState } from '../../../shared/contract/data.ts';
import { consoleSettings } from '../settings/console-settings.ts';
import { audit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { databaseKeyOf } from '../db/db-key.ts';
import { workerUrl } from '../workers/worker-url.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { drainDecisions } from '../decisions/drain-decisions.ts';
import { maskIdentifiers } from '../../../shared/domain/masking.ts';
import type { EventHub } from './event-hub.ts';
import { jobFailure } from './job-failure.ts';
import type { JobFailure, JobReport, JobRequest, JobWorkerData } from './job-messages.ts';
import { JobTracker } from './job-state.ts';

/** How often outcomes still waiting for the platform are pushed (EXCHANGE.md, outbound). */
const DRAIN_EVERY_MS = 60_000;

export interface JobResult {
  state: JobState;
  report: Extract<JobReport, { type: 'done' }> | null;
}

export class JobManager {
  private running: { tracker: JobTracker; worker: Worker; done: Promise<JobResult> } | null = null;
  private readonly results = new Map<number, JobResult>();
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;
  private drainTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private lastDrainError: string | null = null;

  private readonly db: Db;
  private readonly dataDir: string;
  private readonly events: EventHub;
  private readonly now: () => number;

  constructor(db: Db, dataDir: string, events: EventHub, now: () => number = Date.now) {
    this.db = db;
    this.dataDir = dataDir;
    this.events = events;
    this.now = now;
  }

  current(): JobState | null {
    return this.running?.tracker.state ?? null;
  }

  result(id: number): JobResult | undefined {
    return this.results.get(id);
  }

  /** Starts a job; refuses while another runs (the page shows the running one). */
  start(request: JobRequest, user: string): JobState {
    if (this.running) throw ApiFailure.because('busy', { code: 'jobs.busy' });
    const id = this.nextId++;
    const kind = request.kind === 'import' ? 'import' : request.kind === 'colours' ? 'colours' : 'sync';
    const source = request.kind === 'sync' ? request.source : request.kind === 'import' ? request.fileName : null;
    const tracker = new JobTracker(
      id,
      kind,
      this.now(),
      source,
      request.kind === 'import' ? { feed: request.feed, file: request.fileName } : undefined,
    );
    const data: JobWorkerData = {
      dbFile: this.db.name,
      dbKey: databaseKeyOf(this.db),
      dataDir: this.dataDir,
      request,
      user,
      clockOffset: this.now() - Date.now(),
    };
    const worker = new Worker(workerUrl(import.meta.url, 'job-worker'), { workerData: data });
    const publish = () => this.events.publish({ type: 'job', job: structuredClone(tracker.state) });
    let lastPublish = 0;
    const done = new Promise<JobResult>((resolve) => {
      let final: Extract<JobReport, { type: 'done' }> | null = null;
      let error: JobFailure | null = null;
      worker.on('message', (r: JobReport) => {
        if (r.type === 'done') {
          final = r;
          tracker.apply(r, this.now());
        } else if (r.type === 'error') error = r.error;
        else {
          tracker.apply(r, this.now());
          // At most a few updates a second: progress bars do not need more, windows stay calm.
          if (this.now() - lastPublish > 200) {
            lastPublish = this.now();
            publish();
          }
        }
      });
      // The thread itself died (out of memory, a bug): said like any failure, details in the log.
      worker.on('error', (err) => {
        error = jobFailure(err, request);
      });
      worker.on('exit', () => {
        const status: JobState['status'] = error ? 'failed' : final?.cancelled ? 'cancelled' : 'done';
        const state = tracker.finish(status, this.now(), error);
        if (final?.casesOpened !== undefined) state.casesOpened = final.casesOpened;
        const result: JobResult = { state: structuredClone(state), report: final };
        this.results.set(id, result);
        this.running = null;
        // A finished use case audited itself (pipelines/); one that failed half-way is said here.
        if (final === null) this.auditFailure(request, user, result);
        // The demo city set the exchange directory: an automatic sync, if one is set, follows it.
        if (request.kind === 'demo') this.settingsChanged();
        publish();
        this.events.publish({ type: 'data-changed' });
        resolve(result);
      });
    });
    this.running = { tracker, worker, done };
    publish();
    return structuredClone(tracker.state);
  }

  cancel(): JobState | null {
    if (!this.running) return null;
    this.running.worker.postMessage('cancel');
    return structuredClone(this.running.tracker.state);
  }

  /** Waits for the running job (tests, shutdown). */
  async idle(): Promise<void> {
    if (this.running) await this.running.done;
  }

  /** Key areas changed: every colour is evaluated again. */
  coloursStale(): void {
    if (!this.running) this.start({ kind: 'colours', full: true }, 'system');
  }

  /** Re-arms the automatic sync from the settings. */
  settingsChanged(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const { autoSyncMinutes, syncSource } = consoleSettings(this.db);
    if (autoSyncMinutes > 0 && syncSource) {
      this.timer = setInterval(() => {
        if (!this.running) this.start({ kind: 'sync', source: syncSource }, 'auto-sync');
      }, autoSyncMinutes * 60_000);
      this.timer.unref();
    }
    if (this.drainTimer) clearInterval(this.drainTimer);
    this.drainTimer = null;
    if (syncSource) {
      this.drainTimer = setInterval(() => this.drainDecisions(syncSource), DRAIN_EVERY_MS);
      this.drainTimer.unref();
    }
  }

  /** A case move made an outcome for the platform: delivered now, not at the next tick. */
  decisionsMade(): void {
    const { syncSource } = consoleSettings(this.db);
    if (syncSource) this.drainDecisions(syncSource);
  }

  /**
   * A decision taken while the exchange was out of reach goes once it is back (a sync's end pushes
   * too). Never beside a job: the job's sync pushes itself. A failure is logged once, not every
   * minute, and without the outcome's person; the next tick tries again.
   */
  private drainDecisions(source: string): void {
    if (this.running || this.draining) return;
    this.draining = drainDecisions(this.db, source, undefined, { actor: { user: 'system' } })
      .then(
        (r) => {
          const error = r?.error ? `decisions not delivered to ${r.target}: ${r.error.en}` : null;
          if (error && error !== this.lastDrainError) console.error(error);
          this.lastDrainError = error;
          if (r?.delivered) this.events.publish({ type: 'data-changed' });
        },
        (err: unknown) => console.error(`decisions push failed: ${maskIdentifiers(err instanceof Error ? err.message : String(err))}`),
      )
      .finally(() => {
        this.draining = null;
      });
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.drainTimer) clearInterval(this.drainTimer);
    await this.draining;
    if (this.running) {
      this.running.worker.postMessage('cancel');
      await this.running.done;
    }
  }

  private auditFailure(request: JobRequest, user: string, result: JobResult): void {
    const details = { status: result.state.status, error: result.state.error?.en ?? null };
    const action =
      request.kind === 'import'
        ? 'data.import'
        : request.kind === 'colours'
          ? 'colours.evaluate'
          : request.kind === 'demo'
            ? 'data.demo'
            : 'data.sync';
    audit(this.db, { user, action, details, at: this.now() });
  }
}
