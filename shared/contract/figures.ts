/**
 * The people behind a figure (issue 16): every count on the dashboard and the briefing preview
 * opens the list of people it counts, for its day and county, masked, paged and sorted on the
 * server. A figure is a stock (people of a colour on the day) or a change (people whose colour
 * changed that day), exactly as the per-day sums count them (electron/backend/figures/).
 */
import type { CodeColor } from '../domain/rules/colors.ts';
import type { IsoDay } from './dashboard.ts';
import type { PersonRef } from './people.ts';

/** Stocks: holders of a colour (or any code, or none) on the day. Changes: colour changes on the day. */
export const FIGURES = [
  'red',
  'yellow',
  'green',
  'holders',
  'noCode',
  'turnedRed',
  'turnedYellow',
  'turnedGreen',
  'newCodes',
  'transition',
] as const;
export type Figure = (typeof FIGURES)[number];

export const STOCK_FIGURES: readonly Figure[] = ['red', 'yellow', 'green', 'holders', 'noCode'];

/** since_desc: who entered the colour last first (the default); id: by ID number. */
export const FIGURE_SORTS = ['since_desc', 'since_asc', 'id'] as const;
export type FigureSort = (typeof FIGURE_SORTS)[number];

export interface FigureQuery {
  figure: Figure;
  /** A transition's colours (figure 'transition' only). */
  from?: CodeColor;
  to?: CodeColor;
  asOf?: IsoDay;
  /** null or absent: the city (county-scoped accounts always get their own). */
  county?: string | null;
}

export interface FigurePerson {
  ref: PersonRef;
  idMasked: string;
  nameMasked: string | null;
  phoneMasked: string | null;
  /** The person's county on the day ('' when unknown). */
  county: string;
  /** Their colour on the day. */
  color: CodeColor;
  /** The colour before the day's change (change figures), or before the run began (stocks). */
  from: CodeColor | null;
  /** The first day of the colour they hold (null: no code, known from the beginning). */
  since: IsoDay | null;
  /** Why the colour began: the rules' cause and main reason (shared/domain/rules/reason-words.ts words them). */
  cause: string | null;
  reasonSource: string | null;
  reasonCondition: string | null;
}

export interface FigurePeoplePage {
  asOf: IsoDay;
  county: string | null;
  figure: Figure;
  from: CodeColor | null;
  to: CodeColor | null;
  sort: FigureSort;
  /** The figure itself: how many people the whole list holds (a test pages through it to check). */
  total: number;
  offset: number;
  rows: FigurePerson[];
}
