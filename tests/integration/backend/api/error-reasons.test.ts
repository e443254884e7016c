/**
 * Errors of signing in, the session's checks and accounts cross as a category, a reason (code and
 * parameters) and the same sentences as before, made from the same words (issue 13 §4).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ApiError, ApiResponse } from '../../../../shared/contract/api.ts';
import { errorReasonText } from '../../../../shared/words/error-words.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const failure = (r: ApiResponse<unknown>) => (r.ok ? null : r.error);

/** The sentences of an error are its reason rendered in each language: the page and the CLI read the same. */
function expectRendered(error: ApiError | null): void {
  expect(error?.reason, error?.message).toBeDefined();
  expect(errorReasonText(error!.reason!, 'en')).toBe(error!.message);
  expect(errorReasonText(error!.reason!, 'zh')).toBe(error!.messageZh);
}

describe('error reasons of the auth area', async () => {
  const c = await testConsole(tempDir(), {
    users: [
      { name: 'ofc', role: 'officer' },
      { name: 'admin', role: 'admin' },
    ],
  });

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
    expect(failure(await c.call(null, 'auth.signIn', { name: 'ofc', password: 'not-the-password' }))?.reason).toEqual({
      code: 'auth.wrongCredentials',
    });
    expect(failure(await c.call(null, 'auth.setup', { name: 'second', password: 'a-long-password-9' }))?.reason).toEqual({
      code: 'auth.alreadySetUp',
    });
    const short = failure(await c.call('ofc', 'auth.changePassword', { currentPassword: 'test-password-1', newPassword: 'short' }));
    expect(short).toEqual({
      code: 'bad_request',
      message: 'a password has at least 12 characters',
      messageZh: '密码至少12位',
      reason: { code: 'password.tooShort', params: { min: 12 } },
    });
    expect(
      failure(await c.call('ofc', 'auth.changePassword', { currentPassword: 'wrong-one-here', newPassword: 'a-long-password-9' }))?.reason,
    ).toEqual({ code: 'auth.currentPasswordWrong' });
  });

  test('accounts', async () => {
    const exists = failure(
      await c.call('admin', 'users.create', { name: 'ofc', role: 'officer', county: null, password: 'a-long-password-9' }),
    );
    expect(exists).toEqual({
      code: 'conflict',
      message: 'a user named ofc exists',
      messageZh: '用户 ofc 已存在',
      reason: { code: 'users.exists', params: { name: 'ofc' } },
    });
    expect(failure(await c.call('admin', 'users.update', { name: 'nobody', disabled: true }))?.reason).toEqual({
      code: 'users.notFound',
      params: { name: 'nobody' },
    });
  });
});

describe('error reasons of people and cases', async () => {
  const c = await testConsole(tempDir(), { demo: { people: 1500, days: 5 }, users: [{ name: 'ofc', role: 'officer', county: null }] });
  const db = c.services.db;

  test('every failure of a walk over people and cases carries a reason whose words are its sentences', async () => {
    const noPhone = db.prepare('SELECT person_id FROM residents WHERE phone IS NULL LIMIT 1').pluck().get() as string | undefined;
    const someone = db.prepare('SELECT person_id FROM residents WHERE phone IS NOT NULL LIMIT 1').pluck().get() as string;
    const failures = [
      failure(await c.call('ofc', 'people.get', { ref: 'p-not-a-reference-of-this-session' })),
      failure(await c.call('ofc', 'cases.get', { id: 987654 })),
      ...(noPhone ? [failure(await c.call('ofc', 'people.unmask', { ref: await c.ref('ofc', noPhone), field: 'phone' }))] : []),
    ];
    expect(failures.map((f) => f?.reason?.code)).toEqual([
      'people.noSuchPerson',
      'cases.noSuchCase',
      ...(noPhone ? ['people.noPhone'] : []),
    ]);
    expect(failures[1]).toEqual({
      code: 'not_found',
      message: 'no case 987654',
      messageZh: '没有编号为 987654 的案件',
      reason: { code: 'cases.noSuchCase', params: { id: 987654 } },
    });
    for (const f of failures) expectRendered(f);

    // The unmasking allowance: past the limit, a rate_limited failure says when to retry.
    const ref = await c.ref('ofc', someone);
    let last: ApiError | null = null;
    for (let i = 0; i < 40 && !last; i++) last = failure(await c.call('ofc', 'people.unmask', { ref, field: 'id' }));
    expect(last?.code).toBe('rate_limited');
    expect(last?.reason?.code).toBe('people.unmaskLimit');
    expect(last?.reason?.params).toMatchObject({ limit: 30, minutes: expect.any(Number), retry: expect.any(Number) });
    expectRendered(last);
  });
});

describe('error reasons of the other areas', async () => {
  const c = await testConsole(tempDir(), {
    users: [
      { name: 'ofc', role: 'officer' },
      { name: 'adm', role: 'admin' },
      { name: 'wri', role: 'writer' },
      { name: 'cty-adm', role: 'admin', county: '371602' },
    ],
  });

  test('cases, credit, briefing, data, settings, uploads and the audit screen fail with a reason whose words are its sentences', async () => {
    const walk: [string, ApiError | null][] = [
      ['credit.toBeforeFrom', failure(await c.call('ofc', 'credit.list', { from: '2020-02-10', to: '2020-02-01' }))],
      ['briefing.trendAfterDay', failure(await c.call('wri', 'briefing.preview', { day: '2020-02-10', trendFrom: '2020-02-11' }))],
      ['data.noExchangeDirectory', failure(await c.call('ofc', 'sync.start', {}))],
      [
        'keyAreas.toBeforeFrom',
        failure(
          await c.call('adm', 'keyAreas.save', {
            regionCode: '42',
            effectiveFrom: '2020-02-10',
            effectiveTo: '2020-02-01',
            reason: '测试',
          }),
        ),
      ],
      ['users.noRoleRequest', failure(await c.call('adm', 'users.decideRole', { name: 'ofc', approve: false }))],
      ['uploads.notCsvOrXlsx', failure(await c.call('ofc', 'upload.begin', { name: 'people.txt', size: 10 }))],
      ['uploads.notFound', failure(await c.call('ofc', 'upload.chunk', { uploadId: 'nope', offset: 0, base64: 'AA==' }))],
      ['auth.cityWideOnly', failure(await c.call('cty-adm', 'audit.list', {}))],
      ['audit.toBeforeFrom', failure(await c.call('adm', 'audit.list', { from: '2020-02-10 12:00', to: '2020-02-10 11:59' }))],
      ['audit.noSuchPerson', failure(await c.call('adm', 'audit.export', { personRef: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }))],
    ];
    expect(walk.map(([, f]) => f?.reason?.code ?? f?.message)).toEqual(walk.map(([code]) => code));
    for (const [, f] of walk) expectRendered(f);
  });

  test('only these failures still send sentences of their own tables, and no new one is added', () => {
    const root = fileURLToPath(new URL('../../../../electron/backend/', import.meta.url));
    const sentences: string[] = [];
    for (const file of readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('failures/api-failure.ts')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      const calls = text.match(/ApiFailure\.(?:of|badRequest|notFound|conflict|forbidden)\(|new ApiFailure\(/g) ?? [];
      for (let i = 0; i < calls.length; i++) sentences.push(file);
    }
    // valibot's messages, the move table, the directory checks, the detector ranges (error-words.ts says why).
    expect(sentences.sort()).toEqual(
      [
        'api/handlers/admin.ts',
        'api/handlers/data.ts',
        'api/params.ts',
        'enforcement/cases.ts',
        'enforcement/detectors/detector-settings.ts',
      ].sort(),
    );
  });
});
