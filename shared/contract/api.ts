/**
 * THE API of the console: every method the interface may call (the table in methods.ts: its
 * parameters' schema and who may call it) and its result. Electron IPC and the HTTP bridge both serve exactly this table through one
 * dispatch(), so the two transports cannot drift. Errors cross as data with a code and messages in
 * both languages; events (progress of long work, data changes) are pushed the same way on both.
 */
import type * as v from 'valibot';
import { type Access, METHODS } from './methods.ts';
import type { AuthStatus, SessionInfo } from './auth.ts';
import type { CountyMap, DashboardSummary } from './dashboard.ts';
import type {
  DataOverview,
  ExchangeTestResult,
  ExportResult,
  ImportPreview,
  ImportSummary,
  JobState,
  RejectsPage,
  SyncRunSummary,
} from './data.ts';
import type { PersonDetail, PersonSummary } from './people.ts';
import type { ConsoleSettings, KeyAreaRow, UserRow } from './settings.ts';
import type { KeyAreaVersionRow, KeyAreaWhatIf } from './key-area-whatif.ts';
import type { BulkMoveResult, CaseDetail, CasePage, CaseSummary, CreditRecordView, DetectorSettings, NoticeView } from './enforcement.ts';
import type { CaseState } from '../domain/cases.ts';
import type { BriefingExportRecord, BriefingExportResult, BriefingPreview } from './briefing.ts';
import type { ErrorReason } from '../words/error-words.ts';
import type { AuditPage, AuditVerification } from './audit.ts';
import type { FigurePeoplePage } from './figures.ts';
import type { CountySignoffState, SignoffStatus } from './signoff.ts';
import type { EnterpriseCountyTable, EnterpriseDetail, EnterprisePage, ScanPage, SiteDetail, SiteStats, StaffPage } from './enterprises.ts';

export type * from './auth.ts';
export type * from './dashboard.ts';
export type * from './data.ts';
export type * from './people.ts';
export type * from './settings.ts';
export type * from './enforcement.ts';
export type * from './briefing.ts';
export type * from './enterprises.ts';
export type * from './audit.ts';
export type * from './figures.ts';
export type * from './signoff.ts';
export { type Access, METHODS } from './methods.ts';

type Empty = Record<string, never>;

/** What each method answers (its parameters and access are in methods.ts, with their schemas). */
export interface ApiResults {
  'auth.status': AuthStatus;
  'auth.setup': SessionInfo;
  'auth.signIn': SessionInfo;
  'auth.signOut': Empty;
  'auth.changePassword': SessionInfo;
  'auth.setLanguage': SessionInfo;
  'auth.touch': SessionInfo;
  'dashboard.summary': DashboardSummary;
  'dashboard.map': CountyMap;
  'data.overview': DataOverview;
  'data.loadDemo': JobState;
  'sync.start': JobState;
  'sync.cancel': JobState | null;
  'sync.history': SyncRunSummary[];
  'sync.testSource': ExchangeTestResult;
  'rejects.list': RejectsPage;
  'rejects.export': ExportResult;
  'upload.begin': { uploadId: string };
  'upload.chunk': { received: number };
  'import.preview': ImportPreview;
  'import.commit': JobState;
  'import.result': ImportSummary | null;
  'people.search': PersonSummary[];
  'people.get': PersonDetail;
  'people.unmask': { value: string };
  'users.list': UserRow[];
  'users.create': UserRow;
  'users.update': UserRow;
  'users.decideRole': UserRow;
  'settings.get': ConsoleSettings;
  'settings.update': ConsoleSettings;
  'keyAreas.list': KeyAreaRow[];
  'keyAreas.save': KeyAreaRow[];
  'keyAreas.whatif': KeyAreaWhatIf;
  'keyAreas.versions': KeyAreaVersionRow[];
  'cases.counts': Record<CaseState, number>;
  'cases.list': CasePage;
  'cases.ofPerson': CaseSummary[];
  'cases.get': CaseDetail;
  'cases.move': CaseDetail;
  'cases.moveMany': BulkMoveResult;
  'cases.export': ExportResult;
  'cases.flag': CaseDetail;
  'cases.detect': { opened: number };
  'credit.list': { rows: CreditRecordView[]; total: number };
  'credit.export': ExportResult;
  'credit.report': ExportResult;
  'notices.list': { day: string; today: string; rows: NoticeView[] };
  'detect.settings': DetectorSettings;
  'detect.saveSettings': DetectorSettings;
  'briefing.preview': BriefingPreview;
  'briefing.export': BriefingExportResult;
  'briefing.recent': BriefingExportRecord[];
  'signoff.status': SignoffStatus;
  'signoff.sign': CountySignoffState;
  'enterprises.counties': EnterpriseCountyTable;
  'enterprises.list': EnterprisePage;
  'enterprises.get': EnterpriseDetail;
  'enterprises.staff': StaffPage;
  'sites.stats': SiteStats;
  'sites.get': SiteDetail;
  'sites.scans': ScanPage;
  'enterprises.exportCounties': ExportResult;
  'enterprises.exportList': ExportResult;
  'enterprises.weeklyReport': ExportResult;
  'audit.list': AuditPage;
  'audit.verify': AuditVerification;
  'audit.export': ExportResult;
  'figures.people': FigurePeoplePage;
  'figures.export': ExportResult;
  'dashboard.export': ExportResult;
  'people.exportSearch': ExportResult;
}

export type MethodName = keyof typeof METHODS;
/** What the page sends (the schema's input: dates as `YYYY-MM-DD`, optional fields omitted). */
export type ParamsOf<M extends MethodName> = v.InferInput<(typeof METHODS)[M]['params']>;
/** What the handler gets: the schema's output (defaults filled, dates as Day, unknown keys dropped). */
export type ValidParams<M extends MethodName> = v.InferOutput<(typeof METHODS)[M]['params']>;
export type ResultOf<M extends MethodName> = ApiResults[M];
/** The table and the results name the same methods (the compiler refuses a method with one only). */
export type ApiMethods = { [M in MethodName]: { params: ParamsOf<M>; result: ResultOf<M> } };
type SameMethods<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
const sameMethods: SameMethods<ApiResults, typeof METHODS> = true;
void sameMethods;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
export const METHOD_ACCESS = Object.fromEntries(METHOD_NAMES.map((m) => [m, METHODS[m].access])) as Record<MethodName, Access>;

/** Methods that write a file: the desktop asks where (native save dialog), the browser downloads. */
export const EXPORT_METHODS = [
  'rejects.export',
  'cases.export',
  'credit.export',
  'credit.report',
  'briefing.export',
  'enterprises.exportCounties',
  'enterprises.exportList',
  'enterprises.weeklyReport',
  'audit.export',
  'figures.export',
  'dashboard.export',
  'people.exportSearch',
] as const satisfies readonly MethodName[];
export type ExportMethod = (typeof EXPORT_METHODS)[number];

export interface ApiError {
  code:
    | 'bad_request'
    | 'unknown_method'
    | 'unauthenticated'
    | 'forbidden'
    | 'not_found'
    | 'conflict'
    | 'busy'
    | 'rate_limited'
    | 'password_change_required'
    | 'internal';
  message: string;
  messageZh: string;
  /** Why, as a code and parameters (shared/words/error-words.ts) the page renders in its language; message/messageZh are the fallback. */
  reason?: ErrorReason;
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
  exportFile<M extends ExportMethod>(
    method: M,
    params: Omit<ParamsOf<M>, 'target'>,
    suggestedName: string,
  ): Promise<ApiResponse<ResultOf<M>> | null>;
  /**
   * Desktop only (absent in the browser, where the page has no business browsing the server's
   * disks): the system's folder dialog, opened at `current`; the chosen folder's full path, or null
   * when cancelled. For an administrator choosing the exchange directory, which is checked when saved.
   */
  chooseFolder?(current: string | null): Promise<string | null>;
}
