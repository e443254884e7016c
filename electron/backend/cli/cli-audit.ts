/**
 * The audit log's view of the command line (ENFORCEMENT.md "Audit": every sync, import and export is
 * an entry). `--user NAME` names who ran the command; without it the entry says "via cli" with no
 * user, since whoever runs hcc holds the database file.
 */
import { audit } from '../audit/audit-log.ts';
import { getUser } from '../auth/users.ts';
import type { Db } from '../db/database.ts';
import type { ParsedArgs } from './args.ts';

/** The acting user must exist and be active; their role decides what they may do (checked by the service). */
export function actingUser(db: Db, name: string) {
  const u = getUser(db, name);
  if (!u || u.disabled) throw new Error(`no active user named ${name} in this database`);
  return u;
}

/** The `--user` of a command that only records who ran it; checked before any work is done. */
export function cliActor(db: Db, args: ParsedArgs): string | null {
  const name = args.options.get('user');
  return name === undefined ? null : actingUser(db, name).name;
}

export function auditCli(
  db: Db,
  actor: string | null,
  action: string,
  details: Record<string, unknown>,
  target: string | null = null,
): void {
  audit(db, { user: actor, action, target, details: { ...details, via: 'cli' } });
}
