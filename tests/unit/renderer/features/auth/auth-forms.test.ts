import { describe, expect, test } from 'vitest';
import type { JobState } from '../../../../../shared/contract/api.ts';
import { demoProgress, mergeJob } from '../../../../../renderer/src/features/auth/demo-progress.ts';
import {
  newPasswordProblem,
  userNameProblem,
  validateChangePassword,
  validateSetup,
  validateSignIn,
} from '../../../../../renderer/src/features/auth/validation.ts';

describe('first-start form', () => {
  test('accepts a name and a password of twelve characters typed twice', () => {
    expect(validateSetup({ name: ' 管理员 ', password: 'Binzhou-2020', confirm: 'Binzhou-2020', setupCode: '' })).toEqual({
      ok: true,
      value: { name: '管理员', password: 'Binzhou-2020' },
    });
  });

  test('on a database with data the set-up code is asked for and sent', () => {
    const without = validateSetup({ name: 'chief', password: 'Binzhou-2020', confirm: 'Binzhou-2020', setupCode: ' ' }, true);
    expect(without.ok ? null : without.errors).toEqual({ setupCode: { key: 'auth.error.setupCodeRequired' } });
    expect(
      validateSetup({ name: 'chief', password: 'Binzhou-2020', confirm: 'Binzhou-2020', setupCode: ' ABCD-EFGH ' }, true),
    ).toMatchObject({ ok: true, value: { setupCode: 'ABCD-EFGH' } });
  });

  test('a password needs twelve characters, counted as characters not UTF-16 units, and is not a first guess', () => {
    expect(newPasswordProblem('Binzhou-202')?.key).toBe('auth.error.passwordTooShort');
    expect(newPasswordProblem('Binzhou-202')?.params).toEqual({ min: 12 });
    expect(newPasswordProblem('滨州健康码指挥中心值班员')).toBeNull();
    expect(newPasswordProblem('😀😀😀😀😀😀')?.key).toBe('auth.error.passwordTooShort');
    expect(newPasswordProblem('')?.key).toBe('auth.error.passwordRequired');
    expect(newPasswordProblem('            ')?.key).toBe('auth.error.passwordCommon');
    expect(newPasswordProblem('123456789012')?.key).toBe('auth.error.passwordCommon');
    expect(newPasswordProblem('chief-of-binzhou', 'chief')?.key).toBe('auth.error.passwordHasName');
  });

  test('one’s own new password: the current one, a new one that differs and follows the policy, twice', () => {
    expect(
      validateChangePassword({ currentPassword: 'given by admin', newPassword: 'my own phrase', confirm: 'my own phrase' }, 'duty'),
    ).toEqual({ ok: true, value: { currentPassword: 'given by admin', newPassword: 'my own phrase' } });
    const same = validateChangePassword(
      { currentPassword: 'given by admin', newPassword: 'given by admin', confirm: 'given by admin' },
      'duty',
    );
    expect(same.ok ? null : same.errors).toEqual({ newPassword: { key: 'auth.error.passwordUnchanged' } });
    const empty = validateChangePassword({ currentPassword: '', newPassword: 'duty-is-my-name', confirm: '' }, 'duty');
    expect(empty.ok ? null : Object.keys(empty.errors).sort()).toEqual(['currentPassword', 'newPassword']);
  });

  test('the two passwords must match', () => {
    const r = validateSetup({ name: 'admin', password: 'Binzhou-2020', confirm: 'Binzhou-2021', setupCode: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual({ confirm: { key: 'auth.error.passwordMismatch' } });
  });

  test('a short password is reported on the password, not as a mismatch', () => {
    const r = validateSetup({ name: '', password: 'short', confirm: '', setupCode: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.name?.key).toBe('auth.error.nameRequired');
      expect(r.errors.password?.key).toBe('auth.error.passwordTooShort');
      expect(r.errors.confirm).toBeUndefined();
    }
  });

  test('user names: required, no spaces, at most 32 characters', () => {
    expect(userNameProblem('   ')?.key).toBe('auth.error.nameRequired');
    expect(userNameProblem('zhang san')?.key).toBe('auth.error.nameSpaces');
    expect(userNameProblem('a'.repeat(33))?.key).toBe('auth.error.nameTooLong');
    expect(userNameProblem('a'.repeat(32))).toBeNull();
    expect(userNameProblem('值班员01')).toBeNull();
  });
});

describe('sign-in form', () => {
  test('only requires both fields (old passwords may be shorter)', () => {
    expect(validateSignIn({ name: ' duty ', password: 'x' })).toEqual({ ok: true, value: { name: 'duty', password: 'x' } });
    const r = validateSignIn({ name: '', password: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['name', 'password']);
  });
});

function job(patch: Partial<JobState>): JobState {
  return {
    id: 7,
    kind: 'sync',
    status: 'running',
    source: null,
    startedAt: 0,
    finishedAt: null,
    feeds: {},
    current: null,
    colours: null,
    rowsPerSecond: 0,
    etaSeconds: null,
    message: null,
    error: null,
    ...patch,
  };
}

const feed = (rowsDone: number, rowsTotal: number | null, filesDone = 0, files = 1) => ({
  files,
  filesDone,
  rowsDone,
  rowsTotal,
  accepted: rowsDone,
  duplicates: 0,
  rejected: 0,
});

describe('demo city progress', () => {
  test('indeterminate before anything is known', () => {
    expect(demoProgress(job({}))).toEqual({ fraction: null, label: { key: 'auth.demo.starting' } });
  });

  test('rows over the estimated total of all feeds', () => {
    const p = demoProgress(job({ feeds: { residents: feed(500, 1000), checkins: feed(0, 3000) } }));
    expect(p.fraction).toBeCloseTo(0.125);
    expect(p.label).toEqual({ key: 'auth.demo.rows', params: { done: 500, total: 4000 } });
  });

  test('an estimate below the rows done never shows more than 100%', () => {
    expect(demoProgress(job({ feeds: { residents: feed(1200, 1000) } })).fraction).toBe(1);
  });

  test('files when no row total is known', () => {
    const p = demoProgress(job({ feeds: { residents: feed(10, null, 1, 4) } }));
    expect(p.fraction).toBe(0.25);
    expect(p.label.key).toBe('auth.demo.rowsNoTotal');
  });

  test('the colour evaluation once it runs', () => {
    const p = demoProgress(job({ feeds: { residents: feed(1000, 1000, 1, 1) }, colours: { done: 50, total: 200 } }));
    expect(p.fraction).toBe(0.25);
    expect(p.label).toEqual({ key: 'auth.demo.colours', params: { done: 50, total: 200 } });
  });

  test('reports of other jobs and late running reports do not overwrite the end', () => {
    const done = job({ status: 'done' });
    expect(mergeJob(done, job({ status: 'running' }))).toBe(done);
    expect(mergeJob(job({}), job({ id: 8, status: 'failed' }))?.status).toBe('running');
    expect(mergeJob(job({}), done)).toBe(done);
    expect(mergeJob(null, done)).toBe(done);
  });
});
