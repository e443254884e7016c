/**
 * Checking the audit log: every entry's prev_hash is the previous entry's hash, and its hash is
 * recomputed from its own fields (SHA-256 before the switch point of migration 8, HMAC with the
 * audit key from it on). An edit behind the application's back breaks the entry it touched; a
 * deletion breaks the entry after the gap; a chain recomputed without the key (or with another
 * one) fails from the first recomputed entry and is reported as rebuilt. Cutting the newest
 * entries leaves a chain that is consistent; the anchor beside the database (audit-anchor.ts) and
 * the head printed in every briefing (`--against`) catch that: reported as truncated.
 */
import type { Db } from '../db/database.ts';
import { anchorDisagreement, readAnchor } from './audit-anchor.ts';
import { type ChainSegment, GENESIS_HASH, chainSegments, entryHash, keyedEntryHash } from './audit-chain.ts';
import { auditKeyCandidates, auditKeyFile, existingAuditChainKey } from './audit-key.ts';
import type { AuditEntry } from './audit-log.ts';

export { type AuditHead, auditHead } from './audit-chain.ts';

/** What kind of damage: each calls for a different response, so each is named. */
export type AuditProblem = 'missing' | 'relinked' | 'edited' | 'rebuilt' | 'key_missing' | 'truncated' | 'anchor_invalid' | 'not_in_chain';

export interface AnchorReport {
  /** none: no anchor beside the database (a copy, or nothing keyed appended yet). */
  state: 'none' | 'ok';
  id?: number;
  hash?: string;
  written_at?: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The id of the first entry that does not verify (null when all do). */
  first_broken: number | null;
  reason: string | null;
  /** Present when not ok. */
  problem?: AuditProblem;
  /** With --against: whether that hash is an entry of the verified chain. */
  anchor_found?: boolean;
  /** When the anchor was compared and agrees (or there is none). */
  anchor?: AnchorReport;
}

interface Failure {
  problem: AuditProblem;
  first_broken: number | null;
  reason: string;
}

/** The key each keyed entry is checked with: its segment's, found by fingerprint. */
function segmentKeys(db: Db): (id: number) => { from: number; key: Buffer | null; keyId: string | null } | null {
  const segments = chainSegments(db);
  let candidates: Map<string, Buffer> | undefined;
  const keyOf = (keyId: string | null): Buffer | null => {
    candidates ??= auditKeyCandidates(db);
    // A segment not yet named has no entries written by this version; check with the key to hand.
    return keyId === null ? existingAuditChainKey(db) : (candidates.get(keyId) ?? null);
  };
  return (id) => {
    let found: ChainSegment | undefined;
    for (const seg of segments) if (seg.keyed_from <= id) found = seg;
    return found ? { from: found.keyed_from, key: keyOf(found.key_id), keyId: found.key_id } : null;
  };
}

/** The first entry from which the chain does not verify, or null. */
function chainFailure(db: Db, against: string | undefined, seen: { entries: number; found: boolean }): Failure | null {
  const segmentOf = segmentKeys(db);
  let prev = GENESIS_HASH;
  let lastId = 0;
  const next = db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT 1');
  for (const e of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditEntry>) {
    seen.entries++;
    const broken = (problem: AuditProblem, reason: string): Failure => ({ problem, first_broken: e.id, reason });
    if (e.id !== lastId + 1) return broken('missing', `entries ${lastId + 1}–${e.id - 1} are missing`);
    if (e.prev_hash !== prev) return broken('relinked', 'its link to the previous entry does not match');
    const segment = segmentOf(e.id);
    if (segment === null) {
      if (entryHash(prev, e) !== e.hash) return broken('edited', 'its content does not match its hash (edited)');
    } else {
      const key = segment.key;
      if (key === null) {
        const which = segment.keyId ? `the audit key ${segment.keyId.slice(0, 8)}…` : 'an audit key';
        return broken(
          'key_missing',
          `entries from ${segment.from} on are keyed with ${which}, which is not here (${auditKeyFile(db) ?? 'no key file'}, or the database key): ` +
            `restore the audit key that came with this database`,
        );
      }
      if (keyedEntryHash(key, prev, e) !== e.hash) {
        if (entryHash(prev, e) === e.hash) return broken('rebuilt', 'its hash was recomputed without the audit key (rebuilt)');
        // An edit breaks one entry; a recomputation with another key breaks every one after it.
        const after = next.get(e.id) as AuditEntry | undefined;
        const afterKey = after ? segmentOf(after.id)?.key : null;
        if (after && afterKey && after.prev_hash === e.hash && keyedEntryHash(afterKey, e.hash, after) !== after.hash) {
          return broken('rebuilt', 'the chain from here on was recomputed with another key (rebuilt)');
        }
        return broken('edited', 'its content does not match its hash (edited)');
      }
    }
    if (against && e.hash === against) seen.found = true;
    prev = e.hash;
    lastId = e.id;
  }
  return null;
}

function anchorFailure(db: Db): Failure | AnchorReport {
  const reading = readAnchor(db, existingAuditChainKey(db));
  if (reading.state === 'none') return { state: 'none' };
  if (reading.state === 'invalid') return { problem: 'anchor_invalid', first_broken: null, reason: reading.reason };
  const disagreement = anchorDisagreement(db, reading.anchor);
  if (disagreement) return disagreement;
  return { state: 'ok', id: reading.anchor.id, hash: reading.anchor.hash, written_at: reading.anchor.written_at };
}

/**
 * Verifies the chain; with `against`, also that a head recorded earlier is in it; with
 * `anchor`, also that the anchor beside the database agrees (the CLI always asks).
 */
export function verifyAudit(db: Db, against?: string, options: { anchor?: boolean } = {}): VerifyResult {
  // The head of an empty log (0, the genesis hash) is the start of every chain.
  const seen = { entries: 0, found: against === GENESIS_HASH };
  const withAgainst = (found: boolean) => (against ? { anchor_found: found } : {});
  const fail = (f: Failure, entries: number): VerifyResult => ({
    ok: false,
    entries,
    first_broken: f.first_broken,
    reason: f.reason,
    problem: f.problem,
    ...withAgainst(false),
  });
  const broken = chainFailure(db, against, seen);
  if (broken) return fail(broken, (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);
  if (against && !seen.found) {
    return fail(
      { problem: 'not_in_chain', first_broken: null, reason: 'the recorded head is not in this chain (the log was rebuilt or cut)' },
      seen.entries,
    );
  }
  let anchor: AnchorReport | undefined;
  if (options.anchor) {
    const a = anchorFailure(db);
    if ('problem' in a) return fail(a, seen.entries);
    anchor = a;
  }
  return { ok: true, entries: seen.entries, first_broken: null, reason: null, ...withAgainst(true), ...(anchor ? { anchor } : {}) };
}
