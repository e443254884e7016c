import { describe, expect, test } from 'vitest';
import type { JobState } from '../../../shared/contract/api.ts';
import { demoProgress, mergeJob } from '../../../renderer/src/features/auth/demo-progress.ts';
import { newPasswordProblem, userNameProblem, validateSetup, validateSignIn } from '../../../renderer/src/features/auth/validation.ts';

describe('first-start form', () => {
  test('accepts a name and a password of ten characters typed twice', () => {
    expect(validateSetup({ name: ' 管理员 ', password: '0123456789', confirm: '0123456789' })).toEqual({ ok: true, value: { name: '管理员', password: '0123456789' } });
  });

  test('a password needs ten characters, counted as characters not UTF-16 units', () => {
    expect(newPasswordProblem('012345678')?.key).toBe('auth.error.passwordTooShort');
    expect(newPasswordProblem('012345678')?.params).toEqual({ min: 10 });
    expect(newPasswordProblem('滨州健康码指挥中心值班')).toBeNull();
    expect(newPasswordProblem('😀😀😀😀😀')?.key).toBe('auth.error.passwordTooShort');
    expect(newPasswordProblem('')?.key).toBe('auth.error.passwordRequired');
  });

  test('the two passwords must match', () => {
    const r = validateSetup({ name: 'admin', password: '0123456789', confirm: '0123456788' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual({ confirm: { key: 'auth.error.passwordMismatch' } });
  });

  test('a short password is reported on the password, not as a mismatch', () => {
    const r = validateSetup({ name: '', password: 'short', confirm: '' });
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
  return { id: 7, kind: 'sync', status: 'running', source: null, startedAt: 0, finishedAt: null, feeds: {}, current: null, colours: null, rowsPerSecond: 0, etaSeconds: null, message: null, error: null, ...patch };
}

const feed = (rowsDone: number, rowsTotal: number | null, filesDone = 0, files = 1) => ({ files, filesDone, rowsDone, rowsTotal, accepted: rowsDone, duplicates: 0, rejected: 0 });

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
