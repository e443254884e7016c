/** Sign-in, first-start set-up, one's own password and language, sign-out. */
import type { AuthStatus, SessionInfo } from '../../../../shared/contract/auth.ts';
import { permissionsOf } from '../../../../shared/domain/roles.ts';
import { consoleSettings } from '../../settings/console-settings.ts';
import { firstStartStatus } from '../../app/first-start.ts';
import { audit } from '../../audit/audit-log.ts';
import { setupMode } from '../../auth/first-administrator.ts';
import { verifyAgainstNobody, verifyPassword } from '../../auth/passwords.ts';
import type { Session } from '../../auth/sessions.ts';
import { typedNameForAudit } from '../../auth/typed-name.ts';
import { changeOwnPassword, createUser, getUser, setUserLanguage, userLanguage } from '../../auth/users.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { type CallContext, sessionOf } from '../context.ts';
import type { ValidParams } from '../../../../shared/contract/api.ts';

export function sessionInfo(ctx: CallContext, s: Session): SessionInfo {
  return {
    user: { ...s.user },
    // A county account's session lists no city-wide permission, so its page offers no audit screen.
    permissions: permissionsOf(s.user.role, s.user.county),
    idleTimeoutMinutes: consoleSettings(ctx.services.db).idleTimeoutMinutes,
    mustChangePassword: s.mustChangePassword,
    // Read from the account each time: a choice made in another window or on another machine holds here too.
    language: userLanguage(ctx.services.db, s.user.name),
  };
}

export function authStatus(ctx: CallContext): AuthStatus {
  const db = ctx.services.db;
  // The desktop window never asks for the code (auth/first-administrator.ts says why).
  const setupCodeRequired = ctx.transport !== 'ipc' && setupMode(db) === 'code';
  return { ...firstStartStatus(db), setupCodeRequired, session: ctx.session ? sessionInfo(ctx, ctx.session) : null };
}

function startSession(
  ctx: CallContext,
  user: { name: string; role: Session['user']['role']; county: string | null },
  mustChangePassword: boolean,
): SessionInfo {
  const s = ctx.services.sessions.create(user, mustChangePassword);
  ctx.setSession(s.token);
  ctx.session = s;
  return sessionInfo(ctx, s);
}

/** Refuses the set-up unless it is open (empty database), or the caller has the code, or is the desktop window. */
function checkSetupAllowed(ctx: CallContext, code: string | undefined): void {
  const mode = setupMode(ctx.services.db);
  if (mode === 'none') throw ApiFailure.because('conflict', { code: 'auth.alreadySetUp' });
  if (mode === 'open' || ctx.transport === 'ipc') return;
  if (code !== undefined && ctx.services.setupCode.matches(code)) return;
  audit(ctx.services.db, {
    user: null,
    action: 'auth.setup_refused',
    details: { reason: code === undefined ? 'no_code' : 'wrong_code', client: ctx.client },
    at: ctx.services.now(),
  });
  if (ctx.services.setupCode.voided) {
    throw ApiFailure.because('forbidden', { code: 'auth.setupCodeVoid' });
  }
  throw ApiFailure.because('forbidden', { code: 'auth.setupCodeNeeded' });
}

export async function setup(ctx: CallContext, p: ValidParams<'auth.setup'>): Promise<SessionInfo> {
  const db = ctx.services.db;
  const { name, password } = p;
  checkSetupAllowed(ctx, p.setupCode);
  const user = await createUser(db, { name, role: 'admin', county: null, password }, ctx.services.now());
  if (p.language) setUserLanguage(db, user.name, p.language);
  ctx.services.setupCode.spend();
  audit(db, {
    user: user.name,
    action: 'user.setup',
    target: `user:${user.name}`,
    details: { role: 'admin', via: ctx.transport === 'ipc' ? 'desktop' : 'browser' },
    at: ctx.services.now(),
  });
  return startSession(ctx, { name: user.name, role: 'admin', county: null }, false);
}

export async function signIn(ctx: CallContext, p: ValidParams<'auth.signIn'>): Promise<SessionInfo> {
  const { db, limiter, now } = ctx.services;
  const { name, password } = p;
  const user = getUser(db, name);
  // Only a real user name goes into the audit in clear; anything else typed there (an ID, a
  // phone, a password typed in the wrong field) is masked.
  const typed = typedNameForAudit(name, user?.name);
  const wait = limiter.blockedFor(name, ctx.client);
  if (wait > 0) {
    const w = limiter.auditWindow(`refused:${typed.toLowerCase()}`);
    if (w.write)
      audit(db, {
        user: user?.name ?? null,
        action: 'auth.sign_in_refused',
        details: {
          reason: 'rate_limited',
          typedName: typed,
          client: ctx.client,
          refusedUnwrittenBefore: w.unwrittenBefore,
          onePerMinutes: 15,
        },
        at: now(),
      });
    throw ApiFailure.because('rate_limited', { code: 'auth.tooManyFailures', params: { minutes: wait } });
  }
  // Unknown and disabled accounts cost one password hash too: the answer's timing does not tell
  // which user names exist.
  const ok =
    user !== undefined && user.disabled === 0 ? await verifyPassword(password, user.password_hash) : await verifyAgainstNobody(password);
  if (!ok || !user) {
    limiter.fail(name, ctx.client);
    // Names that are no user are what guessing from a list produces: one entry per window per client.
    const w = user ? { write: true as const, unwrittenBefore: 0 } : limiter.auditWindow(`unknown:${ctx.client}`);
    if (w.write)
      audit(db, {
        user: user?.name ?? null,
        action: 'auth.sign_in_failed',
        details: {
          typedName: typed,
          knownUser: user !== undefined,
          client: ctx.client,
          ...(user ? {} : { unknownUnwrittenBefore: w.unwrittenBefore }),
        },
        at: now(),
      });
    throw ApiFailure.because('unauthenticated', { code: 'auth.wrongCredentials' });
  }
  limiter.succeed(name, ctx.client);
  db.prepare('UPDATE users SET last_sign_in_at = ? WHERE name = ?').run(now(), user.name);
  // A language picked on the sign-in screen just before is this user's choice from now on.
  if (p.language) setUserLanguage(db, user.name, p.language);
  const mustChangePassword = user.must_change_password === 1;
  audit(db, {
    user: user.name,
    action: 'auth.sign_in',
    details: { client: ctx.client, ...(mustChangePassword ? { mustChangePassword } : {}) },
    at: now(),
  });
  return startSession(ctx, { name: user.name, role: user.role, county: user.county_code }, mustChangePassword);
}

/**
 * One's own new password. The user's other sessions end (someone else may hold the old password);
 * this one goes on, free to act, so its event stream and open screens stay valid.
 */
export async function changePassword(ctx: CallContext, p: ValidParams<'auth.changePassword'>): Promise<SessionInfo> {
  const s = sessionOf(ctx);
  const { db, sessions, limiter, now } = ctx.services;
  // Trying current passwords at a console left signed in is guessing the password: the sign-in's
  // limits apply (a wrong one counts as a failed sign-in of this user from this client), and each
  // wrong one is audited, the password never.
  const wait = limiter.blockedFor(s.user.name, ctx.client);
  if (wait > 0) throw ApiFailure.because('rate_limited', { code: 'auth.tooManyPasswordTries', params: { minutes: wait } });
  try {
    await changeOwnPassword(db, s.user.name, p.currentPassword, p.newPassword);
  } catch (err) {
    if (err instanceof ApiFailure && err.error.reason?.code === 'auth.currentPasswordWrong') {
      limiter.fail(s.user.name, ctx.client);
      audit(db, {
        user: s.user.name,
        action: 'auth.password_change_refused',
        target: `user:${s.user.name}`,
        details: { reason: 'wrong_current_password', client: ctx.client },
        at: now(),
      });
    }
    throw err;
  }
  limiter.succeed(s.user.name, ctx.client);
  audit(db, {
    user: s.user.name,
    action: 'auth.password_changed',
    target: `user:${s.user.name}`,
    details: { wasRequired: s.mustChangePassword },
    at: now(),
  });
  sessions.endUser(s.user.name, s);
  s.mustChangePassword = false;
  return sessionInfo(ctx, s);
}

/** The signed-in user's language, kept with their account: the console opens in it on any machine. */
export function setLanguage(ctx: CallContext, p: ValidParams<'auth.setLanguage'>): SessionInfo {
  const s = sessionOf(ctx);
  setUserLanguage(ctx.services.db, s.user.name, p.language);
  return sessionInfo(ctx, s);
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
