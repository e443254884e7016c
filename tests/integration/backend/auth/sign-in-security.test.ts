/**
 * Sign-in under attack (issue 12): invented names must not lock out the people who know their
 * password, refusals while limited write one audit entry per window, unknown names cost a password
 * hash like wrong passwords, and what was typed as a name reaches the audit only if it is a user.
 */
import { describe, expect, test } from 'vitest';
import type { ApiResponse, SessionInfo } from '../../../../shared/contract/api.ts';
import type { CallContext, ConsoleServices } from '../../../../electron/backend/api/context.ts';
import { dispatch } from '../../../../electron/backend/api/dispatch.ts';
import { derivations } from '../../../../electron/backend/auth/passwords.ts';
import { PASSWORD, testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'admin', role: 'admin' },
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
];

/** A sign-in from a given client (every browser user of `hcc serve` arrives as 127.0.0.1). */
function signIn(services: ConsoleServices, name: string, password: string, client = '127.0.0.1'): Promise<ApiResponse<SessionInfo>> {
  const ctx: CallContext = { services, session: null, client, transport: 'http', setSession: () => undefined };
  return dispatch(ctx, 'auth.signIn', { name, password }) as Promise<ApiResponse<SessionInfo>>;
}

const codeOf = (r: ApiResponse<unknown>) => (r.ok ? 'ok' : r.error.code);

function auditRows(services: ConsoleServices, action: string): { user_name: string | null; details: string }[] {
  return services.db.prepare('SELECT user_name, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
    user_name: string | null;
    details: string;
  }[];
}

describe('limits that slow guessing without locking everyone out', () => {
  test('twenty failures with invented names from the shared address do not refuse another user’s right password', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    for (let i = 0; i < 25; i++) expect(codeOf(await signIn(c.services, `nobody${i}`, 'wrong-password-x'))).toBe('unauthenticated');
    expect(codeOf(await signIn(c.services, 'ofc', PASSWORD))).toBe('ok');
    expect(codeOf(await signIn(c.services, 'cre', PASSWORD))).toBe('ok');
  });

  test('guessing one account is limited for that account, not for the others on the same address', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    for (let i = 0; i < 5; i++) expect(codeOf(await signIn(c.services, 'ofc', 'wrong-password-x'))).toBe('unauthenticated');
    expect(codeOf(await signIn(c.services, 'ofc', PASSWORD))).toBe('rate_limited');
    expect(codeOf(await signIn(c.services, 'cre', PASSWORD))).toBe('ok');
    // From many addresses, twenty failures limit the account everywhere.
    for (let i = 0; i < 20; i++) await signIn(c.services, 'cre', 'wrong-password-x', `10.0.0.${i}`);
    expect(codeOf(await signIn(c.services, 'cre', PASSWORD, '10.0.1.1'))).toBe('rate_limited');
    expect(codeOf(await signIn(c.services, 'admin', PASSWORD, '10.0.1.1'))).toBe('ok');
  });

  test('300 refused sign-ins write one audit entry for the window, and 40 invented names one more', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    for (let i = 0; i < 5; i++) await signIn(c.services, 'ofc', 'wrong-password-x');
    for (let i = 0; i < 300; i++) expect(codeOf(await signIn(c.services, 'ofc', 'wrong-password-x'))).toBe('rate_limited');
    expect(auditRows(c.services, 'auth.sign_in_refused')).toHaveLength(1);
    expect(auditRows(c.services, 'auth.sign_in_failed')).toHaveLength(5);
    // Each invented name costs a real password hash (see the timing test), so fewer of them.
    for (let i = 0; i < 40; i++) await signIn(c.services, `guess${i}`, 'wrong-password-x');
    const failed = auditRows(c.services, 'auth.sign_in_failed');
    expect(failed).toHaveLength(6);
    expect(JSON.parse(failed[5]!.details)).toMatchObject({ knownUser: false });
  }, 60_000);
});

describe('timing and what the audit keeps of a failed sign-in', () => {
  test('an unknown or disabled name runs the password hash once, like a wrong password', async () => {
    const c = await testConsole(tempDir(), { users: [...USERS, { name: 'gone', role: 'officer' }] });
    await c.ok('admin', 'users.update', { name: 'gone', disabled: true });
    const cost = async (name: string) => {
      const before = derivations.count;
      expect(codeOf(await signIn(c.services, name, 'wrong-password-x', `client-${name}`))).toBe('unauthenticated');
      return derivations.count - before;
    };
    expect(await cost('ofc')).toBe(1);
    expect(await cost('no-such-user')).toBe(1);
    expect(await cost('gone')).toBe(1);
  });

  test('an ID or phone typed as the name never reaches the audit log; a real user name does', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    const id = '371602199001011234';
    const phone = '13812345678';
    for (const [i, typed] of [id, phone, 'MySecretPass99'].entries()) await signIn(c.services, typed, 'wrong-password-x', `client-${i}`);
    await signIn(c.services, 'ofc', 'wrong-password-x');
    const rows = auditRows(c.services, 'auth.sign_in_failed');
    const text = JSON.stringify(rows);
    for (const secret of [id, phone, 'MySecretPass99', 'wrong-password-x', '3716', '1381']) expect(text).not.toContain(secret);
    expect(rows.slice(0, 3).every((r) => r.user_name === null)).toBe(true);
    expect(rows[3]).toMatchObject({ user_name: 'ofc' });
    expect(JSON.parse(rows[3]!.details)).toMatchObject({ typedName: 'ofc', knownUser: true });
  });
});
