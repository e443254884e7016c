import type { FeedName } from '../domain/feeds/feed-schemas.ts';
import type { CodeColor } from '../domain/rules/colors.ts';
import type { ExpectedGreens } from './forecast.ts';

/** Dates cross the contract as `YYYY-MM-DD` local dates (Asia/Shanghai). */
export type IsoDay = string;

export interface ColorCounts {
  red: number;
  yellow: number;
  green: number;
  /** Code holders: red + yellow + green. */
  total: number;
  /** People known to the database without a code. */
  noCode: number;
}

export interface CountyRow extends ColorCounts {
  countyCode: string;
  countyName: string;
  /** (red + yellow) / holders, 0..1 (0 when no holders). */
  redYellowRate: number;
}

export interface Kpis extends ColorCounts {
  /** Code holders / people known (holders + without a code), 0..1. */
  coverage: number;
  /** Change against the day before. */
  change: { total: number; red: number; yellow: number; green: number; noCode: number };
  /** Cases not yet closed (null until enforcement exists in this database). */
  openCases: number | null;
}

export interface TrendPoint extends ColorCounts {
  day: IsoDay;
  turnedRed: number;
  turnedYellow: number;
  turnedGreen: number;
  newCodes: number;
}

export interface TransitionCount {
  from: CodeColor;
  to: CodeColor;
  n: number;
}

export interface FeedFreshness {
  feed: FeedName;
  lastImportAt: number | null;
  /** The latest date any record of the feed carries. */
  latestRecordDay: IsoDay | null;
}

export interface DashboardQuery {
  /** Default: the latest date the data reaches. */
  asOf?: IsoDay;
  /** Filter to one county; county-scoped users always get their own. */
  county?: string | null;
  /** Days in the trend (default 30). */
  trendDays?: number;
}

export interface DashboardSummary {
  asOf: IsoDay;
  latestDataDay: IsoDay | null;
  county: string | null;
  kpis: Kpis;
  /** Every county in code order (the map and the bars), whatever the filter. */
  counties: CountyRow[];
  /** The city's total row of the county table (people of an unknown county too); null for a county account. */
  cityTotal: CountyRow | null;
  trend: TrendPoint[];
  /**
   * The green forecast after the trend: expected greens on each of the next 14 days and those held (forecast.ts);
   * null for a day whose forecast is not kept and too large a city to work it out while the screen waits.
   */
  forecast: ExpectedGreens | null;
  transitions: TransitionCount[];
  freshness: FeedFreshness[];
  /** The map's fixed scale: thresholds of the red + yellow rate in percent, ascending, the same for every role (Settings). */
  mapBands: number[];
  /** A sync, import or colour evaluation writing now (the figures may be partial until it ends), or null. */
  sync: SyncInProgress | null;
}

/** What the dashboard says of a running job: no source or file names (a report writer may not see them). */
export interface SyncInProgress {
  kind: 'sync' | 'import' | 'colours';
  startedAt: number;
  /** 0..1 of the job where known: files read, then people evaluated. */
  fraction: number | null;
  /** 'reading': the sums are still the last evaluated ones; 'colours': they are being rewritten. */
  phase: 'reading' | 'colours';
  /** The database holds evaluated figures (none before a first sync's colours). */
  figures: boolean;
}

/** The county boundaries for the map, and which source to credit (a key the interface words). */
export interface CountyMap {
  geojson: unknown;
  credit: MapCredit;
}

/** Aliyun DataV.GeoAtlas / AMap boundaries (resources/map/README.md). */
export type MapCredit = 'datav';
