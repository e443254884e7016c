/** Users, settings and key areas (Settings screen, administrators). */
import type { ConsoleSettings, KeyAreaRow, UserRow } from '../../../../shared/contract/settings.ts';
import { formatDay } from '../../../../shared/domain/local-date.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { isRegionCode } from '../../../../shared/domain/feeds/field-parsers.ts';
import { consoleSettings, saveConsoleSettings } from '../../app/console-settings.ts';
import { audit } from '../../audit/audit-log.ts';
import { ROLES_NEEDING_APPROVAL, approveRole, requestRole, withdrawRole } from '../../auth/role-grants.ts';
import { createUser, getUser, listUsers, updateUser } from '../../auth/users.ts';
import { saveKeyArea } from '../../rules/key-areas.ts';
import { exchangeDirectoryProblem } from '../../sync/exchange-directory.ts';
import { ApiFailure } from '../api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { bool, county, day, int, optStr, str } from '../params.ts';

export function usersList(ctx: CallContext): UserRow[] {
  return listUsers(ctx.services.db);
}

/**
 * A new account's password is the administrator's choice, so the owner must choose their own at
 * the first sign-in. A credit account starts as a duty officer with the credit role requested: a
 * second administrator approves it (users.decideRole).
 */
export async function usersCreate(ctx: CallContext, p: Record<string, unknown>): Promise<UserRow> {
  const db = ctx.services.db;
  const admin = sessionOf(ctx).user.name;
  const asked = str(p, 'role', 16);
  const needsApproval = (ROLES_NEEDING_APPROVAL as readonly string[]).includes(asked);
  const row = await createUser(
    db,
    { name: str(p, 'name', 32), role: needsApproval ? 'officer' : asked, county: county(p, 'county') ?? null, password: str(p, 'password', 200), mustChangePassword: true },
    ctx.services.now(),
  );
  audit(db, { user: admin, action: 'user.create', target: `user:${row.name}`, details: { role: row.role, county: row.county }, at: ctx.services.now() });
  if (needsApproval) askForRole(ctx, row.name, asked as Role);
  return needsApproval ? userRow(ctx, row.name) : row;
}

function askForRole(ctx: CallContext, name: string, role: Role): void {
  const admin = sessionOf(ctx).user.name;
  requestRole(ctx.services.db, name, role, admin, ctx.services.now());
  audit(ctx.services.db, { user: admin, action: 'role.requested', target: `user:${name}`, details: { role, needs: 'approval by a second administrator' }, at: ctx.services.now() });
}

function userRow(ctx: CallContext, name: string): UserRow {
  return listUsers(ctx.services.db).find((u) => u.name.toLowerCase() === name.toLowerCase())!;
}

export async function usersUpdate(ctx: CallContext, p: Record<string, unknown>): Promise<UserRow> {
  const db = ctx.services.db;
  const admin = sessionOf(ctx).user.name;
  const name = str(p, 'name', 32);
  const asked = optStr(p, 'role', 16);
  const current = getUser(db, name);
  // The credit role is only asked for here; the account keeps its role until a second administrator approves.
  const needsApproval = asked !== undefined && (ROLES_NEEDING_APPROVAL as readonly string[]).includes(asked) && current?.role !== asked;
  const role = needsApproval ? undefined : asked;
  const c = county(p, 'county');
  const disabled = bool(p, 'disabled');
  const password = optStr(p, 'password', 200);
  const row = await updateUser(db, { name, ...(role ? { role } : {}), ...(c !== undefined ? { county: c } : {}), ...(disabled !== undefined ? { disabled } : {}), ...(password ? { password, passwordChosenByOwner: name.toLowerCase() === admin.toLowerCase() } : {}) });
  // Changed rights take effect at once: the user signs in again.
  ctx.services.sessions.endUser(row.name);
  audit(db, {
    user: admin,
    action: 'user.update',
    target: `user:${row.name}`,
    details: { role: row.role, county: row.county, disabled: row.disabled, passwordReset: password !== undefined },
    at: ctx.services.now(),
  });
  if (needsApproval) askForRole(ctx, row.name, asked as Role);
  // Another role chosen while a request waits: the request is withdrawn.
  else if (asked !== undefined && withdrawRole(db, row.name, admin, ctx.services.now())) {
    audit(db, { user: admin, action: 'role.withdrawn', target: `user:${row.name}`, details: { role: asked }, at: ctx.services.now() });
  }
  return userRow(ctx, row.name);
}

/** The second administrator's approval of a requested credit role, or its withdrawal by either. */
export function usersDecideRole(ctx: CallContext, p: Record<string, unknown>): UserRow {
  const db = ctx.services.db;
  const admin = sessionOf(ctx).user.name;
  const name = str(p, 'name', 32);
  const approve = bool(p, 'approve');
  if (approve === undefined) throw ApiFailure.badRequest('approve must be true or false', 'approve 应为是或否');
  if (approve) {
    const grant = approveRole(db, name, admin, ctx.services.now());
    ctx.services.sessions.endUser(grant.userName);
    audit(db, { user: admin, action: 'role.credit_granted', target: `user:${grant.userName}`, details: { role: grant.role, requestedBy: grant.requestedBy, approvedBy: admin }, at: ctx.services.now() });
  } else {
    if (!withdrawRole(db, name, admin, ctx.services.now())) throw ApiFailure.notFound(`no role request waits for ${name}`, `用户 ${name} 没有待批准的角色申请`);
    audit(db, { user: admin, action: 'role.withdrawn', target: `user:${name}`, at: ctx.services.now() });
  }
  const row = listUsers(db).find((u) => u.name.toLowerCase() === name.toLowerCase());
  if (!row) throw ApiFailure.notFound(`no user named ${name}`, `没有用户 ${name}`);
  return row;
}

export function settingsGet(ctx: CallContext): ConsoleSettings {
  return consoleSettings(ctx.services.db);
}

export function settingsUpdate(ctx: CallContext, p: Record<string, unknown>): ConsoleSettings {
  const next: Partial<ConsoleSettings> = {};
  if (p.idleTimeoutMinutes !== undefined) next.idleTimeoutMinutes = int(p, 'idleTimeoutMinutes', 1, 480);
  if (p.autoSyncMinutes !== undefined) next.autoSyncMinutes = int(p, 'autoSyncMinutes', 0, 24 * 60);
  if (p.syncSource !== undefined) next.syncSource = p.syncSource === null || p.syncSource === '' ? null : exchangeDirectory(ctx, str(p, 'syncSource', 1000));
  const saved = saveConsoleSettings(ctx.services.db, next);
  audit(ctx.services.db, { user: sessionOf(ctx).user.name, action: 'settings.update', details: { ...next }, at: ctx.services.now() });
  ctx.services.jobs.settingsChanged();
  return saved;
}

/**
 * A new exchange directory is checked when it is saved (a full path, a folder, readable), so that
 * a mistyped one is refused here with what to fix, not found out by the next sync. The stored one,
 * sent back unchanged with the other settings, is not checked again: a share that is offline for
 * a moment must not stop the idle timeout from being saved; the sync says so itself.
 */
function exchangeDirectory(ctx: CallContext, typed: string): string {
  const dir = typed.trim();
  if (dir === consoleSettings(ctx.services.db).syncSource) return dir;
  const problem = exchangeDirectoryProblem(dir, { absolute: true });
  if (problem) throw ApiFailure.badRequest(problem.message, problem.messageZh);
  return dir;
}

export function keyAreasList(ctx: CallContext): KeyAreaRow[] {
  const rows = ctx.services.db.prepare('SELECT region_code, name, effective_from, effective_to FROM key_areas ORDER BY region_code, effective_from').all() as {
    region_code: string;
    name: string | null;
    effective_from: number;
    effective_to: number | null;
  }[];
  return rows.map((r) => ({ regionCode: r.region_code, name: r.name, effectiveFrom: formatDay(r.effective_from), effectiveTo: r.effective_to === null ? null : formatDay(r.effective_to) }));
}

export function keyAreasSave(ctx: CallContext, p: Record<string, unknown>): KeyAreaRow[] {
  const regionCode = str(p, 'regionCode', 6);
  if (!isRegionCode(regionCode)) throw ApiFailure.badRequest('region code must be 2, 4 or 6 digits', '地区代码应为2、4或6位数字');
  const from = day(p, 'effectiveFrom');
  if (from === undefined) throw ApiFailure.badRequest('effectiveFrom is required', '请填写生效日期');
  const to = day(p, 'effectiveTo') ?? null;
  if (to !== null && to < from) throw ApiFailure.badRequest('effective_to is before effective_from', '失效日期早于生效日期');
  const name = optStr(p, 'name', 100) ?? null;
  const user = sessionOf(ctx).user.name;
  saveKeyArea(ctx.services.db, { regionCode, name, effectiveFrom: from, effectiveTo: to }, user, ctx.services.now());
  audit(ctx.services.db, { user, action: 'key_area.save', target: `key_area:${regionCode}`, details: { name, effectiveFrom: formatDay(from), effectiveTo: to === null ? null : formatDay(to) }, at: ctx.services.now() });
  ctx.services.jobs.coloursStale();
  return keyAreasList(ctx);
}
