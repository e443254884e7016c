import type { FeedFreshness, IsoDay, Kpis } from './dashboard.ts';
import type { ExpectedGreens } from './forecast.ts';

/** The daily briefing's key figures, shown before exporting (the same queries as the workbook). */
export interface BriefingPreview {
  day: IsoDay;
  /** The county the briefing covers (a county-scoped account's own, always), or null: the whole city. */
  county: string | null;
  /** The latest date the data reaches (the default briefing date). */
  latestDataDay: IsoDay | null;
  /** `滨州健康码每日简报_YYYY-MM-DD.xlsx` (a county's: `滨州健康码每日简报_邹平市_YYYY-MM-DD.xlsx`) */
  fileName: string;
  /** The totals (of the city, or of the county) with the change against the day before and open cases. */
  kpis: Kpis;
  /** People who turned red/yellow/green that day (from another colour). */
  turned: { red: number; yellow: number; green: number };
  /** New code holders that day (counted, not listed). */
  newCodes: number;
  /** Enforcement that day. */
  enforcement: { newSuspicions: number; decisions: number; revocations: number; openCases: number };
  /** Rows of the 转码明细 and 执法通报 sheets. */
  changes: number;
  notices: number;
  /** The trend's first day (default: 13 days before the briefing date). */
  trendFrom: IsoDay;
  freshness: FeedFreshness[];
  /** The green forecast of the day (概况's line: expected greens tomorrow and within the week, and those held). */
  forecast: ExpectedGreens | null;
}

/** A briefing someone exported (from the audit log). */
export interface BriefingExportRecord {
  at: number;
  user: string;
  day: IsoDay;
  /** The county of a county's briefing, null for the city's. */
  county: string | null;
  fileName: string;
}

export interface BriefingExportResult {
  rows: number;
  fileName: string;
  downloadUrl: string | null;
  /** The workbook's sheet names, in order. */
  sheets: string[];
}
