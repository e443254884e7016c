/** Users, settings and key areas (Settings screen, administrators). */
import type { ConsoleSettings, KeyAreaRow, UserRow } from '../../../../shared/contract/settings.ts';
import { formatDay } from '../../../../shared/domain/local-date.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { consoleSettings, saveConsoleSettings } from '../../settings/console-settings.ts';
import { audit } from '../../audit/audit-log.ts';
import { ROLES_NEEDING_APPROVAL, approveRole, requestRole, withdrawRole } from '../../auth/role-grants.ts';
import { createUser, getUser, listUsers, updateUser } from '../../auth/users.ts';
import { saveKeyArea } from '../../rules/key-areas.ts';
import { exchangeDirectoryProblem } from '../../sync/exchange-directory.ts';
import { storeExchangePassword } from '../../exchange-db/exchange-credentials.ts';
import { isPostgresSource, parsePostgresUrl, sourceName } from '../../exchange-db/pg-source.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

export function usersList(ctx: CallContext): UserRow[] {
  return listUsers(ctx.services.db);
}

/**
 * A new account's password is the administrator's choice, so the owner must choose their own at
 * the first sign-in. A credit account starts as a duty officer with the credit role requested: a
 * second administrator approves it (users.decideRole).
 */
export async function usersCreate(ctx: CallContext, p: ValidParams<'users.create'>): Promise<UserRow> {
  const db = ctx.services.db;
  const admin = sessionOf(ctx).user.name;
  const asked = p.role;
  const needsApproval = (ROLES_NEEDING_APPROVAL as readonly string[]).includes(asked);
  const row = await createUser(
    db,
    { name: p.name, role: needsApproval ? 'officer' : asked, county: p.county ?? null, password: p.password, mustChangePassword: true },
    ctx.services.now(),
  );
  audit(db, {
    user: admin,
    action: 'user.create',
    target: `user:${row.name}`,
    details: { role: row.role, county: row.county },
    at: ctx.services.now(),
  });
  if (needsApproval) askForRole(ctx, row.name, asked);
  return needsApproval ? userRow(ctx, row.name) : row;
}

function askForRole(ctx: CallContext, name: string, role: Role): void {
  const admin = sessionOf(ctx).user.name;
  requestRole(ctx.services.db, name, role, admin, ctx.services.now());
  audit(ctx.services.db, {
    user: admin,
    action: 'role.requested',
    target: `user:${name}`,
    details: { role, needs: 'approval by a second administrator' },
    at: ctx.services.now(),
  });
}

function userRow(ctx: CallContext, name: string): UserRow {
  return listUsers(ctx.services.db).find((u) => u.name.toLowerCase() === name.toLowerCase())!;
}

export async function usersUpdate(ctx: CallContext, p: ValidParams<'users.update'>): Promise<UserRow> {
  const db = ctx.services.db;
  const admin = sessionOf(ctx).user.name;
  const { name, role: asked, county: c, disabled, password } = p;
  const current = getUser(db, name);
  // The credit role is only asked for here; the account keeps its role until a second administrator approves.
  const needsApproval = asked !== undefined && (ROLES_NEEDING_APPROVAL as readonly string[]).includes(asked) && current?.role !== asked;
  const role = needsApproval ? undefined : asked;
  const row = await updateUser(db, {
    name,
    ...(role ? { role } : {}),
    ...(c !== undefined ? { county: c } : {}),
    ...(disabled !== undefined ? { disabled } : {}),
    ...(password ? { password, passwordChosenByOwner: name.toLowerCase() === admin.toLowerCase() } : {}),
  });
  // Changed rights take effect at once: the user signs in again.
  ctx.services.sessions.endUser(row.name);
  audit(db, {
    user: admin,
    action: 'user.update',
    target: `user:${row.name}`,
    details: { role: row.role, county: row.county, disabled: row.disabled, passwordReset: password !== undefined },
    at: ctx.services.now(),
  });
  if (needsApproval) askForRole(ctx, row.name, asked);
  // Another role chosen while a request waits: the request is withdrawn.
  else if (asked !== undefined && withdrawRole(db, row.name, admin, ctx.services.now())) {
    audit(db, { user: admin, action: 'role.withdrawn', target: `user:${row.name}`, details: { role: asked }, at: ctx.services.now() });
  }
  return userRow(ctx, row.name);
}

/** The second administrator's approval of a requested credit role, or its withdrawal by either. */
export function usersDecideRole(ctx: CallContext, p: ValidParams<'users.decideRole'>): UserRow {
  const db = ctx.services.db;
  const admin = sessionOf(ctx).user.name;
  const { name, approve } = p;
  if (approve) {
    const grant = approveRole(db, name, admin, ctx.services.now());
    ctx.services.sessions.endUser(grant.userName);
    audit(db, {
      user: admin,
      action: 'role.credit_granted',
      target: `user:${grant.userName}`,
      details: { role: grant.role, requestedBy: grant.requestedBy, approvedBy: admin },
      at: ctx.services.now(),
    });
  } else {
    if (!withdrawRole(db, name, admin, ctx.services.now()))
      throw ApiFailure.because('not_found', { code: 'users.noRoleRequest', params: { name } });
    audit(db, { user: admin, action: 'role.withdrawn', target: `user:${name}`, at: ctx.services.now() });
  }
  const row = listUsers(db).find((u) => u.name.toLowerCase() === name.toLowerCase());
  if (!row) throw ApiFailure.because('not_found', { code: 'users.notFound', params: { name } });
  return row;
}

export function settingsGet(ctx: CallContext): ConsoleSettings {
  return consoleSettings(ctx.services.db);
}

export function settingsUpdate(ctx: CallContext, p: ValidParams<'settings.update'>): ConsoleSettings {
  const db = ctx.services.db;
  const next: Partial<Omit<ConsoleSettings, 'exchangePasswordStored'>> = {};
  if (p.idleTimeoutMinutes !== undefined) next.idleTimeoutMinutes = p.idleTimeoutMinutes;
  if (p.autoSyncMinutes !== undefined) next.autoSyncMinutes = p.autoSyncMinutes;
  if (p.mapBands !== undefined) next.mapBands = p.mapBands;
  let password: string | null | undefined = p.exchangePassword;
  if (p.syncSource !== undefined && p.syncSource !== null && isPostgresSource(p.syncSource)) {
    // The database is named without its password; one typed into the address is kept sealed instead.
    const s = parsePostgresUrl(p.syncSource);
    next.syncSource = sourceName(s);
    if (s.password !== null && password === undefined) password = s.password;
  } else if (p.syncSource !== undefined) next.syncSource = p.syncSource === null ? null : exchangeDirectory(ctx, p.syncSource);
  const before = consoleSettings(db).syncSource;
  // A kept password belongs to one server: another source forgets it unless a new one comes with it.
  if (next.syncSource !== undefined && next.syncSource !== before && password === undefined) password = null;
  db.transaction(() => {
    saveConsoleSettings(db, next);
    if (password !== undefined) storeExchangePassword(db, password);
  })();
  const saved = consoleSettings(db);
  // The audit log says that the password changed, never what it is.
  const details = { ...next, ...(password !== undefined ? { exchangePassword: password === null ? 'forgotten' : 'changed' } : {}) };
  audit(db, { user: sessionOf(ctx).user.name, action: 'settings.update', details, at: ctx.services.now() });
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
  const rows = ctx.services.db
    .prepare('SELECT region_code, name, effective_from, effective_to FROM key_areas ORDER BY region_code, effective_from')
    .all() as {
    region_code: string;
    name: string | null;
    effective_from: number;
    effective_to: number | null;
  }[];
  return rows.map((r) => ({
    regionCode: r.region_code,
    name: r.name,
    effectiveFrom: formatDay(r.effective_from),
    effectiveTo: r.effective_to === null ? null : formatDay(r.effective_to),
  }));
}

export function keyAreasSave(ctx: CallContext, p: ValidParams<'keyAreas.save'>): KeyAreaRow[] {
  const { regionCode, effectiveFrom: from } = p;
  const to = p.effectiveTo ?? null;
  if (to !== null && to < from) throw ApiFailure.because('bad_request', { code: 'keyAreas.toBeforeFrom' });
  const name = p.name ?? null;
  const previousFrom = p.previousFrom ?? null;
  const user = sessionOf(ctx).user.name;
  const now = ctx.services.now();
  // Published as a dated version (who, when, why): key_area_versions.
  const published = saveKeyArea(
    ctx.services.db,
    { regionCode, name, effectiveFrom: from, effectiveTo: to, previousFrom },
    user,
    now,
    p.reason,
  );
  audit(ctx.services.db, {
    user,
    action: 'key_area.save',
    target: `key_area:${regionCode}`,
    details: {
      name,
      effectiveFrom: formatDay(from),
      effectiveTo: to === null ? null : formatDay(to),
      kind: published.kind,
      previousFrom: previousFrom === null ? null : formatDay(previousFrom),
      reason: p.reason,
      publishedAt: now,
    },
    at: now,
  });
  ctx.services.jobs.coloursStale();
  return keyAreasList(ctx);
}
