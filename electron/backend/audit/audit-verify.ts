/**
 * Checking the audit log's hash chain: every entry's prev_hash is the previous entry's hash and its
 * hash is recomputed from its own fields. An edit behind the application's back breaks the entry it
 * touched; a deletion breaks the entry after the gap. A chain can be rebuilt from scratch by someone
 * who can write the file, so the latest head (number and hash) is also recorded outside the database
 * (the daily briefing carries it), and `verify --against HASH` checks that a recorded head is still
 * in the chain, unchanged.
 */
import type { Db } from '../db/database.ts';
import { type AuditEntry, GENESIS_HASH, entryHash } from './audit-log.ts';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The id of the first entry that does not verify (null when all do). */
  first_broken: number | null;
  reason: string | null;
  /** With --against: whether that hash is an entry of the verified chain. */
  anchor_found?: boolean;
}

export function verifyAudit(db: Db, against?: string): VerifyResult {
  let prev = GENESIS_HASH;
  let entries = 0;
  let lastId = 0;
  // The head of an empty log (0, the genesis hash) is the start of every chain.
  let anchorFound = against === GENESIS_HASH;
  const total = () => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  for (const e of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditEntry>) {
    entries++;
    const broken = (reason: string): VerifyResult => ({ ok: false, entries: total(), first_broken: e.id, reason, ...(against ? { anchor_found: false } : {}) });
    if (e.id !== lastId + 1) return broken(`entries ${lastId + 1}–${e.id - 1} are missing`);
    if (e.prev_hash !== prev) return broken('its link to the previous entry does not match');
    if (entryHash(prev, e) !== e.hash) return broken('its content does not match its hash (edited)');
    if (against && e.hash === against) anchorFound = true;
    prev = e.hash;
    lastId = e.id;
  }
  if (against && !anchorFound) {
    return { ok: false, entries, first_broken: null, reason: 'the recorded head is not in this chain (the log was rebuilt or cut)', anchor_found: false };
  }
  return { ok: true, entries, first_broken: null, reason: null, ...(against ? { anchor_found: true } : {}) };
}

export interface AuditHead {
  id: number;
  hash: string;
  at: number | null;
}

export function auditHead(db: Db): AuditHead {
  const e = db.prepare('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string; at: number } | undefined;
  return e ?? { id: 0, hash: GENESIS_HASH, at: null };
}
