import { describe, expect, test } from 'vitest';
import type { UserRow } from '../../../../../shared/contract/api.ts';
import { pageInfo, lastPageOffset } from '../../../../../renderer/src/components/paging.ts';
import {
  isAbsolutePath,
  isIsoDay,
  isRegionCode,
  parseWholeNumber,
  userToEditForm,
  validateConsoleSettings,
  validateKeyArea,
  validateUserCreate,
  validateUserEdit,
} from '../../../../../renderer/src/features/settings/validation.ts';
import { thresholdsToForm, validateThresholds } from '../../../../../renderer/src/features/settings/thresholds-validation.ts';
import { DEFAULT_DETECTOR_SETTINGS } from '../../../../../shared/domain/detector-thresholds.ts';

describe('console settings form', () => {
  test('whole numbers within bounds', () => {
    expect(parseWholeNumber(' 30 ', 1, 1440)).toEqual({ value: 30 });
    expect(validateConsoleSettings({ idleTimeoutMinutes: '481', autoSyncMinutes: '0', syncSource: '' }).ok).toBe(false);
    expect(parseWholeNumber('0', 1, 1440)).toEqual({ problem: { key: 'settings.error.range', params: { min: 1, max: 1440 } } });
    expect(parseWholeNumber('2.5', 0, 10)).toHaveProperty('problem');
    expect(parseWholeNumber('-1', 0, 10)).toHaveProperty('problem');
    expect(parseWholeNumber('', 0, 10)).toEqual({ problem: { key: 'settings.error.required' } });
  });

  test('full paths on Windows, shares and POSIX', () => {
    for (const p of ['D:\\健康码交换', 'c:/exchange', '\\\\server\\share\\in', '/data/exchange']) expect(isAbsolutePath(p)).toBe(true);
    for (const p of ['exchange', '.\\in', 'D:exchange', '\\\\server']) expect(isAbsolutePath(p)).toBe(false);
  });

  test('valid settings are sent as numbers, an empty directory as null', () => {
    expect(validateConsoleSettings({ idleTimeoutMinutes: '30', autoSyncMinutes: '0', syncSource: ' ' })).toEqual({
      ok: true,
      value: { idleTimeoutMinutes: 30, autoSyncMinutes: 0, syncSource: null },
    });
    expect(validateConsoleSettings({ idleTimeoutMinutes: '15', autoSyncMinutes: '10', syncSource: ' D:\\in ' })).toEqual({
      ok: true,
      value: { idleTimeoutMinutes: 15, autoSyncMinutes: 10, syncSource: 'D:\\in' },
    });
  });

  test('errors per field', () => {
    const r = validateConsoleSettings({ idleTimeoutMinutes: '0', autoSyncMinutes: 'x', syncSource: 'relative\\dir' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.idleTimeoutMinutes?.key).toBe('settings.error.range');
      expect(r.errors.autoSyncMinutes?.key).toBe('settings.error.range');
      expect(r.errors.syncSource?.key).toBe('settings.error.pathAbsolute');
    }
  });

  test('the exchange database is a source too (its password is set on the Data screen)', () => {
    const r = validateConsoleSettings({ idleTimeoutMinutes: '30', autoSyncMinutes: '5', syncSource: 'postgres://hcc@db:5432/exchange' });
    expect(r).toEqual({ ok: true, value: { idleTimeoutMinutes: 30, autoSyncMinutes: 5, syncSource: 'postgres://hcc@db:5432/exchange' } });
  });

  test('automatic sync needs a directory', () => {
    const r = validateConsoleSettings({ idleTimeoutMinutes: '30', autoSyncMinutes: '5', syncSource: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual({ syncSource: { key: 'settings.error.pathNeeded' } });
  });
});

describe('key area form', () => {
  test('region codes of 2, 4 or 6 digits', () => {
    for (const c of ['42', '4201', '420102']) expect(isRegionCode(c)).toBe(true);
    for (const c of ['4', '420', '42010', '4201022', '42a1', '']) expect(isRegionCode(c)).toBe(false);
  });

  test('dates that exist, in YYYY-MM-DD', () => {
    expect(isIsoDay('2020-02-29')).toBe(true);
    expect(isIsoDay('2019-02-29')).toBe(false);
    expect(isIsoDay('2020/02/20')).toBe(false);
    expect(isIsoDay('2020-2-20')).toBe(false);
  });

  test('a key area with an open end', () => {
    expect(validateKeyArea({ regionCode: ' 4201 ', name: ' 武汉市 ', effectiveFrom: '2020-01-23', effectiveTo: '' })).toEqual({
      ok: true,
      value: { regionCode: '4201', name: '武汉市', effectiveFrom: '2020-01-23', effectiveTo: null },
    });
    expect(validateKeyArea({ regionCode: '42', name: '', effectiveFrom: '2020-01-23', effectiveTo: '2020-01-23' })).toEqual({
      ok: true,
      value: { regionCode: '42', name: null, effectiveFrom: '2020-01-23', effectiveTo: '2020-01-23' },
    });
  });

  test('problems per field', () => {
    const r = validateKeyArea({ regionCode: '420', name: '', effectiveFrom: '', effectiveTo: '2020-13-01' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual({
        regionCode: { key: 'settings.error.regionCode' },
        effectiveFrom: { key: 'settings.error.required' },
        effectiveTo: { key: 'settings.error.date' },
      });
    const order = validateKeyArea({ regionCode: '42', name: '', effectiveFrom: '2020-02-10', effectiveTo: '2020-02-09' });
    expect(order.ok).toBe(false);
    if (!order.ok) expect(order.errors).toEqual({ effectiveTo: { key: 'settings.error.dateOrder' } });
  });
});

describe('user forms', () => {
  test('a new user: role, optional county of Binzhou, initial password', () => {
    expect(validateUserCreate({ name: 'duty1', role: 'officer', county: '', password: 'given by admin' })).toEqual({
      ok: true,
      value: { name: 'duty1', role: 'officer', county: null, password: 'given by admin' },
    });
    expect(validateUserCreate({ name: 'duty2', role: 'credit', county: '371602', password: 'given by admin' })).toMatchObject({
      ok: true,
      value: { county: '371602' },
    });
    // The password policy: not a run, not the user's own name.
    const weak = validateUserCreate({ name: 'duty3', role: 'officer', county: '', password: 'abcdefghijkl' });
    expect(weak.ok ? null : weak.errors.password?.key).toBe('auth.error.passwordCommon');
    const named = validateUserCreate({ name: 'duty3', role: 'officer', county: '', password: 'duty3-binzhou-pass' });
    expect(named.ok ? null : named.errors.password?.key).toBe('auth.error.passwordHasName');
    const r = validateUserCreate({ name: '', role: 'root', county: '110101', password: 'short' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['county', 'name', 'password', 'role']);
  });

  const user: UserRow = {
    name: 'duty1',
    role: 'officer',
    county: null,
    disabled: false,
    lastSignInAt: null,
    mustChangePassword: false,
    pendingRole: null,
  };

  test('an edit sends only what changed', () => {
    expect(validateUserEdit(user, userToEditForm(user))).toEqual({ ok: true, value: null });
    expect(validateUserEdit(user, { ...userToEditForm(user), role: 'credit', county: '371681' })).toEqual({
      ok: true,
      value: { name: 'duty1', role: 'credit', county: '371681' },
    });
    expect(validateUserEdit(user, { ...userToEditForm(user), disabled: true })).toEqual({
      ok: true,
      value: { name: 'duty1', disabled: true },
    });
    expect(validateUserEdit({ ...user, county: '371602' }, { ...userToEditForm(user), county: '' })).toEqual({
      ok: true,
      value: { name: 'duty1', county: null },
    });
  });

  test('a password reset is optional but follows the password rule', () => {
    expect(validateUserEdit(user, { ...userToEditForm(user), password: 'new-password' })).toEqual({
      ok: true,
      value: { name: 'duty1', password: 'new-password' },
    });
    const r = validateUserEdit(user, { ...userToEditForm(user), password: 'short' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.password?.key).toBe('auth.error.passwordTooShort');
  });
});

describe('server-side paging', () => {
  test('rows shown, pages and the offsets of the neighbours', () => {
    expect(pageInfo(0, 50, 120, 50)).toEqual({ from: 1, to: 50, total: 120, page: 1, pages: 3, prevOffset: null, nextOffset: 50 });
    expect(pageInfo(100, 50, 120, 20)).toEqual({ from: 101, to: 120, total: 120, page: 3, pages: 3, prevOffset: 50, nextOffset: null });
    expect(pageInfo(0, 50, 0, 0)).toEqual({ from: 0, to: 0, total: 0, page: 1, pages: 1, prevOffset: null, nextOffset: null });
    expect(pageInfo(30, 50, 120, 50).prevOffset).toBe(0);
  });

  test('the last page', () => {
    expect(lastPageOffset(50, 120)).toBe(100);
    expect(lastPageOffset(50, 100)).toBe(50);
    expect(lastPageOffset(50, 0)).toBe(0);
  });
});

describe('detector thresholds form', () => {
  const ok = thresholdsToForm(DEFAULT_DETECTOR_SETTINGS);
  test('the defaults pass as they are; decimals where the threshold allows them', () => {
    expect(validateThresholds(ok)).toEqual({ ok: true, value: DEFAULT_DETECTOR_SETTINGS });
    expect(validateThresholds({ ...ok, codeValidityMinutes: '4.5' })).toMatchObject({ ok: true, value: { codeValidityMinutes: 4.5 } });
  });
  test('empty, out of range, not a number, or a fraction of a day is refused with the range', () => {
    const r = validateThresholds({ ...ok, maxSpeedKmh: '', lookbackDays: '1.5', feverDays: '31', minScanGapMinutes: '-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.maxSpeedKmh).toEqual({ key: 'settings.error.required' });
    expect(r.errors.lookbackDays).toEqual({ key: 'settings.error.range', params: { min: 1, max: 60 } });
    expect(r.errors.feverDays).toEqual({ key: 'settings.error.range', params: { min: 1, max: 30 } });
    expect(r.errors.minScanGapMinutes).toEqual({ key: 'settings.error.number', params: { min: 0, max: 120 } });
    expect(r.errors.codeValidityMinutes).toBeUndefined();
  });
});
