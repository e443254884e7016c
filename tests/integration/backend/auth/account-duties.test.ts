/**
 * Separation of duties and the password policy (issue 12): an account an administrator made or
 * reset chooses its own password before it can act; the credit role needs a second
 * administrator; no new password (set-up, add, reset, change) may be short or one of the first
 * guessed.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ApiResponse, MethodName, ParamsOf, SessionInfo } from '../../../../shared/contract/api.ts';
import type { CallContext, ConsoleServices } from '../../../../electron/backend/api/context.ts';
import { dispatch } from '../../../../electron/backend/api/dispatch.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { runCli } from '../../../support/cli.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'admin', role: 'admin' },
  { name: 'admin2', role: 'admin' },
];
const codeOf = (r: ApiResponse<unknown>) => (r.ok ? 'ok' : r.error.code);

/** A signed-in user of the console with a password of their own (not the test support's). */
async function asUser(services: ConsoleServices, name: string, password: string) {
  let token: string | null = null;
  const ctx = (): CallContext => ({
    services,
    session: services.sessions.get(token),
    client: '127.0.0.1',
    transport: 'http',
    setSession: (t) => void (token = t),
  });
  const signedIn = await dispatch(ctx(), 'auth.signIn', { name, password });
  return {
    signedIn: signedIn as ApiResponse<SessionInfo>,
    call: <M extends MethodName>(method: M, params: ParamsOf<M>) => dispatch(ctx(), method, params),
  };
}

describe('a new or reset account chooses its own password first', () => {
  test('until then every method but changing the password, the session and signing out is refused', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    await c.ok('admin', 'users.create', { name: 'duty2', role: 'officer', county: null, password: 'given-by-admin-1' });
    const elsewhere = await asUser(c.services, 'duty2', 'given-by-admin-1');
    const duty = await asUser(c.services, 'duty2', 'given-by-admin-1');
    expect(duty.signedIn.ok && duty.signedIn.value.mustChangePassword).toBe(true);
    for (const method of ['dashboard.summary', 'people.search', 'data.overview', 'cases.list'] as const) {
      const r = await duty.call(method, { query: 'x' } as never);
      expect(codeOf(r), method).toBe('password_change_required');
      if (!r.ok) expect(r.error.messageZh).toMatch(/请先设置您自己的密码/);
    }
    expect(codeOf(await duty.call('auth.touch', {}))).toBe('ok');
    expect(codeOf(await duty.call('auth.changePassword', { currentPassword: 'not-the-one-1', newPassword: 'my very own phrase' }))).toBe(
      'bad_request',
    );
    expect(codeOf(await duty.call('auth.changePassword', { currentPassword: 'given-by-admin-1', newPassword: 'given-by-admin-1' }))).toBe(
      'bad_request',
    );
    const changed = (await duty.call('auth.changePassword', {
      currentPassword: 'given-by-admin-1',
      newPassword: 'my very own phrase',
    })) as ApiResponse<SessionInfo>;
    expect(changed.ok && changed.value.mustChangePassword).toBe(false);
    expect(codeOf(await duty.call('dashboard.summary', {}))).toBe('ok');
    // The session that changed it goes on; any other (whoever else knew the old password) ends.
    expect(codeOf(await elsewhere.call('auth.touch', {}))).toBe('unauthenticated');
    expect((await c.ok('admin', 'users.list', {})).find((u) => u.name === 'duty2')).toMatchObject({ mustChangePassword: false });

    // A reset by an administrator: the same again.
    await c.ok('admin', 'users.update', { name: 'duty2', password: 'reset-by-admin-2' });
    const again = await asUser(c.services, 'duty2', 'reset-by-admin-2');
    expect(again.signedIn.ok && again.signedIn.value.mustChangePassword).toBe(true);
    expect(codeOf(await again.call('dashboard.summary', {}))).toBe('password_change_required');
    const actions = c.services.db.prepare("SELECT action FROM audit_log WHERE action = 'auth.password_changed'").pluck().all();
    expect(actions).toHaveLength(1);
  });

  test('hcc user add: accounts after the first choose their own password, unless their owner typed it', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const add = (name: string, role: string, extra: string[] = []) =>
      runCli(['user', 'add', '--db', db, '--name', name, '--role', role, ...extra, '--json'], { input: 'correct horse battery\n' });
    expect(JSON.parse((await add('chief', 'admin')).stdout)).toMatchObject({ mustChangePassword: false });
    expect(JSON.parse((await add('duty', 'officer')).stdout)).toMatchObject({ mustChangePassword: true });
    expect(JSON.parse((await add('self', 'officer', ['--own-password'])).stdout)).toMatchObject({ mustChangePassword: false });
    // The command line holds the database file itself: a credit account made there is flagged.
    expect((await add('judge', 'credit')).code).toBe(0);
    const check = openDatabase(db, { readonly: true });
    try {
      const flagged = check.prepare("SELECT target, details FROM audit_log WHERE action = 'role.credit_granted'").all() as {
        target: string;
        details: string;
      }[];
      expect(flagged).toHaveLength(1);
      expect(flagged[0]!.target).toBe('user:judge');
      expect(JSON.parse(flagged[0]!.details)).toMatchObject({ flagged: true, via: 'cli', approvedBy: null });
    } finally {
      check.close();
    }
  }, 60_000);
});

describe('the credit role needs a second administrator', () => {
  test('asked for by one administrator, the account stays a duty officer until another approves', async () => {
    const c = await testConsole(tempDir(), { users: [...USERS, { name: 'ofc', role: 'officer' }] });
    const created = await c.ok('admin', 'users.create', { name: 'judge', role: 'credit', county: null, password: 'given-by-admin-1' });
    expect(created).toMatchObject({ role: 'officer', pendingRole: { role: 'credit', requestedBy: 'admin' } });
    const self = await c.call('admin', 'users.decideRole', { name: 'judge', approve: true });
    expect(codeOf(self)).toBe('forbidden');
    if (!self.ok) expect(self.error.messageZh).toMatch(/另一位管理员/);
    const approved = await c.ok('admin2', 'users.decideRole', { name: 'judge', approve: true });
    expect(approved).toMatchObject({ role: 'credit', pendingRole: null });
    const grant = c.services.db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'role.credit_granted'").get() as {
      user_name: string;
      details: string;
    };
    expect(grant.user_name).toBe('admin2');
    expect(JSON.parse(grant.details)).toMatchObject({ requestedBy: 'admin', approvedBy: 'admin2' });

    // An existing officer changed to credit: asked, then withdrawn; the role never changed.
    const asked = await c.ok('admin2', 'users.update', { name: 'ofc', role: 'credit' });
    expect(asked).toMatchObject({ role: 'officer', pendingRole: { role: 'credit', requestedBy: 'admin2' } });
    expect(await c.ok('admin2', 'users.decideRole', { name: 'ofc', approve: false })).toMatchObject({ role: 'officer', pendingRole: null });
    expect(codeOf(await c.call('admin', 'users.decideRole', { name: 'ofc', approve: true }))).toBe('not_found');
  });
});

describe('the password policy', () => {
  const WEAK = [
    '          ',
    '1234567890',
    '123456789012',
    '            ',
    'aaaaaaaaaaaa',
    'password1234',
    'Password2020!',
    'qwertyuiop12'.slice(0, 10) + 'op',
    '987654321098',
  ];

  test('set-up, a new user, a reset and a change all refuse short and first-guessed passwords, in both languages', async () => {
    const c = await testConsole(tempDir());
    for (const password of WEAK) {
      const r = await c.call(null, 'auth.setup', { name: 'chief', password });
      expect(codeOf(r), JSON.stringify(password)).toBe('bad_request');
      if (!r.ok) expect(r.error.messageZh).toMatch(/密码/);
    }
    const short = await c.call(null, 'auth.setup', { name: 'chief', password: 'short-pass1' });
    expect(short.ok ? null : [short.error.message, short.error.messageZh]).toEqual([
      'a password has at least 12 characters',
      '密码至少12位',
    ]);
    const named = await c.call(null, 'auth.setup', { name: 'chief', password: 'the-chief-of-binzhou' });
    expect(named.ok ? null : named.error.messageZh).toBe('密码不能包含用户名');
    expect(codeOf(await c.call(null, 'auth.setup', { name: 'chief', password: 'correct horse battery' }))).toBe('ok');

    const admin = await asUser(c.services, 'chief', 'correct horse battery');
    expect(codeOf(await admin.call('users.create', { name: 'duty', role: 'officer', county: null, password: '1234567890' }))).toBe(
      'bad_request',
    );
    expect(codeOf(await admin.call('users.create', { name: 'duty', role: 'officer', county: null, password: 'given-by-admin-1' }))).toBe(
      'ok',
    );
    expect(codeOf(await admin.call('users.update', { name: 'duty', password: 'password1234' }))).toBe('bad_request');
    expect(codeOf(await admin.call('auth.changePassword', { currentPassword: 'correct horse battery', newPassword: 'aaaaaaaaaaaa' }))).toBe(
      'bad_request',
    );

    const cli = await runCli(['user', 'add', '--db', join(c.dir, 'console.db'), '--name', 'other', '--role', 'writer'], {
      input: '123456789012\n',
    });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/first ones guessed/);
  }, 60_000);
});
