import type { Behavior, CaseMove, CaseState } from '../domain/cases.ts';
import type { CodeColor } from '../domain/rules/colors.ts';
import type { PersonRef } from './people.ts';

export interface CaseSummary {
  id: number;
  ref: PersonRef;
  idMasked: string;
  nameMasked: string | null;
  county: string | null;
  behavior: Behavior;
  state: CaseState;
  openedAt: number;
  openedBy: string;
  decidedAt: number | null;
  /** The evidence's one-line summary. */
  summary: string;
}

export interface EvidenceView {
  rule: string;
  summary: string;
  thresholds: Record<string, number>;
  /** The records the rule matched; IDs and phones in them masked. */
  records: { feed: string; key: string; at: number | null; detail: Record<string, string | number | boolean | null> }[];
}

export interface CaseStep {
  at: number;
  user: string;
  move: string;
  from: CaseState | null;
  to: CaseState;
  reason: string;
}

export interface CreditRecordView {
  number: string;
  caseId: number;
  ref: PersonRef;
  idMasked: string;
  nameMasked: string | null;
  county: string | null;
  behavior: Behavior;
  decidedAt: number;
  decidedBy: string;
  decision: string;
  legalBasis: string;
  status: 'effective' | 'revoked';
  revokedAt: number | null;
  revokedReason: string | null;
}

export interface CaseDetail extends CaseSummary {
  evidence: EvidenceView;
  history: CaseStep[];
  /** Only the moves this user may make now. */
  allowedMoves: CaseMove[];
  creditRecord: CreditRecordView | null;
  /** The person's colour today (a decision turns it red at once). */
  color: CodeColor;
}

export interface NoticeView {
  kind: 'decision' | 'revocation';
  number: string;
  idMasked: string;
  nameMasked: string | null;
  county: string | null;
  behavior: Behavior;
  decidedAt: number;
  revokedAt: number | null;
}

export type { DetectorSettings } from '../domain/detector-thresholds.ts';
