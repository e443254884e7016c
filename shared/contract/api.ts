/**
 * THE API of the console: every method the interface may call, with its parameters, its result and
 * who may call it. Electron IPC and the HTTP bridge both serve exactly this table through one
 * dispatch(), so the two transports cannot drift. Errors cross as data with a code and messages in
 * both languages; events (progress of long work, data changes) are pushed the same way on both.
 */
import type { FeedName } from '../domain/feeds/feed-schemas.ts';
import type { Permission, Role } from '../domain/roles.ts';
import type { AuthStatus, SessionInfo } from './auth.ts';
import type { CountyMap, DashboardQuery, DashboardSummary } from './dashboard.ts';
import type { DataOverview, ExportResult, ImportPreview, ImportSummary, JobState, RejectsPage, SyncRunSummary } from './data.ts';
import type { PersonDetail, PersonRef, PersonSummary } from './people.ts';
import type { ConsoleSettings, KeyAreaRow, UserRow } from './settings.ts';
import type { CaseDetail, CaseSummary, CreditRecordView, DetectorSettings, NoticeView } from './enforcement.ts';
import type { Behavior, CaseMove, CaseState } from '../domain/cases.ts';
import type { BriefingExportRecord, BriefingExportResult, BriefingPreview } from './briefing.ts';

export type * from './auth.ts';
export type * from './dashboard.ts';
export type * from './data.ts';
export type * from './people.ts';
export type * from './settings.ts';
export type * from './enforcement.ts';
export type * from './briefing.ts';

type Empty = Record<string, never>;

export interface ApiMethods {
  /** Whether set-up is needed, whether the database is empty, and the current session. */
  'auth.status': { params: Empty; result: AuthStatus };
  /** First start only (no user exists): creates the first administrator and signs in; `setupCode` when AuthStatus.setupCodeRequired. */
  'auth.setup': { params: { name: string; password: string; setupCode?: string }; result: SessionInfo };
  'auth.signIn': { params: { name: string; password: string }; result: SessionInfo };
  'auth.signOut': { params: Empty; result: Empty };
  /** The signed-in user's own new password (required first after an administrator set one). */
  'auth.changePassword': { params: { currentPassword: string; newPassword: string }; result: SessionInfo };
  /** Keeps the session alive (the interface calls it on user activity). */
  'auth.touch': { params: Empty; result: SessionInfo };

  /** KPI cards, counties, trend, transitions and freshness for a date (and a county). */
  'dashboard.summary': { params: DashboardQuery; result: DashboardSummary };
  /** The county boundaries (GeoJSON FeatureCollection), a replaceable resource. */
  'dashboard.map': { params: Empty; result: CountyMap };

  /** Row counts, freshness and rejected rows per feed, recent syncs, the running job. */
  'data.overview': { params: Empty; result: DataOverview };
  /** Loads the demo city into an empty database (long work: progress arrives as job events). */
  'data.loadDemo': { params: Empty; result: JobState };
  /** Syncs the exchange directory (long work). */
  'sync.start': { params: { source?: string }; result: JobState };
  /** Stops the running job after the chunk being written; everything committed stays. */
  'sync.cancel': { params: Empty; result: JobState | null };
  'sync.history': { params: { limit?: number }; result: SyncRunSummary[] };
  /** Rejected rows, paged on the server; `batchId`: only those of one file's import (ImportSummary.batchId). */
  'rejects.list': { params: { feed?: FeedName; batchId?: number; offset?: number; limit?: number }; result: RejectsPage };
  /** Exports one feed's rejected rows (CSV or XLSX) for the department to correct. */
  'rejects.export': { params: { feed: FeedName; format: 'csv' | 'xlsx'; target?: string }; result: ExportResult };
  /** Uploads a file in pieces (drag-and-drop import), then previews how its header maps. */
  'upload.begin': { params: { name: string; size: number }; result: { uploadId: string } };
  'upload.chunk': { params: { uploadId: string; offset: number; base64: string }; result: { received: number } };
  'import.preview': { params: { uploadId: string; feed?: FeedName }; result: ImportPreview };
  /** Imports an uploaded file (long work); the result arrives with the job's end. */
  'import.commit': { params: { uploadId: string; feed: FeedName; strict?: boolean; confirmReplace?: boolean }; result: JobState };
  'import.result': { params: { jobId: number }; result: ImportSummary | null };

  /** Search by ID number, phone or name (at least 2 characters). */
  'people.search': { params: { query: string; limit?: number }; result: PersonSummary[] };
  'people.get': { params: { ref: PersonRef; asOf?: string }; result: PersonDetail };
  /** The full ID number or phone; audited. */
  'people.unmask': { params: { ref: PersonRef; field: 'id' | 'phone' }; result: { value: string } };

  'users.list': { params: Empty; result: UserRow[] };
  'users.create': { params: { name: string; role: Role; county: string | null; password: string }; result: UserRow };
  'users.update': { params: { name: string; role?: Role; county?: string | null; disabled?: boolean; password?: string }; result: UserRow };
  /** A second administrator approves (or either one withdraws) a pending credit role (UserRow.pendingRole). */
  'users.decideRole': { params: { name: string; approve: boolean }; result: UserRow };
  'settings.get': { params: Empty; result: ConsoleSettings };
  'settings.update': { params: Partial<ConsoleSettings>; result: ConsoleSettings };
  'keyAreas.list': { params: Empty; result: KeyAreaRow[] };
  /** Adds or changes a key area (re-evaluates the city's colours). */
  'keyAreas.save': { params: KeyAreaRow; result: KeyAreaRow[] };

  /** Cases by state (the queue's counts). */
  'cases.counts': { params: Empty; result: Record<CaseState, number> };
  'cases.list': { params: { state?: CaseState; behavior?: Behavior; offset?: number; limit?: number }; result: { rows: CaseSummary[]; total: number } };
  'cases.get': { params: { id: number }; result: CaseDetail };
  /** A step of the workflow with its written reason; refused (and nothing changes) if the state or role does not allow it. */
  'cases.move': { params: { id: number; move: CaseMove; reason: string }; result: CaseDetail };
  /** An officer's suspicion about a person. */
  'cases.flag': { params: { ref: PersonRef; behavior: Behavior; reason: string }; result: CaseDetail };
  /** Runs the fraud detectors now (they also run after every sync). */
  'cases.detect': { params: Empty; result: { opened: number } };
  'credit.list': { params: { from?: string; to?: string; offset?: number; limit?: number }; result: { rows: CreditRecordView[]; total: number } };
  /** The credit records as Excel, for the credit system. */
  'credit.export': { params: { format: 'xlsx'; from?: string; to?: string; target?: string }; result: ExportResult };
  /** One person's credit report, a print-ready page (HTML). */
  'credit.report': { params: { ref: PersonRef; target?: string }; result: ExportResult };
  /** The notice list (通报名单) of a day: decisions and revocations. */
  'notices.list': { params: { day?: string }; result: { day: string; today: string; rows: NoticeView[] } };
  'detect.settings': { params: Empty; result: DetectorSettings };
  'detect.saveSettings': { params: Partial<DetectorSettings>; result: DetectorSettings };

  /** The daily briefing's key figures for a date (default: the latest date the data reaches). */
  'briefing.preview': { params: { day?: string; trendFrom?: string }; result: BriefingPreview };
  /** Writes the daily Excel briefing (BRIEFING.md); `trendFrom` starts the trend sheet (default 13 days before). */
  'briefing.export': { params: { day: string; trendFrom?: string; target?: string }; result: BriefingExportResult };
  /** The briefings exported lately, newest first. */
  'briefing.recent': { params: { limit?: number }; result: BriefingExportRecord[] };
}

export type MethodName = keyof ApiMethods;
export type ParamsOf<M extends MethodName> = ApiMethods[M]['params'];
export type ResultOf<M extends MethodName> = ApiMethods[M]['result'];

/** Who may call a method: anyone, any signed-in user, or a permission. */
export type Access = 'public' | 'signed-in' | Permission;

export const METHOD_ACCESS: Record<MethodName, Access> = {
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'signed-in',
  'auth.changePassword': 'signed-in',
  'auth.touch': 'signed-in',
  'dashboard.summary': 'dashboard.view',
  'dashboard.map': 'dashboard.view',
  'data.overview': 'data.view',
  'data.loadDemo': 'settings.manage',
  'sync.start': 'data.sync',
  'sync.cancel': 'data.sync',
  'sync.history': 'data.view',
  'rejects.list': 'data.view',
  'rejects.export': 'rejects.export',
  'upload.begin': 'data.import',
  'upload.chunk': 'data.import',
  'import.preview': 'data.import',
  'import.commit': 'data.import',
  'import.result': 'data.import',
  'people.search': 'people.view',
  'people.get': 'people.view',
  'people.unmask': 'people.unmask',
  'users.list': 'users.manage',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'users.decideRole': 'users.manage',
  'settings.get': 'settings.manage',
  'settings.update': 'settings.manage',
  'keyAreas.list': 'settings.manage',
  'keyAreas.save': 'settings.manage',
  'cases.counts': 'cases.view',
  'cases.list': 'cases.view',
  'cases.get': 'cases.view',
  'cases.move': 'cases.view',
  'cases.flag': 'cases.flag',
  'cases.detect': 'cases.flag',
  'credit.list': 'cases.view',
  'credit.export': 'credit.export',
  'credit.report': 'credit.export',
  'notices.list': 'cases.view',
  'detect.settings': 'settings.manage',
  'detect.saveSettings': 'settings.manage',
  'briefing.preview': 'briefing.export',
  'briefing.export': 'briefing.export',
  'briefing.recent': 'briefing.export',
};

export const METHOD_NAMES = Object.keys(METHOD_ACCESS) as MethodName[];

/** Methods that write a file: the desktop asks where (native save dialog), the browser downloads. */
export const EXPORT_METHODS = ['rejects.export', 'credit.export', 'credit.report', 'briefing.export'] as const satisfies readonly MethodName[];
export type ExportMethod = (typeof EXPORT_METHODS)[number];

export interface ApiError {
  code: 'bad_request' | 'unknown_method' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'busy' | 'rate_limited' | 'password_change_required' | 'internal';
  message: string;
  messageZh: string;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Pushed from the console to the page. */
export type ConsoleEvent = { type: 'data-changed' } | { type: 'job'; job: JobState } | { type: 'session-expired' };

/** What the preload exposes to the page as `window.hcc` (and the HTTP client imitates). */
export interface ConsoleBridge {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ApiResponse<ResultOf<M>>>;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  /**
   * Runs an export method. The desktop shows the system save dialog and the file goes where the
   * user chose (null: cancelled); the browser downloads it.
   */
  exportFile<M extends ExportMethod>(method: M, params: Omit<ParamsOf<M>, 'target'>, suggestedName: string): Promise<ApiResponse<ResultOf<M>> | null>;
  /**
   * Desktop only (absent in the browser, where the page has no business browsing the server's
   * disks): the system's folder dialog, opened at `current`; the chosen folder's full path, or null
   * when cancelled. For an administrator choosing the exchange directory, which is checked when saved.
   */
  chooseFolder?(current: string | null): Promise<string | null>;
}
