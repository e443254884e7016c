/**
 * The audit head anchored outside the database: `<db>.audit-anchor` beside it (0600, replaced
 * atomically) records the newest entry's number and hash and the chain's switch point, with an
 * HMAC under the audit key so it cannot be forged without the key. A chain cut at its end still
 * verifies on its own; against the anchor it does not (`hcc audit verify`).
 *
 * When: after an append, once the transaction holding it is over (the next turn of the event
 * loop; at most once a second per connection, appends meanwhile give one write), when the
 * connection closes (a command that appends and closes at once anchors too) and with every
 * briefing. Never inside a transaction: an anchor of an entry that is then rolled back would
 * look like a truncation. An anchor that disagrees with the chain is evidence and is never
 * overwritten by these automatic writes; `hcc audit anchor` replaces it on purpose (and says so
 * in the log).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Db } from '../db/database.ts';
import { auditHead, keyedFrom } from './audit-chain.ts';
import { besideDatabase, existingAuditChainKey } from './audit-key.ts';

const FORMAT = 'hcc-audit-anchor/1';

export interface AuditAnchor {
  id: number;
  hash: string;
  keyed_from: number;
  written_at: string;
}

export type AnchorReading = { state: 'none' } | { state: 'invalid'; reason: string } | { state: 'ok'; anchor: AuditAnchor };

export interface AnchorDisagreement {
  problem: 'truncated' | 'rebuilt';
  first_broken: number | null;
  reason: string;
}

export function anchorFile(db: Db): string | null {
  return besideDatabase(db, 'audit-anchor');
}

function anchorMac(key: Buffer, a: Pick<AuditAnchor, 'id' | 'hash' | 'keyed_from'>): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([FORMAT, a.id, a.hash, a.keyed_from]))
    .digest('hex');
}

function isAnchorShape(v: unknown): v is AuditAnchor & { format: string; mac: string } {
  if (v === null || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return (
    a.format === FORMAT &&
    Number.isSafeInteger(a.id) &&
    typeof a.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(a.hash) &&
    Number.isSafeInteger(a.keyed_from) &&
    typeof a.written_at === 'string' &&
    typeof a.mac === 'string' &&
    /^[0-9a-f]{64}$/.test(a.mac)
  );
}

/** The anchor beside the database, checked against the audit key. */
export function readAnchor(db: Db, key: Buffer | null): AnchorReading {
  const file = anchorFile(db);
  if (file === null || !existsSync(file)) return { state: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    parsed = null;
  }
  if (!isAnchorShape(parsed)) return { state: 'invalid', reason: `the anchor ${file} is not an audit anchor (damaged or replaced)` };
  if (key === null) return { state: 'invalid', reason: `the anchor ${file} cannot be checked: the audit key is missing` };
  if (!timingSafeEqual(Buffer.from(anchorMac(key, parsed), 'hex'), Buffer.from(parsed.mac, 'hex'))) {
    return {
      state: 'invalid',
      reason: `the anchor ${file} was not written with this database's audit key (forged, or the key was replaced)`,
    };
  }
  return { state: 'ok', anchor: { id: parsed.id, hash: parsed.hash, keyed_from: parsed.keyed_from, written_at: parsed.written_at } };
}

/** How the stored chain departs from an anchor; null when the anchored entry is still there, unchanged. */
export function anchorDisagreement(db: Db, anchor: AuditAnchor): AnchorDisagreement | null {
  const switchPoint = keyedFrom(db);
  if (anchor.keyed_from !== switchPoint) {
    return {
      problem: 'rebuilt',
      first_broken: Math.min(anchor.keyed_from, switchPoint),
      reason:
        `the keyed part of the chain started at entry ${anchor.keyed_from} when anchored and now starts at ${switchPoint}: keyed entries were ` +
        `passed off as unkeyed ones (rebuilt)`,
    };
  }
  if (anchor.id === 0) return null;
  const last = auditHead(db).id;
  if (anchor.id > last) {
    return {
      problem: 'truncated',
      first_broken: last + 1,
      reason: `the anchor recorded entry ${anchor.id} but the log ends at ${last}: the newest entries were removed (truncated)`,
    };
  }
  const at = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor.id) as { hash: string } | undefined;
  if (at?.hash !== anchor.hash) {
    return {
      problem: 'truncated',
      first_broken: anchor.id,
      reason: `entry ${anchor.id} is not the one the anchor recorded: the log was cut there or before and written again (truncated)`,
    };
  }
  return null;
}

/**
 * Records the current head beside the database. Without `replace`, an anchor that disagrees with
 * the chain (or cannot be checked) is kept as the evidence it is, and null is returned.
 */
export function writeAnchor(db: Db, options: { replace?: boolean } = {}): AuditAnchor | null {
  const file = anchorFile(db);
  const key = existingAuditChainKey(db);
  if (file === null || key === null) return null;
  if (!options.replace) {
    const current = readAnchor(db, key);
    if (current.state === 'invalid') return null;
    if (current.state === 'ok' && anchorDisagreement(db, current.anchor) !== null) return null;
  }
  const head = auditHead(db);
  const anchor: AuditAnchor = { id: head.id, hash: head.hash, keyed_from: keyedFrom(db), written_at: new Date().toISOString() };
  const text = JSON.stringify({ format: FORMAT, ...anchor, mac: anchorMac(key, anchor) }) + '\n';
  const partial = `${file}.partial-${process.pid}-${Date.now().toString(36)}`;
  try {
    writeFileSync(partial, text, { mode: 0o600, flag: 'wx' });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return anchor;
}

const pending = new WeakSet<Db>();
/** When each connection last wrote its anchor: writes are at most one a second (below). */
const lastWritten = new WeakMap<Db, number>();
// Replacing the file costs about 2 ms here (ext4 flushes a file renamed over another), as much as
// the commit itself: a burst of appends (bulk unmasking, a sync's many entries) anchors once a
// second and once more on close. A crash in between leaves the anchor a little behind, never ahead.
const MIN_ANCHOR_INTERVAL_MS = 1000;
const closeHooked = new WeakSet<Db>();
const warned = new WeakSet<Db>();

function writeAnchorQuietly(db: Db): AuditAnchor | null {
  try {
    lastWritten.set(db, Date.now());
    return writeAnchor(db);
  } catch (e) {
    // The database itself is gone (a test's folder removed): nothing to anchor.
    if (!existsSync(db.name)) return null;
    // The append itself succeeded; a missing anchor weakens verification but must not fail a
    // sign-in or a case move. Said once per connection (a path, never personal data).
    if (!warned.has(db)) {
      warned.add(db);
      console.error(`audit anchor not written: ${(e as Error).message}`);
    }
    return null;
  }
}

function flush(db: Db): void {
  if (!pending.has(db)) return;
  if (!db.open) {
    pending.delete(db);
    return;
  }
  // A transaction opened with BEGIN that spans awaits (imports) is still running: come back later.
  if (db.inTransaction) {
    setTimeout(() => flush(db), 50);
    return;
  }
  pending.delete(db);
  writeAnchorQuietly(db);
}

/** Anchors the head once the current transaction is over (called by audit()). */
export function anchorSoon(db: Db): void {
  if (anchorFile(db) === null) return;
  if (!closeHooked.has(db)) {
    closeHooked.add(db);
    // Commands append and close in the same turn of the event loop; the connection is the one
    // place every one of them passes through, so the last appends are anchored on its way out.
    const close = db.close.bind(db);
    db.close = () => {
      if (pending.has(db) && db.open && !db.inTransaction) {
        pending.delete(db);
        writeAnchorQuietly(db);
      }
      return close();
    };
  }
  if (pending.has(db)) return;
  pending.add(db);
  const wait = (lastWritten.get(db) ?? -Infinity) + MIN_ANCHOR_INTERVAL_MS - Date.now();
  if (wait <= 0) setImmediate(() => flush(db));
  // unref: a waiting anchor never keeps a process alive; closing the connection writes it.
  else setTimeout(() => flush(db), wait).unref();
}

/** Anchors the head now (briefings, serve shutdown) and returns it as anchored (null: not written). */
export function anchorAuditHead(db: Db): AuditAnchor | null {
  if (db.inTransaction) return null;
  pending.delete(db);
  return writeAnchorQuietly(db);
}
