/** Users, settings and key areas (Settings screen, administrators). */
import type { ConsoleSettings, KeyAreaRow, UserRow } from '../../../../shared/contract/settings.ts';
import { formatDay } from '../../../../shared/domain/local-date.ts';
import { isRegionCode } from '../../../../shared/domain/feeds/field-parsers.ts';
import { consoleSettings, saveConsoleSettings } from '../../app/console-settings.ts';
import { audit } from '../../audit/audit-log.ts';
import { createUser, listUsers, updateUser } from '../../auth/users.ts';
import { saveKeyArea } from '../../rules/key-areas.ts';
import { exchangeDirectoryProblem } from '../../sync/exchange-directory.ts';
import { ApiFailure } from '../api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { bool, county, day, int, optStr, str } from '../params.ts';

export function usersList(ctx: CallContext): UserRow[] {
  return listUsers(ctx.services.db);
}

export async function usersCreate(ctx: CallContext, p: Record<string, unknown>): Promise<UserRow> {
  const row = await createUser(ctx.services.db, { name: str(p, 'name', 32), role: str(p, 'role', 16), county: county(p, 'county') ?? null, password: str(p, 'password', 200) }, ctx.services.now());
  audit(ctx.services.db, { user: sessionOf(ctx).user.name, action: 'user.create', target: `user:${row.name}`, details: { role: row.role, county: row.county }, at: ctx.services.now() });
  return row;
}

export async function usersUpdate(ctx: CallContext, p: Record<string, unknown>): Promise<UserRow> {
  const name = str(p, 'name', 32);
  const role = optStr(p, 'role', 16);
  const c = county(p, 'county');
  const disabled = bool(p, 'disabled');
  const password = optStr(p, 'password', 200);
  const row = await updateUser(ctx.services.db, { name, ...(role ? { role } : {}), ...(c !== undefined ? { county: c } : {}), ...(disabled !== undefined ? { disabled } : {}), ...(password ? { password } : {}) });
  // Changed rights take effect at once: the user signs in again.
  ctx.services.sessions.endUser(row.name);
  audit(ctx.services.db, {
    user: sessionOf(ctx).user.name,
    action: 'user.update',
    target: `user:${row.name}`,
    details: { role: row.role, county: row.county, disabled: row.disabled, passwordReset: password !== undefined },
    at: ctx.services.now(),
  });
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
