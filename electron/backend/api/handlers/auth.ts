/** Sign-in, first-start set-up, sign-out. */
import type { AuthStatus, SessionInfo } from '../../../../shared/contract/auth.ts';
import { ROLE_PERMISSIONS } from '../../../../shared/domain/roles.ts';
import { consoleSettings } from '../../app/console-settings.ts';
import { firstStartStatus } from '../../app/first-start.ts';
import { audit } from '../../audit/audit-log.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import type { Session } from '../../auth/sessions.ts';
import { countUsers, createUser, getUser } from '../../auth/users.ts';
import { ApiFailure } from '../api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import { str } from '../params.ts';

export function sessionInfo(ctx: CallContext, s: Session): SessionInfo {
  return { user: { ...s.user }, permissions: [...ROLE_PERMISSIONS[s.user.role]], idleTimeoutMinutes: consoleSettings(ctx.services.db).idleTimeoutMinutes };
}

export function authStatus(ctx: CallContext): AuthStatus {
  const db = ctx.services.db;
  return { ...firstStartStatus(db), session: ctx.session ? sessionInfo(ctx, ctx.session) : null };
}

function startSession(ctx: CallContext, user: { name: string; role: Session['user']['role']; county: string | null }): SessionInfo {
  const s = ctx.services.sessions.create(user);
  ctx.setSession(s.token);
  ctx.session = s;
  return sessionInfo(ctx, s);
}

export async function setup(ctx: CallContext, p: Record<string, unknown>): Promise<SessionInfo> {
  const db = ctx.services.db;
  if (countUsers(db) > 0) throw ApiFailure.conflict('the console is already set up; sign in instead', '系统已完成初始设置，请直接登录');
  const user = await createUser(db, { name: str(p, 'name', 32), role: 'admin', county: null, password: str(p, 'password', 200) }, ctx.services.now());
  audit(db, { user: user.name, action: 'user.setup', target: `user:${user.name}`, details: { role: 'admin' }, at: ctx.services.now() });
  return startSession(ctx, { name: user.name, role: 'admin', county: null });
}

export async function signIn(ctx: CallContext, p: Record<string, unknown>): Promise<SessionInfo> {
  const { db, limiter, now } = ctx.services;
  const name = str(p, 'name', 64);
  const password = str(p, 'password', 200);
  const wait = limiter.blockedFor(name, ctx.client);
  if (wait > 0) {
    audit(db, { user: name, action: 'auth.sign_in_refused', details: { reason: 'rate_limited', client: ctx.client }, at: now() });
    throw ApiFailure.of('rate_limited', `too many failed sign-ins; try again in ${wait} minute(s)`, `登录失败次数过多，请${wait}分钟后再试`);
  }
  const user = getUser(db, name);
  const ok = user !== undefined && user.disabled === 0 && (await verifyPassword(password, user.password_hash));
  if (!ok || !user) {
    limiter.fail(name, ctx.client);
    audit(db, { user: name, action: 'auth.sign_in_failed', details: { client: ctx.client }, at: now() });
    throw ApiFailure.of('unauthenticated', 'wrong user name or password (or the account is disabled)', '用户名或密码错误（或账号已停用）');
  }
  limiter.succeed(name);
  db.prepare('UPDATE users SET last_sign_in_at = ? WHERE name = ?').run(now(), user.name);
  audit(db, { user: user.name, action: 'auth.sign_in', details: { client: ctx.client }, at: now() });
  return startSession(ctx, { name: user.name, role: user.role, county: user.county_code });
}

export function signOut(ctx: CallContext): Record<string, never> {
  const s = sessionOf(ctx);
  ctx.services.sessions.end(s.token);
  audit(ctx.services.db, { user: s.user.name, action: 'auth.sign_out', at: ctx.services.now() });
  ctx.setSession(null);
  return {};
}

export function touch(ctx: CallContext): SessionInfo {
  return sessionInfo(ctx, sessionOf(ctx));
}
