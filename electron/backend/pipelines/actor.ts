/**
 * Who runs a use case, as its audit entries name them. Every shell (the console's job worker, its
 * handlers, `hcc`) says who acts; the pipeline writes the entries, so that one use case leaves
 * the same record whichever shell ran it.
 */
import { audit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { RecomputeResult } from '../rules/recompute.ts';

export interface Actor {
  /** The user's name; null for a command run without `--user` (whoever holds the file). */
  user: string | null;
  /** The shell, recorded when it is not the console. */
  via?: 'cli';
  /** The time of the entries (the console's clock); the wall clock when not given. */
  now?: () => number;
}

export function auditAs(db: Db, actor: Actor, action: string, details: Record<string, unknown>): void {
  audit(db, {
    user: actor.user,
    action,
    details: actor.via ? { ...details, via: actor.via } : details,
    ...(actor.now ? { at: actor.now() } : {}),
  });
}

/** What an evaluation did, as the audit log keeps it (the seconds it took are not a fact of the data). */
export function colourSummary(c: RecomputeResult): { mode: RecomputeResult['mode']; people: number; changed: number } {
  return { mode: c.mode, people: c.people, changed: c.changed };
}
