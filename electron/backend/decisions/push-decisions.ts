/**
 * Delivering the decision outbox to the health-code platform (EXCHANGE.md, outbound): to the
 * exchange database's `code_decisions`, or to the exchange directory's outbox/ folder. Exactly once
 * and in order (push-postgres.ts, push-directory.ts); what could not be delivered stays pending and
 * goes with the next push. A target that cannot be reached, or refuses, is an answer, not a crash:
 * the result says why in both languages. Each delivery is audited (`decisions.push`) with counts,
 * in the transaction that marks its rows: the person's ID goes to the platform, never into a log.
 */
import { maskIdentifiers } from '../../../shared/domain/masking.ts';
import { audit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import {
  type PostgresSource,
  ExchangeSourceError,
  explainConnectionError,
  isConnectionLoss,
  sourceName,
} from '../exchange-db/pg-source.ts';
import { FileAccessError, fileAccessError } from '../files/file-errors.ts';
import { type OutboxRow, markDelivered, pendingDecisions } from './decision-outbox.ts';
import { type PushStage, pushToPostgres } from './push-postgres.ts';
import { pushToDirectory } from './push-directory.ts';

export type DecisionTarget = { kind: 'postgres'; source: PostgresSource } | { kind: 'directory'; dir: string };

export interface PushResult {
  /** Outcomes this push marked delivered. */
  delivered: number;
  /** Outcomes still waiting (for the next push). */
  pending: number;
  /** The exchange database's name (no password) or the exchange directory. */
  target: string;
  error: { en: string; zh: string } | null;
}

export interface PushOptions {
  /** Who pushes, as the audit log names them (null: `hcc` without --user). */
  actor?: { user: string | null; via?: 'cli' };
  onStage?: (stage: PushStage) => void;
}

export function targetName(target: DecisionTarget): string {
  return target.kind === 'postgres' ? sourceName({ ...target.source, password: null }) : target.dir;
}

export async function pushDecisions(db: Db, target: DecisionTarget, now: number, options: PushOptions = {}): Promise<PushResult> {
  const name = targetName(target);
  const actor = options.actor ?? { user: null };
  let delivered = 0;
  const commit = (rows: readonly OutboxRow[], to: string, written: number) =>
    db
      .transaction(() => {
        const ids = rows.map((r) => r.id);
        const marked = markDelivered(db, ids, to, now);
        delivered += marked;
        if (marked === 0) return;
        const actions = Object.fromEntries(['force_red', 'void', 'end'].map((a) => [a, rows.filter((r) => r.action === a).length]));
        const details = { kind: target.kind, target: name, delivered: marked, written, actions };
        audit(db, { user: actor.user, action: 'decisions.push', details: actor.via ? { ...details, via: actor.via } : details, at: now });
      })
      .immediate();
  try {
    if (target.kind === 'directory') pushToDirectory(db, target.dir, now, (rows, file) => commit(rows, file, rows.length));
    else {
      const rows = pendingDecisions(db);
      // Nothing waiting: no connection (the console's timer asks every minute).
      if (rows.length) await pushToPostgres(target.source, rows, now, (written) => commit(rows, name, written), options.onStage);
    }
    return { delivered, pending: pendingDecisions(db).length, target: name, error: null };
  } catch (err) {
    const error = pushError(err, target);
    if (error === null) throw err;
    return { delivered, pending: pendingDecisions(db).length, target: name, error };
  }
}

/** Why the target did not take the outcomes, or null for a failure of our own (a bug: it is thrown). */
function pushError(err: unknown, target: DecisionTarget): { en: string; zh: string } | null {
  const said = (en: string, zh: string) => ({ en: maskIdentifiers(en), zh: maskIdentifiers(zh) });
  if (err instanceof ExchangeSourceError) return said(err.message, err.zh);
  if (err instanceof FileAccessError) return said(err.message, err.messageZh);
  const code = (err as { code?: unknown } | null)?.code;
  // SQLite's own failures (busy, full) are not the target's: they go up as they are.
  if (typeof code === 'string' && code.startsWith('SQLITE')) return null;
  if (target.kind === 'postgres' && (typeof code === 'string' || isConnectionLoss(err))) {
    // A PostgreSQL answer (no right to write, a different table) or a lost connection.
    const e = explainConnectionError(err, target.source);
    return said(e.message, e.zh);
  }
  const file = target.kind === 'directory' ? fileAccessError(err, target.dir, 'write') : null;
  return file ? said(file.message, file.messageZh) : null;
}
