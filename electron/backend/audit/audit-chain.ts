/**
 * The audit chain's definitions, shared by appending, anchoring and verifying. Entries before the
 * switch point recorded by migration 8 are linked by plain SHA-256 (they were written so); from it
 * on by HMAC-SHA256 with a key kept outside the database (audit-key.ts).
 */
import { createHash, createHmac } from 'node:crypto';
import type { Db } from '../db/database.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = { at: number; user_name: string | null; action: string; target: string | null; details: string };

function hashedText(prev: string, e: HashedFields): string {
  return JSON.stringify([prev, e.at, e.user_name, e.action, e.target, e.details]);
}

/** The unkeyed hash of entries written before the switch point (and of anyone's recomputation). */
export function entryHash(prev: string, e: HashedFields): string {
  return createHash('sha256').update(hashedText(prev, e)).digest('hex');
}

/** The keyed hash of entries from the switch point on. */
export function keyedEntryHash(key: Buffer, prev: string, e: HashedFields): string {
  return createHmac('sha256', key).update(hashedText(prev, e)).digest('hex');
}

export interface ChainSegment {
  keyed_from: number;
  /** The fingerprint of the key (audit-key.ts auditKeyId); null until the first keyed entry. */
  key_id: string | null;
}

/** The keyed segments in order (migration 8); the first starts where the unkeyed chain ends. */
export function chainSegments(db: Db): ChainSegment[] {
  return db.prepare('SELECT keyed_from, key_id FROM audit_chain ORDER BY keyed_from').all() as ChainSegment[];
}

/** The first id of the keyed part of the chain. */
export function keyedFrom(db: Db): number {
  return (db.prepare('SELECT min(keyed_from) AS k FROM audit_chain').get() as { k: number }).k;
}

export interface AuditHead {
  id: number;
  hash: string;
  at: number | null;
}

export function auditHead(db: Db): AuditHead {
  const e = db.prepare('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string; at: number } | undefined;
  return e ?? { id: 0, hash: GENESIS_HASH, at: null };
}
