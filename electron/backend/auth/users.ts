/** The console's users: names, roles, optional county scope, scrypt password hashes. */
import { isCountyCode } from '../../../shared/domain/counties.ts';
import { type Role, isRole } from '../../../shared/domain/roles.ts';
import type { UserRow } from '../../../shared/contract/settings.ts';
import { LANGUAGES, type Language } from '../../../shared/words/translate.ts';
import type { Db } from '../db/database.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { passwordProblem } from '../../../shared/domain/password-policy.ts';
import { passwordProblemReason } from '../../../shared/words/error-words.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { pendingRoles } from './role-grants.ts';

export interface StoredUser {
  name: string;
  role: Role;
  county_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: number;
  last_sign_in_at: number | null;
  /** 1: created or reset by an administrator; the owner must choose a password before acting. */
  must_change_password: number;
  /** The language the user chose (migration 13); null: never chosen. */
  language: Language | null;
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function getUser(db: Db, name: string): StoredUser | undefined {
  return db.prepare('SELECT * FROM users WHERE name = ?').get(name) as StoredUser | undefined;
}

export function toUserRow(db: Db, u: StoredUser, pendingByName = pendingRoles(db)): UserRow {
  const pending = pendingByName.get(u.name.toLowerCase()) ?? null;
  return {
    name: u.name,
    role: u.role,
    county: u.county_code,
    disabled: u.disabled === 1,
    lastSignInAt: u.last_sign_in_at,
    mustChangePassword: u.must_change_password === 1,
    pendingRole: pending ? { role: pending.role, requestedBy: pending.requestedBy } : null,
  };
}

export function listUsers(db: Db): UserRow[] {
  const pending = pendingRoles(db);
  return (db.prepare('SELECT * FROM users ORDER BY name').all() as StoredUser[]).map((u) => toUserRow(db, u, pending));
}

export function validateUserName(name: string): void {
  if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(name)) {
    throw ApiFailure.because('bad_request', { code: 'users.badName' });
  }
}

/** The password policy (shared/domain/password-policy.ts), for every new password: set-up, add, reset, change. */
export function validatePassword(password: string, userName: string): void {
  const problem = typeof password === 'string' ? passwordProblem(password, userName) : 'too_short';
  if (problem) {
    throw ApiFailure.because('bad_request', passwordProblemReason(problem));
  }
}

function validateRoleAndCounty(role: string, county: string | null): void {
  if (!isRole(role)) throw ApiFailure.because('bad_request', { code: 'users.unknownRole', params: { role } });
  if (county !== null && !isCountyCode(county))
    throw ApiFailure.because('bad_request', { code: 'users.unknownCounty', params: { county } });
}

/**
 * `mustChangePassword`: the password was chosen by someone else (an administrator), so the owner
 * chooses their own at the first sign-in before anything else.
 */
export async function createUser(
  db: Db,
  u: { name: string; role: string; county: string | null; password: string; mustChangePassword?: boolean },
  now = Date.now(),
): Promise<UserRow> {
  validateUserName(u.name);
  validateRoleAndCounty(u.role, u.county);
  validatePassword(u.password, u.name);
  if (getUser(db, u.name)) throw ApiFailure.because('conflict', { code: 'users.exists', params: { name: u.name } });
  const hash = await hashPassword(u.password);
  db.prepare('INSERT INTO users (name, role, county_code, password_hash, created_at, must_change_password) VALUES (?, ?, ?, ?, ?, ?)').run(
    u.name,
    u.role,
    u.county,
    hash,
    now,
    u.mustChangePassword ? 1 : 0,
  );
  return toUserRow(db, getUser(db, u.name)!);
}

/**
 * A user's own new password (at the first sign-in after a creation or reset, or any time):
 * the current one proves who is asking, the new one follows the policy and differs from it.
 */
export async function changeOwnPassword(db: Db, name: string, current: string, next: string): Promise<void> {
  const user = getUser(db, name);
  if (!user || !(await verifyPassword(current, user.password_hash))) {
    throw ApiFailure.because('bad_request', { code: 'auth.currentPasswordWrong' });
  }
  validatePassword(next, user.name);
  if (await verifyPassword(next, user.password_hash)) {
    throw ApiFailure.because('bad_request', { code: 'auth.samePassword' });
  }
  db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE name = ?').run(await hashPassword(next), user.name);
}

/** The language a user reads the console in: their own choice, else the console's first (Chinese). */
export function userLanguage(db: Db, name: string): Language {
  const chosen = db.prepare('SELECT language FROM users WHERE name = ?').pluck().get(name) as Language | null | undefined;
  return chosen ?? LANGUAGES[0];
}

/** Keeps a user's choice of language with their account (the column's CHECK refuses anything else). */
export function setUserLanguage(db: Db, name: string, language: Language): void {
  db.prepare('UPDATE users SET language = ? WHERE name = ?').run(language, name);
}

export async function updateUser(
  db: Db,
  u: { name: string; role?: string; county?: string | null; disabled?: boolean; password?: string; passwordChosenByOwner?: boolean },
): Promise<UserRow> {
  const current = getUser(db, u.name);
  if (!current) throw ApiFailure.because('not_found', { code: 'users.notFound', params: { name: u.name } });
  const role = u.role ?? current.role;
  const county = u.county === undefined ? current.county_code : u.county;
  validateRoleAndCounty(role, county);
  if (u.password !== undefined) validatePassword(u.password, current.name);
  const hash = u.password !== undefined ? await hashPassword(u.password) : current.password_hash;
  const disabled = u.disabled === undefined ? current.disabled : u.disabled ? 1 : 0;
  // The last active administrator cannot be removed: nobody could manage the console any more.
  if ((role !== 'admin' || disabled) && current.role === 'admin' && !current.disabled) {
    const admins = (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
    if (admins <= 1) throw ApiFailure.because('conflict', { code: 'users.lastAdmin' });
  }
  // A password set by an administrator for someone else is a reset: the owner chooses their own at the next sign-in.
  const mustChange = u.password !== undefined ? (u.passwordChosenByOwner ? 0 : 1) : current.must_change_password;
  db.prepare('UPDATE users SET role = ?, county_code = ?, disabled = ?, password_hash = ?, must_change_password = ? WHERE name = ?').run(
    role,
    county,
    disabled,
    hash,
    mustChange,
    current.name,
  );
  return toUserRow(db, getUser(db, current.name)!);
}
