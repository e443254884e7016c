/**
 * Reading the audit log for the audit screen: entries by user, action (or a family of actions), person
 * and period, newest first (by id: the order they were appended, whatever clock wrote `at`), paged,
 * with the total. Up to a given entry, so that the pages of one list stay the same list while the
 * screen's own reads append to the log. What leaves is masked again: entries written before identifiers
 * in free text were masked (issue 12) may still hold one.
 */
import { maskIdentifiers } from '../../../shared/domain/masking.ts';
import type { AuditRow } from '../../../shared/contract/audit.ts';
import { formatInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';

export interface AuditQuery {
  /** The newest entry included. */
  upTo: number;
  user?: string | undefined;
  /** An action, or the start of one ending with a dot (`case.`). */
  action?: string | undefined;
  /** The entry's target exactly (a person's keyed hash, audit-log.ts). */
  target?: string | undefined;
  /** Epoch ms, the first instant included. */
  fromMs?: number | undefined;
  /** Epoch ms, the first instant after the period. */
  toMs?: number | undefined;
}

interface StoredEntry {
  id: number;
  at: number;
  user_name: string | null;
  action: string;
  target: string | null;
  details: string;
}

// A person's keyed reference is hex: its digits are no identifier (as audit-log.ts keeps it).
const PERSON_REFERENCE = /^person:[0-9a-f]+$/;

/** The first text after every action that starts with `prefix` ('case.' → 'case/'): a range the (action, id) index reads. */
function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The filters as SQL. `actionByIndex` false writes `+action`, which keeps SQLite off the action
 * index: a page of a large family (`auth.`) is then read walking the log newest first, stopping after
 * its rows, instead of sorting every entry of the family (a second at a million entries).
 */
function whereOf(q: AuditQuery, actionByIndex = true): { sql: string; args: (string | number)[] } {
  const parts = ['id <= ?'];
  const args: (string | number)[] = [q.upTo];
  if (q.user !== undefined) {
    parts.push('user_name = ? COLLATE NOCASE');
    args.push(q.user);
  }
  if (q.action !== undefined) {
    const column = actionByIndex ? 'action' : '+action';
    if (q.action.endsWith('.')) {
      parts.push(`${column} >= ? AND ${column} < ?`);
      args.push(q.action, afterPrefix(q.action));
    } else {
      parts.push(`${column} = ?`);
      args.push(q.action);
    }
  }
  if (q.target !== undefined) {
    parts.push('target = ?');
    args.push(q.target);
  }
  if (q.fromMs !== undefined) {
    parts.push('at >= ?');
    args.push(q.fromMs);
  }
  if (q.toMs !== undefined) {
    parts.push('at < ?');
    args.push(q.toMs);
  }
  return { sql: parts.join(' AND '), args };
}

const unfiltered = (q: AuditQuery) =>
  q.user === undefined && q.action === undefined && q.target === undefined && q.fromMs === undefined && q.toMs === undefined;

/**
 * How many entries match. The whole log up to an entry is the whole log less the few after it:
 * counting `id <= ?` walks the table itself (a second at a million entries), a plain count the
 * smallest index (a millisecond).
 */
function countOf(db: Db, q: AuditQuery): number {
  const n = (sql: string, ...args: (string | number)[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  if (unfiltered(q)) return n('SELECT count(*) AS n FROM audit_log') - n('SELECT count(*) AS n FROM audit_log WHERE id > ?', q.upTo);
  const w = whereOf(q);
  return n(`SELECT count(*) AS n FROM audit_log WHERE ${w.sql}`, ...w.args);
}

export function auditRowOf(e: StoredEntry): AuditRow {
  return {
    id: e.id,
    at: formatInstant(e.at),
    user: e.user_name === null ? null : maskIdentifiers(e.user_name),
    action: e.action,
    target: e.target === null || PERSON_REFERENCE.test(e.target) ? e.target : maskIdentifiers(e.target),
    details: maskIdentifiers(e.details),
  };
}

/** The newest entry's id (0 for an empty log): where a new list starts. */
export function newestAuditId(db: Db): number {
  return (db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number | null }).id ?? 0;
}

const COLUMNS = 'id, at, user_name, action, target, details';

/** A page of the entries that match, newest first, and how many match in all. */
export function auditPage(db: Db, q: AuditQuery, offset: number, limit: number): { rows: AuditRow[]; total: number } {
  const total = countOf(db, q);
  // Walking newest first reads about (offset + limit) × upTo / total entries; the action index and a
  // sort, about total: whichever is fewer (a family of a third of the log, or ten credit records). One action
  // needs neither: its index is in id order.
  const walk = q.action?.endsWith('.') === true && total * total > (offset + limit) * q.upTo;
  const w = whereOf(q, !walk);
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...w.args, limit, offset) as StoredEntry[];
  return { rows: rows.map(auditRowOf), total };
}
