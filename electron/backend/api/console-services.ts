/** Assembles the console's services once per process (the Electron main process or `hcc serve`). */
import { fileURLToPath } from 'node:url';
import type { ConsoleServices } from './context.ts';
import { SessionStore } from '../auth/sessions.ts';
import { SignInLimiter } from '../auth/sign-in-limiter.ts';
import { SetupCode } from '../auth/first-administrator.ts';
import type { Db } from '../db/database.ts';
import { EventHub } from '../jobs/event-hub.ts';
import { JobManager } from '../jobs/job-manager.ts';
import { PersonRefs } from '../people/person-refs.ts';
import { UnmaskLimiter } from '../people/unmask-limiter.ts';
import { DownloadStore } from '../files/download-store.ts';
import { coloursBehind } from '../rules/recompute.ts';
import { Uploads } from '../uploads/uploads.ts';
import { consoleSettings } from '../settings/console-settings.ts';
import { databaseClock } from '../clock/database-clock.ts';

/** The project's resources/ folder (development, CLI); packaged builds pass their own. */
export const PROJECT_RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));

export function createConsoleServices(
  db: Db,
  dataDir: string,
  options: { resourcesDir?: string; now?: () => number } = {},
): ConsoleServices {
  // One clock: acts and default dates on the database's clock (a demo city's own days); sessions,
  // sign-in limits and downloads on real time. A test's clock replaces both.
  const wall = options.now ?? Date.now;
  const now = options.now ?? databaseClock(db);
  const events = new EventHub();
  const jobs = new JobManager(db, dataDir, events, wall);
  jobs.settingsChanged();
  // Evaluation that a crash or a closed window interrupted (after a sync, or a decision) resumes now.
  if (coloursBehind(db)) jobs.start({ kind: 'colours', full: false }, 'system');
  const uploads = new Uploads(dataDir, { now: wall });
  // An imported file holds a department's IDs and phones: it goes when its import ends.
  events.subscribe((e) => {
    if (e.type === 'job' && e.job.kind === 'import' && e.job.status !== 'running')
      uploads.importEnded(e.job.id, jobs.result(e.job.id)?.report?.importOutcome?.status ?? null);
  });
  return {
    db,
    dataDir,
    sessions: new SessionStore(() => consoleSettings(db).idleTimeoutMinutes * 60_000, wall),
    limiter: new SignInLimiter(wall),
    setupCode: new SetupCode(),
    refs: new PersonRefs(),
    unmasks: new UnmaskLimiter(wall),
    jobs,
    events,
    downloads: new DownloadStore(dataDir, wall),
    uploads,
    resourcesDir: options.resourcesDir ?? PROJECT_RESOURCES,
    now,
  };
}
