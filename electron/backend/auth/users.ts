/** The console's users: names, roles, optional county scope, scrypt password hashes. */
import { isCountyCode } from '../../../shared/domain/counties.ts';
import { type Role, isRole } from '../../../shared/domain/roles.ts';
import type { UserRow } from '../../../shared/contract/settings.ts';
import type { Db } from '../db/database.ts';
import { ApiFailure } from '../api/api-failure.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords.ts';

export interface StoredUser {
  name: string;
  role: Role;
  county_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: number;
  last_sign_in_at: number | null;
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function getUser(db: Db, name: string): StoredUser | undefined {
  return db.prepare('SELECT * FROM users WHERE name = ?').get(name) as StoredUser | undefined;
}

export function toUserRow(u: StoredUser): UserRow {
  return { name: u.name, role: u.role, county: u.county_code, disabled: u.disabled === 1, lastSignInAt: u.last_sign_in_at };
}

export function listUsers(db: Db): UserRow[] {
  return (db.prepare('SELECT * FROM users ORDER BY name').all() as StoredUser[]).map(toUserRow);
}

export function validateUserName(name: string): void {
  if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(name)) {
    throw ApiFailure.badRequest(
      'a user name has 2 to 32 letters, digits, dots, dashes or underscores',
      '用户名为2至32个字母、数字、点、横线或下划线',
    );
  }
}

export function validatePassword(password: string): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    throw ApiFailure.badRequest(`a password has at least ${MIN_PASSWORD_LENGTH} characters`, `密码至少${MIN_PASSWORD_LENGTH}位`);
  }
}

function validateRoleAndCounty(role: string, county: string | null): void {
  if (!isRole(role)) throw ApiFailure.badRequest(`unknown role ${role}`, `未知角色 ${role}`);
  if (county !== null && !isCountyCode(county)) throw ApiFailure.badRequest(`unknown county ${county}`, `未知县区 ${county}`);
}

export async function createUser(db: Db, u: { name: string; role: string; county: string | null; password: string }, now = Date.now()): Promise<UserRow> {
  validateUserName(u.name);
  validateRoleAndCounty(u.role, u.county);
  validatePassword(u.password);
  if (getUser(db, u.name)) throw ApiFailure.conflict(`a user named ${u.name} exists`, `用户 ${u.name} 已存在`);
  const hash = await hashPassword(u.password);
  db.prepare('INSERT INTO users (name, role, county_code, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(u.name, u.role, u.county, hash, now);
  return toUserRow(getUser(db, u.name)!);
}

export async function updateUser(
  db: Db,
  u: { name: string; role?: string; county?: string | null; disabled?: boolean; password?: string },
): Promise<UserRow> {
  const current = getUser(db, u.name);
  if (!current) throw ApiFailure.notFound(`no user named ${u.name}`, `没有用户 ${u.name}`);
  const role = u.role ?? current.role;
  const county = u.county === undefined ? current.county_code : u.county;
  validateRoleAndCounty(role, county);
  if (u.password !== undefined) validatePassword(u.password);
  const hash = u.password !== undefined ? await hashPassword(u.password) : current.password_hash;
  const disabled = u.disabled === undefined ? current.disabled : u.disabled ? 1 : 0;
  // The last active administrator cannot be removed: nobody could manage the console any more.
  if ((role !== 'admin' || disabled) && current.role === 'admin' && !current.disabled) {
    const admins = (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
    if (admins <= 1) throw ApiFailure.conflict('this is the last administrator; make another one first', '这是最后一个管理员，请先设置另一个管理员');
  }
  db.prepare('UPDATE users SET role = ?, county_code = ?, disabled = ?, password_hash = ? WHERE name = ?').run(role, county, disabled, hash, current.name);
  return toUserRow(getUser(db, current.name)!);
}
