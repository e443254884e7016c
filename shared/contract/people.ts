import type { CodeColor } from '../domain/rules/colors.ts';
import type { IsoDay } from './dashboard.ts';

/**
 * People cross the contract by an opaque reference, never by their ID number: the interface shows
 * masked identity and asks for the full value only through the audited unmask method.
 */
export type PersonRef = string;

export interface PersonSummary {
  ref: PersonRef;
  idMasked: string;
  nameMasked: string | null;
  phoneMasked: string | null;
  county: string | null;
  color: CodeColor;
}

export interface ReasonView {
  color: 'red' | 'yellow';
  source: string;
  condition: string;
  date: IsoDay;
  ongoing: boolean;
}

export interface TimelineEvent {
  day: IsoDay;
  /** Epoch ms when the record has a time. */
  at: number | null;
  kind: 'declaration' | 'checkin' | 'health' | 'roaming' | 'travel' | 'medical' | 'scan' | 'colour' | 'case';
  /**
   * Machine words the interface translates (condition names, colours, statuses). A case:
   * `{ event: 'opened' | <move>, case: <case number>, behavior, state }`, never its written reasons.
   */
  detail: Record<string, string | number | boolean | null>;
}

export interface PersonDetail extends PersonSummary {
  asOf: IsoDay;
  since: IsoDay | null;
  greenEligibleOn: IsoDay | null;
  reasons: ReasonView[];
  timeline: TimelineEvent[];
  canUnmask: boolean;
}
