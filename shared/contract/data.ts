import type { FeedName } from '../domain/feeds/feed-schemas.ts';

export interface FeedStatus {
  feed: FeedName;
  rows: number;
  lastImportAt: number | null;
  rejected: number;
}

/** "Test connection": what the sync source holds, before a sync reads it. */
export interface ExchangeTestResult {
  kind: 'directory' | 'postgres';
  /** The source's name (a folder, or the database's URL without its password). */
  source: string;
  feeds: {
    feed: FeedName;
    /** `exchange.checkins` or `checkins/`. */
    where: string;
    /** Rows after the last one pulled (by seq, so counting gaps), or files in the folder. */
    waiting: number;
  }[];
  /** Feeds the source has no table (or folder) for. */
  missing: FeedName[];
}

export interface SyncRunSummary {
  id: number;
  source: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  startedAt: number;
  finishedAt: number | null;
  files: number;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface DataOverview {
  feeds: FeedStatus[];
  syncs: SyncRunSummary[];
  syncSource: string | null;
  /** The exchange database's password is kept (never sent). */
  syncPasswordStored: boolean;
  job: JobState | null;
}

/** Long work (sync, import, colour evaluation) runs off the interface thread and reports this. */
export interface JobState {
  id: number;
  kind: 'sync' | 'import' | 'colours';
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** What the job reads: the exchange directory of a sync, the file name of an import. */
  source: string | null;
  startedAt: number;
  finishedAt: number | null;
  /** Per feed: files and rows. rowsTotal is an estimate from file sizes while a file is read. */
  feeds: Partial<Record<FeedName, FeedProgress>>;
  /** The file being read now. */
  current: { feed: FeedName; file: string; fraction: number | null } | null;
  /** The colour evaluation after the data changed. */
  colours: { done: number; total: number } | null;
  rowsPerSecond: number;
  etaSeconds: number | null;
  /**
   * What the job is doing besides reading: writing the demo city's files before it reads, or
   * reconnecting to the exchange database after the connection was lost.
   */
  message: 'demo-writing' | 'reconnecting' | null;
  /** Why a failed job stopped, in both languages, with what to do (never the system's own text). */
  error: { en: string; zh: string } | null;
  /** Cases the fraud detectors opened after the data changed (set when the job ends). */
  casesOpened?: number;
}

export interface FeedProgress {
  files: number;
  filesDone: number;
  rowsDone: number;
  rowsTotal: number | null;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface RejectRow {
  id: number;
  feed: FeedName;
  /** The file's name, or the exchange table's (`exchange.checkins`). */
  file: string;
  /** The file's line (or sheet row), or the table row's seq (`fromTable`). */
  line: number;
  fromTable: boolean;
  column: string;
  /** Masked when the column is an ID or a phone and the user may not unmask. */
  value: string;
  reason: string;
  reasonZh: string;
}

export interface RejectsPage {
  rows: RejectRow[];
  total: number;
}

export interface ImportPreview {
  uploadId: string;
  fileName: string;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  /** The feed guessed from the file name or header (null: choose one). */
  feed: FeedName | null;
  header: string[];
  /** Each column of the feed and where the file has it (null: missing). */
  columns: { name: string; zh: string; required: boolean; position: number | null }[];
  ignored: string[];
  /** The first rows, IDs and phones masked. */
  sample: string[][];
  /** Set when the file cannot be imported as this feed, with what to fix. */
  problem: { en: string; zh: string } | null;
}

export interface ImportSummary {
  file: string;
  feed: FeedName;
  /** `needs_confirmation`: nothing was imported; the file would replace many stored values (see `replaces`). */
  status: 'done' | 'failed' | 'unreadable' | 'cancelled' | 'needs_confirmation';
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: { en: string; zh: string } | null;
  /** Stored records the file would give (or gave) other values. */
  replaces: number;
  /** The import's batch, which its rejected rows carry (rejects.list's filter); null: nothing stored. */
  batchId: number | null;
}

/** Where an export went: a file the user chose (desktop) or a download (browser). */
export interface ExportResult {
  rows: number;
  fileName: string;
  /** Browser mode: GET this URL to download (once, for this session). */
  downloadUrl: string | null;
}
