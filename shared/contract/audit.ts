/**
 * The audit screen's contract (issue 16): the log's entries filtered and paged on the server, newest
 * first, and the chain's verification. People appear in entries by keyed hash (`person:<hex>`) and
 * masked ID only; every identifier left in a target or the details is masked before it leaves.
 */
import { parseTimestamp } from '../domain/timestamps.ts';

export interface AuditRow {
  id: number;
  /** The entry's time, ISO 8601 with +08:00. */
  at: string;
  /** null: a command run without `--user`, or the console itself. */
  user: string | null;
  action: string;
  /** What the entry is about (`user:…`, `person:<keyed hash>`, `feed:…`), masked. */
  target: string | null;
  /** The entry's details as stored (JSON text), identifiers masked. */
  details: string;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Entries matching the filters up to `upTo`. */
  total: number;
  /**
   * The newest entry the list goes up to. Every read of the log appends an entry, so later pages
   * pass it back (`upTo`) to page through the same list instead of one shifted by the reads.
   */
  upTo: number;
}

/** The kinds of damage `hcc audit verify` names (electron/backend/audit/audit-verify.ts). */
export type AuditProblemCode =
  'missing' | 'relinked' | 'edited' | 'rebuilt' | 'key_missing' | 'truncated' | 'anchor_invalid' | 'not_in_chain';

export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The first entry that does not verify (null when all do, or for damage of the anchor). */
  firstBroken: number | null;
  problem: AuditProblemCode | null;
  /** The newest entry when the check ran (before the check's own entry). */
  head: { id: number; hash: string; at: string | null };
  /** The anchor beside the database, when there is one and it agrees. */
  anchor: { id: number; hash: string; writtenAt: string } | null;
  /** How long the check took, in milliseconds (it reads the whole chain). */
  ms: number;
}

/** The filters the list and its export share. */
export interface AuditFilters {
  user?: string;
  /** An action (`people.unmask`), or the start of one ending with a dot (`case.`). */
  action?: string;
  /** A person by the reference a page of this session received. */
  personRef?: string;
  /** A person by ID number (18 characters, check digit valid). */
  personId?: string;
  /** A day (`2020-02-20`, from its start) or an instant (`2020-02-20T08:30`, +08:00 unless said). */
  from?: string;
  /** A day (`2020-02-20`, to its end) or an instant (`2020-02-20 18:00`, that minute included). */
  to?: string;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
const TO_THE_MINUTE = /[T ]\s*\d{1,2}:\d{2}(?![:\d])/;
const TO_THE_SECOND = /[T ]\s*\d{1,2}:\d{2}:\d{2}(?![.,\d])/;

/**
 * A bound of the period as epoch milliseconds, half-open: `from` is the first instant included,
 * `to` the first instant after the period (a day's `to` is the next midnight, a minute's the next
 * minute). null: not a day or a timestamp of the exchange formats (shared/domain/timestamps.ts).
 */
export function auditTimeBound(text: string, side: 'from' | 'to'): number | null {
  const s = text.trim();
  // A day alone is its local midnight (+08:00), as every timestamp without an offset.
  const at = parseTimestamp(s);
  if (at === null) return null;
  if (side === 'from') return at;
  // `to` includes all of what it names: a whole day, minute or second.
  if (DAY_ONLY.test(s)) return at + MS_PER_DAY;
  if (TO_THE_MINUTE.test(s)) return at + 60_000;
  if (TO_THE_SECOND.test(s)) return at + 1000;
  return at + 1;
}

/** An action filter that names a family (`case.`) rather than one action. */
export function isActionPrefix(action: string): boolean {
  return action.endsWith('.');
}
