/**
 * Appending to the audit log (ENFORCEMENT.md "Audit"): every case move, credit record, sync,
 * import, export, sign-in and unmasking. Entry n stores hash(n) = SHA-256 of hash(n-1) and the
 * entry's own fields in a fixed order, so changing or removing any entry breaks the chain there.
 * Personal data never goes in: people are named by a keyed hash and their masked ID.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  id: number;
  at: number;
  user_name: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditInput {
  user: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
  at?: number;
}

/** The hash of an entry given the previous hash: the chain's one definition. */
export function entryHash(prev: string, e: { at: number; user_name: string | null; action: string; target: string | null; details: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, e.at, e.user_name, e.action, e.target, e.details]))
    .digest('hex');
}

/** Appends an entry (inside the caller's transaction when there is one). */
export function audit(db: Db, input: AuditInput): AuditEntry {
  const write = () => {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    const prev = last?.hash ?? GENESIS_HASH;
    const entry = {
      at: input.at ?? Date.now(),
      user_name: input.user,
      action: input.action,
      target: input.target ?? null,
      details: JSON.stringify(input.details ?? {}),
    };
    const hash = entryHash(prev, entry);
    const info = db
      .prepare('INSERT INTO audit_log (at, user_name, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.user_name, entry.action, entry.target, entry.details, prev, hash);
    return { id: Number(info.lastInsertRowid), ...entry, prev_hash: prev, hash };
  };
  return db.inTransaction ? write() : db.transaction(write).immediate();
}
