/**
 * Users help themselves (issue 16): every role, city-wide or county-scoped, changes their own
 * password as a user would try it (a wrong current one, a short or first-guessed new one, then one
 * that works and signs in), audited without the password and limited like sign-ins; and the
 * language each user chose is kept with their account (migration 13), set while signed in, said at
 * sign-in and by auth.status, and picked on the sign-in screen.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResponse, MethodName, ParamsOf, ResultOf, SessionInfo } from '../../../../shared/contract/api.ts';
import type { CallContext, ConsoleServices } from '../../../../electron/backend/api/context.ts';
import { dispatch } from '../../../../electron/backend/api/dispatch.ts';
import { updateUser } from '../../../../electron/backend/auth/users.ts';
import { PASSWORD, testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const reasonOf = (r: ApiResponse<unknown>) => (r.ok ? 'ok' : (r.error.reason?.code ?? r.error.code));

/** A browser of the console: its own cookie (session token) and address; signs in with any password. */
function browser(services: ConsoleServices, client = '127.0.0.1') {
  let token: string | null = null;
  const ctx = (): CallContext => ({
    services,
    session: services.sessions.get(token),
    client,
    transport: 'http',
    setSession: (t) => void (token = t),
  });
  return {
    call: <M extends MethodName>(method: M, params: ParamsOf<M>) => dispatch(ctx(), method, params) as Promise<ApiResponse<ResultOf<M>>>,
    async signIn(name: string, password: string, language?: 'zh' | 'en'): Promise<ApiResponse<SessionInfo>> {
      return (await dispatch(ctx(), 'auth.signIn', { name, password, ...(language ? { language } : {}) })) as ApiResponse<SessionInfo>;
    },
  };
}

const ACCOUNTS = [
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wri', role: 'writer' },
  { name: 'adm', role: 'admin' },
  { name: 'wudi-ofc', role: 'officer', county: '371623' },
  { name: 'wudi-cre', role: 'credit', county: '371623' },
  { name: 'zou-wri', role: 'writer', county: '371681' },
  { name: 'zou-adm', role: 'admin', county: '371681' },
];

describe('one’s own password, for every role', async () => {
  const c = await testConsole(tempDir(), { users: ACCOUNTS });
  const db = c.services.db;

  test.each(ACCOUNTS)('$name ($role, county $county) tries it as a user would', async ({ name }) => {
    const here = browser(c.services);
    expect((await here.signIn(name, PASSWORD)).ok).toBe(true);
    const elsewhere = browser(c.services, '10.0.0.2');
    expect((await elsewhere.signIn(name, PASSWORD)).ok).toBe(true);
    const newPassword = `a phrase I chose myself, ${name.length}`;

    // A wrong current password: refused, audited (never the password), nothing changed.
    const wrong = await here.call('auth.changePassword', { currentPassword: 'not-my-password-1', newPassword });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'bad_request', messageZh: '当前密码不正确' });
    const refused = db
      .prepare("SELECT target, details FROM audit_log WHERE action = 'auth.password_change_refused' AND user_name = ? ORDER BY id DESC")
      .get(name) as { target: string; details: string };
    expect(refused.target).toBe(`user:${name}`);
    expect(JSON.parse(refused.details)).toEqual({ reason: 'wrong_current_password', client: '127.0.0.1' });

    // The new one must follow the policy the server enforces (and differ from the current one).
    const tries: [string, string][] = [
      ['short', 'password.tooShort'],
      ['123456789012', 'password.common'],
      ['passwordpassword1', 'password.common'],
      [`${name}-is-me-really`, 'password.containsName'],
      [PASSWORD, 'auth.samePassword'],
    ];
    for (const [bad, reason] of tries)
      expect(reasonOf(await here.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: bad })), bad).toBe(reason);

    // Then one that works: the session goes on, the other browser's ends, the old password no longer signs in.
    const changed = await here.call('auth.changePassword', { currentPassword: PASSWORD, newPassword });
    expect(changed.ok && changed.value.user.name).toBe(name);
    expect(reasonOf(await here.call('auth.touch', {}))).toBe('ok');
    expect(reasonOf(await elsewhere.call('auth.touch', {}))).toBe('auth.signInFirst');
    expect(reasonOf(await browser(c.services, '10.0.0.3').signIn(name, PASSWORD))).toBe('auth.wrongCredentials');
    const again = browser(c.services, '10.0.0.3');
    expect((await again.signIn(name, newPassword)).ok).toBe(true);
    expect(reasonOf(await again.call('dashboard.summary', {}))).toMatch(/^(ok|auth\.roleMayNot)$/);

    // Audited, and no password of the whole story is anywhere in the log.
    const entries = db.prepare('SELECT action, details FROM audit_log WHERE user_name = ?').all(name) as {
      action: string;
      details: string;
    }[];
    expect(entries.filter((e) => e.action === 'auth.password_changed')).toHaveLength(1);
    const log = JSON.stringify(entries);
    for (const secret of [PASSWORD, newPassword, 'not-my-password-1', ...tries.map(([bad]) => bad)]) expect(log).not.toContain(secret);
  });

  test('guessing the current password at a console left signed in is limited like sign-ins', async () => {
    await updateUser(db, { name: 'ofc', password: PASSWORD, passwordChosenByOwner: true });
    const left = browser(c.services, '10.0.0.9');
    expect((await left.signIn('ofc', PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 5; i++)
      expect(
        reasonOf(await left.call('auth.changePassword', { currentPassword: `guess-number-${i}`, newPassword: 'a brand new phrase' })),
      ).toBe('auth.currentPasswordWrong');
    const limited = await left.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'a brand new phrase' });
    expect(limited.ok ? null : limited.error).toMatchObject({
      code: 'rate_limited',
      reason: { code: 'auth.tooManyPasswordTries', params: { minutes: 15 } },
    });
    // From that address the account cannot be signed into either; from another it can.
    expect(reasonOf(await browser(c.services, '10.0.0.9').signIn('ofc', PASSWORD))).toBe('auth.tooManyFailures');
    expect((await browser(c.services, '10.0.0.10').signIn('ofc', PASSWORD)).ok).toBe(true);
  });
});

describe('the language kept per user', async () => {
  const c = await testConsole(tempDir(), { users: ACCOUNTS });
  const db = c.services.db;

  test('migration 13: a language column that holds zh, en or nothing', () => {
    const column = (db.prepare('PRAGMA table_info(users)').all() as { name: string; notnull: number }[]).find(
      (col) => col.name === 'language',
    );
    expect(column).toMatchObject({ notnull: 0 });
    expect(db.prepare("SELECT count(*) FROM users WHERE language IS NOT NULL AND name LIKE 'zou%'").pluck().get()).toBe(0);
    expect(() => db.prepare("UPDATE users SET language = 'fr' WHERE name = 'ofc'").run()).toThrow(/CHECK constraint/);
  });

  test('two users of one machine keep their own languages, at sign-in and in auth.status', async () => {
    const machine = browser(c.services);
    const first = await machine.signIn('wri', PASSWORD);
    expect(first.ok && first.value.language).toBe('zh');
    const switched = await machine.call('auth.setLanguage', { language: 'en' });
    expect(switched.ok && switched.value.language).toBe('en');
    const status = await machine.call('auth.status', {});
    expect(status.ok && status.value.session?.language).toBe('en');
    await machine.call('auth.signOut', {});

    const other = await machine.signIn('zou-wri', PASSWORD);
    expect(other.ok && other.value.language).toBe('zh');
    await machine.call('auth.signOut', {});

    const back = await machine.signIn('wri', PASSWORD);
    expect(back.ok && back.value.language).toBe('en');
    // On another machine too, and a touch says it (a choice made elsewhere arrives there).
    const seat = browser(c.services, '10.0.0.4');
    expect((await seat.signIn('wri', PASSWORD)).ok && (await seat.call('auth.touch', {})).ok).toBe(true);
    await machine.call('auth.setLanguage', { language: 'zh' });
    const touched = await seat.call('auth.touch', {});
    expect(touched.ok && touched.value.language).toBe('zh');
  });

  test('a language picked on the sign-in screen is kept as the user’s; a bad one is refused', async () => {
    const machine = browser(c.services);
    const picked = await machine.signIn('wudi-ofc', PASSWORD, 'en');
    expect(picked.ok && picked.value.language).toBe('en');
    await machine.call('auth.signOut', {});
    const later = await machine.signIn('wudi-ofc', PASSWORD);
    expect(later.ok && later.value.language).toBe('en');
    // A wrong password keeps nothing.
    expect(reasonOf(await machine.signIn('cre', 'not-the-password', 'en'))).toBe('auth.wrongCredentials');
    expect(db.prepare("SELECT language FROM users WHERE name = 'cre'").pluck().get()).toBeNull();
    expect(reasonOf(await machine.call('auth.setLanguage', { language: 'fr' } as never))).toBe('bad_request');
    expect(reasonOf(await browser(c.services).call('auth.setLanguage', { language: 'en' }))).toBe('auth.signInFirst');
  });

  test('an account that must choose its password first may still switch its language', async () => {
    await updateUser(db, { name: 'zou-adm', password: 'reset-by-admin-9' });
    const machine = browser(c.services);
    const s = await machine.signIn('zou-adm', 'reset-by-admin-9');
    expect(s.ok && s.value.mustChangePassword).toBe(true);
    expect(reasonOf(await machine.call('auth.setLanguage', { language: 'en' }))).toBe('ok');
    expect(reasonOf(await machine.call('dashboard.summary', {}))).toBe('auth.passwordChangeRequired');
    const changed = await machine.call('auth.changePassword', { currentPassword: 'reset-by-admin-9', newPassword: 'now my very own one' });
    expect(changed.ok && changed.value.language).toBe('en');
  });
});
