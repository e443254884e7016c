/**
 * Errors of signing in, the session's checks and accounts cross as a category, a reason (code and
 * parameters) and the same sentences as before, made from the same words (issue 13 §4).
 */
import { describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../shared/contract/api.ts';
import { testConsole } from '../support/console.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const failure = (r: ApiResponse<unknown>) => (r.ok ? null : r.error);

describe('error reasons of the auth area', async () => {
  const c = await testConsole(tempDir(), { users: [{ name: 'ofc', role: 'officer' }, { name: 'admin', role: 'admin' }] });

  test('the session’s checks: no session, a role that may not', async () => {
    expect(failure(await c.call(null, 'dashboard.summary', {}))).toEqual({
      code: 'unauthenticated',
      message: 'sign in first (the session may have timed out)',
      messageZh: '请先登录（会话可能已超时）',
      reason: { code: 'auth.signInFirst' },
    });
    expect(failure(await c.call('ofc', 'users.list', {}))).toEqual({
      code: 'forbidden',
      message: 'your role may not do this (users.list)',
      messageZh: '您的角色无权执行此操作（users.list）',
      reason: { code: 'auth.roleMayNot', params: { method: 'users.list' } },
    });
  });

  test('sign-in, set-up and one’s own password', async () => {
    expect(failure(await c.call(null, 'auth.signIn', { name: 'ofc', password: 'not-the-password' }))?.reason).toEqual({ code: 'auth.wrongCredentials' });
    expect(failure(await c.call(null, 'auth.setup', { name: 'second', password: 'a-long-password-9' }))?.reason).toEqual({ code: 'auth.alreadySetUp' });
    const short = failure(await c.call('ofc', 'auth.changePassword', { currentPassword: 'test-password-1', newPassword: 'short' }));
    expect(short).toEqual({ code: 'bad_request', message: 'a password has at least 12 characters', messageZh: '密码至少12位', reason: { code: 'password.tooShort', params: { min: 12 } } });
    expect(failure(await c.call('ofc', 'auth.changePassword', { currentPassword: 'wrong-one-here', newPassword: 'a-long-password-9' }))?.reason).toEqual({ code: 'auth.currentPasswordWrong' });
  });

  test('accounts', async () => {
    const exists = failure(await c.call('admin', 'users.create', { name: 'ofc', role: 'officer', county: null, password: 'a-long-password-9' }));
    expect(exists).toEqual({ code: 'conflict', message: 'a user named ofc exists', messageZh: '用户 ofc 已存在', reason: { code: 'users.exists', params: { name: 'ofc' } } });
    expect(failure(await c.call('admin', 'users.update', { name: 'nobody', disabled: true }))?.reason).toEqual({ code: 'users.notFound', params: { name: 'nobody' } });
  });
});
