import type { Behavior, CaseMove, CaseState } from '../domain/cases.ts';
import type { CodeColor } from '../domain/rules/colors.ts';
import type { SummaryClause } from '../words/evidence-words.ts';
import type { ApiError } from './api.ts';
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
  /** The evidence's one-line summary, as stored (a detector's in Chinese, an officer's report in their words). */
  summary: string;
  /** A detector's summary in machine words, to be said in the reader's language (null: show `summary`). */
  summaryClauses: SummaryClause[] | null;
}

/** How the queue read a typed search (enforcement/case-list.ts): `id_incomplete` finds nothing and says to type the whole ID. */
export type CaseSearchKind = 'id' | 'phone' | 'case' | 'name' | 'id_incomplete';

/** The queue's sorts by age (the time since a case was opened). */
export type CaseSort = 'newest' | 'oldest';

export interface CasePage {
  rows: CaseSummary[];
  total: number;
  /** The console's clock (the database's: a demo city runs on its own days), for the cases' ages. */
  now: number;
  /** How the search was read; null without one. */
  searchedAs: CaseSearchKind | null;
}

/** A case a bulk move left where it was, named masked, with the refusal a single move would have given. */
export interface BulkMoveRefusal {
  id: number;
  /** Null for a case that does not exist (or not in the caller's county): nothing of it shows. */
  idMasked: string | null;
  nameMasked: string | null;
  error: ApiError;
}

export interface BulkMoveResult {
  /** The cases moved, in the order asked. */
  moved: number[];
  refused: BulkMoveRefusal[];
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

/** What the health-code platform is told (EXCHANGE.md, outbound): a decision forces red, a revocation voids it, a served term ends it. */
export type PlatformAction = 'force_red' | 'void' | 'end';

/** One outcome of a case and its delivery to the platform (null: waiting to be sent). */
export interface PlatformDelivery {
  action: PlatformAction;
  effectiveAt: number;
  deliveredAt: number | null;
  /** The exchange database (its name, no password) or the outbox file it went to. */
  deliveredTo: string | null;
}

export interface CaseDetail extends CaseSummary {
  evidence: EvidenceView;
  history: CaseStep[];
  /** Only the moves this user may make now. */
  allowedMoves: CaseMove[];
  creditRecord: CreditRecordView | null;
  /** The person's colour today (a decision turns it red at once). */
  color: CodeColor;
  /** The case's outcomes the platform must hear of, oldest first. */
  platform: PlatformDelivery[];
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
