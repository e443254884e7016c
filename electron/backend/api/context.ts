/** What a handler works with: the process-wide services and this call's session and transport. */
import type { Db } from '../db/database.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import type { SignInLimiter } from '../auth/sign-in-limiter.ts';
import type { SetupCode } from '../auth/first-administrator.ts';
import type { EventHub } from '../jobs/event-hub.ts';
import type { JobManager } from '../jobs/job-manager.ts';
import type { PersonRefs } from '../people/person-refs.ts';
import type { UnmaskLimiter } from '../people/unmask-limiter.ts';
import type { DownloadStore } from '../files/download-store.ts';
import type { Uploads } from '../uploads/uploads.ts';

export interface ConsoleServices {
  db: Db;
  dataDir: string;
  sessions: SessionStore;
  limiter: SignInLimiter;
  /** The one-time code for the first administrator on a database with data (`hcc serve` prints it). */
  setupCode: SetupCode;
  refs: PersonRefs;
  /** Each user's allowance of full IDs and phones (api/unmask-allowance.ts). */
  unmasks: UnmaskLimiter;
  jobs: JobManager;
  events: EventHub;
  downloads: DownloadStore;
  uploads: Uploads;
  /** Replaceable resources (map data): resources/ in the project, the app's resources when packaged. */
  resourcesDir: string;
  /** The database's clock (clock/database-clock.ts): what decisions, cases and default dates use. */
  now: () => number;
}

export interface CallContext {
  services: ConsoleServices;
  session: Session | null;
  /** Who is calling: 'desktop' for the Electron window, else the browser's address. */
  client: string;
  transport: 'ipc' | 'http' | 'test';
  /** The transport keeps the session token (cookie or window binding); null signs out. */
  setSession(token: string | null): void;
}

/** The signed-in session (dispatch has checked access before a handler runs). */
export function sessionOf(ctx: CallContext): Session {
  if (!ctx.session) throw new Error('handler needs a session');
  return ctx.session;
}
