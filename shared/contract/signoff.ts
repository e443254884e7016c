/** County sign-off (签发): the state of each county's sign-off of a day's figures (shared/domain/county-signoff.ts). */
import type { SignoffFigureChange, SignoffFigures } from '../domain/county-signoff.ts';
import type { IsoDay } from './dashboard.ts';

export type { SignoffFigureChange, SignoffFigureKey, SignoffFigures } from '../domain/county-signoff.ts';

/** One county's sign-off of the day: the latest one (a later sign-off supersedes, the earlier stay on record). */
export interface CountySignoffState {
  county: string;
  signed: boolean;
  /** Who signed the latest sign-off, and when (ms since the epoch); null when not signed. */
  signedBy: string | null;
  signedAt: number | null;
  /** Sign-offs of this day and county made so far (1 when signed once; more when signed again). */
  signoffs: number;
  /** The county's figures of the day as the briefing computes them now. */
  figures: SignoffFigures;
  /** The figures that differ from the signed ones (empty when not signed, or nothing changed). */
  changed: SignoffFigureChange[];
}

export interface SignoffStatus {
  day: IsoDay;
  /** The seven counties in code order; a county-scoped account gets its own county alone. */
  counties: CountySignoffState[];
  /** Codes of the counties shown that are not signed off. */
  unsigned: string[];
  /** The county this account may sign off (its own, for a county's officer), or null. */
  mayRecord: string | null;
}
