/**
 * The credit role (judging fraud cases, credit reports) is granted by two administrators: one
 * asks, another approves (separation of duties: an administrator who made a credit account alone
 * could decide cases with it). The request waits in role_grants; until it is approved the account
 * keeps the role it had (a new account starts as a duty officer).
 */
import type { Role } from '../../../shared/domain/roles.ts';
import type { Db } from '../db/database.ts';
import { ApiFailure } from '../failures/api-failure.ts';

/** Roles that need a second administrator. */
export const ROLES_NEEDING_APPROVAL: readonly Role[] = ['credit'];

export interface PendingGrant {
  id: number;
  userName: string;
  role: Role;
  requestedBy: string;
  requestedAt: number;
}

/** Open requests by user name (lower case). */
export function pendingRoles(db: Db): Map<string, PendingGrant> {
  const rows = db.prepare('SELECT id, user_name, role, requested_by, requested_at FROM role_grants WHERE decided_at IS NULL').all() as {
    id: number;
    user_name: string;
    role: Role;
    requested_by: string;
    requested_at: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.user_name.toLowerCase(),
      { id: r.id, userName: r.user_name, role: r.role, requestedBy: r.requested_by, requestedAt: r.requested_at },
    ]),
  );
}

/** Records a request (replacing an open one for the same user, which is withdrawn). */
export function requestRole(db: Db, userName: string, role: Role, requestedBy: string, now: number): void {
  db.transaction(() => {
    withdrawRole(db, userName, requestedBy, now);
    db.prepare('INSERT INTO role_grants (user_name, role, requested_by, requested_at) VALUES (?, ?, ?, ?)').run(
      userName,
      role,
      requestedBy,
      now,
    );
  })();
}

/** Ends an open request without granting it; false if there was none. */
export function withdrawRole(db: Db, userName: string, by: string, now: number): boolean {
  const info = db
    .prepare("UPDATE role_grants SET decided_by = ?, decided_at = ?, outcome = 'withdrawn' WHERE user_name = ? AND decided_at IS NULL")
    .run(by, now, userName);
  return info.changes > 0;
}

/**
 * Approves the open request for a user and gives them the role. The approver must be another
 * administrator than the one who asked; the account's sessions end (the caller does that).
 */
export function approveRole(db: Db, userName: string, approver: string, now: number): PendingGrant {
  return db.transaction(() => {
    const grant = pendingRoles(db).get(userName.toLowerCase());
    if (!grant) throw ApiFailure.because('not_found', { code: 'users.noRoleRequest', params: { name: userName } });
    if (grant.requestedBy.toLowerCase() === approver.toLowerCase()) {
      throw ApiFailure.because('forbidden', { code: 'users.secondAdminMustApprove' });
    }
    if (grant.userName.toLowerCase() === approver.toLowerCase()) {
      throw ApiFailure.because('forbidden', { code: 'users.ownRole' });
    }
    const admins = db.prepare("SELECT name FROM users WHERE role = 'admin' AND disabled = 0").pluck().all() as string[];
    if (admins.length === 1 && admins[0]!.toLowerCase() === grant.userName.toLowerCase()) {
      throw ApiFailure.because('conflict', { code: 'users.lastAdmin' });
    }
    db.prepare("UPDATE role_grants SET decided_by = ?, decided_at = ?, outcome = 'approved' WHERE id = ?").run(approver, now, grant.id);
    db.prepare('UPDATE users SET role = ? WHERE name = ?').run(grant.role, grant.userName);
    return grant;
  })();
}
