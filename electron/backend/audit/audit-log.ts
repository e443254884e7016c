/**
 * Appending to the audit log (ENFORCEMENT.md "Audit"): every case move, credit record, sync,
 * import, export, sign-in and unmasking. Entry n stores hash(n), computed over hash(n-1) and the
 * entry's own fields in a fixed order, so changing or removing any entry breaks the chain there.
 * The chain is keyed (HMAC-SHA256, key outside the database: audit-key.ts) from the switch point
 * recorded by migration 8; entries written before it keep their plain SHA-256 links. The head is
 * anchored outside the database after every append (audit-anchor.ts).
 * Personal data never goes in: people are named by a keyed hash and their masked ID, and ID
 * numbers or phones typed into free text (a reason, a user name) are masked before they are stored.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { maskIdentifiers } from '../../../shared/domain/masking.ts';
import type { Db } from '../db/database.ts';
import { anchorSoon } from './audit-anchor.ts';
import { GENESIS_HASH, keyedEntryHash } from './audit-chain.ts';
import { auditChainKey, auditKeyId } from './audit-key.ts';

export { GENESIS_HASH, entryHash, keyedEntryHash } from './audit-chain.ts';

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

// A person's keyed reference (person-refs.ts) is hex: its digits are not an identifier.
const PERSON_REFERENCE = /^person:[0-9a-f]+$/;

/** Identifiers typed into free text are masked wherever they sit in an entry. */
function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskIdentifiers(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}

function maskedTarget(target: string | null): string | null {
  return target === null || PERSON_REFERENCE.test(target) ? target : maskIdentifiers(target);
}

interface Statements {
  last: Statement<[], { id: number; hash: string }>;
  insert: Statement<[number, string | null, string, string | null, string, string, string]>;
  segment: Statement<[], { rowid: number; key_id: string | null }>;
  nameKey: Statement<[string, number]>;
  newSegment: Statement<[number, string]>;
}

const statements = new WeakMap<Db, Statements>();

function statementsOf(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO audit_log (at, user_name, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      segment: db.prepare('SELECT rowid, key_id FROM audit_chain ORDER BY keyed_from DESC LIMIT 1'),
      nameKey: db.prepare('UPDATE audit_chain SET key_id = ? WHERE rowid = ?'),
      newSegment: db.prepare('INSERT INTO audit_chain (keyed_from, key_id) VALUES (?, ?)'),
    };
    statements.set(db, s);
  }
  return s;
}

/** Appends an entry (inside the caller's transaction when there is one). */
export function audit(db: Db, input: AuditInput): AuditEntry {
  const key = auditChainKey(db);
  const keyId = auditKeyId(key);
  const s = statementsOf(db);
  const write = () => {
    const last = s.last.get();
    const prev = last?.hash ?? GENESIS_HASH;
    // Checked on every append (a one-row read): another process may have appended with another
    // key, and a rolled-back first append must not leave the segment looking named.
    const segment = s.segment.get()!;
    if (segment.key_id === null) s.nameKey.run(keyId, segment.rowid);
    else if (segment.key_id !== keyId) s.newSegment.run((last?.id ?? 0) + 1, keyId);
    const entry = {
      at: input.at ?? Date.now(),
      user_name: input.user === null ? null : maskIdentifiers(input.user),
      action: input.action,
      target: maskedTarget(input.target ?? null),
      details: JSON.stringify(masked(input.details ?? {})),
    };
    const hash = keyedEntryHash(key, prev, entry);
    const info = s.insert.run(entry.at, entry.user_name, entry.action, entry.target, entry.details, prev, hash);
    return { id: Number(info.lastInsertRowid), ...entry, prev_hash: prev, hash };
  };
  const appended = db.inTransaction ? write() : db.transaction(write).immediate();
  anchorSoon(db);
  return appended;
}
