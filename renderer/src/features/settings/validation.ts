/** Checks of the settings forms (users, console settings, key areas), before anything is sent. */
import type { ConsoleSettings, KeyAreaRow, UserRow } from '../../../../shared/contract/api.ts';
import { isCountyCode } from '../../../../shared/domain/counties.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { type Role, isRole } from '../../../../shared/domain/roles.ts';
import type { FormErrors, Problem, Validated } from '../../components/form-errors.ts';
import { newPasswordProblem, userNameProblem } from '../auth/validation.ts';

/** The server accepts 1 to 480 minutes (8 hours, a duty shift). */
export const IDLE_MINUTES = { min: 1, max: 480 } as const;
export const AUTO_SYNC_MINUTES = { min: 0, max: 1440 } as const;

/** A whole number typed into a field, within bounds. */
export function parseWholeNumber(text: string, min: number, max: number): { value: number } | { problem: Problem } {
  const t = text.trim();
  if (t === '') return { problem: { key: 'settings.error.required' } };
  if (!/^\d+$/.test(t)) return { problem: { key: 'settings.error.range', params: { min, max } } };
  const value = Number(t);
  if (value < min || value > max) return { problem: { key: 'settings.error.range', params: { min, max } } };
  return { value };
}

/** A full path: `/data/exchange`, `D:\交换`, `D:/交换`, or a share `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path);
}

export interface ConsoleSettingsForm {
  idleTimeoutMinutes: string;
  autoSyncMinutes: string;
  syncSource: string;
}

export function settingsToForm(s: ConsoleSettings): ConsoleSettingsForm {
  return { idleTimeoutMinutes: String(s.idleTimeoutMinutes), autoSyncMinutes: String(s.autoSyncMinutes), syncSource: s.syncSource ?? '' };
}

export function validateConsoleSettings(
  form: ConsoleSettingsForm,
): Validated<Omit<ConsoleSettings, 'exchangePasswordStored' | 'mapBands'>, keyof ConsoleSettingsForm> {
  const errors: FormErrors<keyof ConsoleSettingsForm> = {};
  const idle = parseWholeNumber(form.idleTimeoutMinutes, IDLE_MINUTES.min, IDLE_MINUTES.max);
  if ('problem' in idle) errors.idleTimeoutMinutes = idle.problem;
  const sync = parseWholeNumber(form.autoSyncMinutes, AUTO_SYNC_MINUTES.min, AUTO_SYNC_MINUTES.max);
  if ('problem' in sync) errors.autoSyncMinutes = sync.problem;
  const source = form.syncSource.trim();
  // A folder, or the exchange database's address (its password is set on the Data screen).
  if (source !== '' && !isAbsolutePath(source) && !/^postgres(ql)?:\/\//i.test(source))
    errors.syncSource = { key: 'settings.error.pathAbsolute' };
  // Automatic sync needs somewhere to sync from.
  else if (source === '' && 'value' in sync && sync.value > 0) errors.syncSource = { key: 'settings.error.pathNeeded' };
  if ('problem' in idle || 'problem' in sync || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { idleTimeoutMinutes: idle.value, autoSyncMinutes: sync.value, syncSource: source === '' ? null : source } };
}

/** A `YYYY-MM-DD` date that exists. */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDay(text) !== null;
}

/** Administrative division codes: province (2 digits), city (4) or county (6). */
export function isRegionCode(code: string): boolean {
  return /^\d{2}(\d{2}(\d{2})?)?$/.test(code);
}

export interface KeyAreaForm {
  regionCode: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string;
}

export const KEY_AREA_NAME_MAX = 100;

export const EMPTY_KEY_AREA: KeyAreaForm = { regionCode: '', name: '', effectiveFrom: '', effectiveTo: '' };

export function keyAreaToForm(row: KeyAreaRow): KeyAreaForm {
  return { regionCode: row.regionCode, name: row.name ?? '', effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo ?? '' };
}

export function validateKeyArea(form: KeyAreaForm): Validated<KeyAreaRow, keyof KeyAreaForm> {
  const errors: FormErrors<keyof KeyAreaForm> = {};
  const regionCode = form.regionCode.trim();
  if (regionCode === '') errors.regionCode = { key: 'settings.error.required' };
  else if (!isRegionCode(regionCode)) errors.regionCode = { key: 'settings.error.regionCode' };
  const from = form.effectiveFrom.trim();
  const to = form.effectiveTo.trim();
  if (from === '') errors.effectiveFrom = { key: 'settings.error.required' };
  else if (!isIsoDay(from)) errors.effectiveFrom = { key: 'settings.error.date' };
  if (to !== '' && !isIsoDay(to)) errors.effectiveTo = { key: 'settings.error.date' };
  // ISO dates compare as strings.
  else if (to !== '' && isIsoDay(from) && to < from) errors.effectiveTo = { key: 'settings.error.dateOrder' };
  if (form.name.trim().length > KEY_AREA_NAME_MAX) errors.name = { key: 'settings.error.tooLong', params: { max: KEY_AREA_NAME_MAX } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { regionCode, name: form.name.trim() === '' ? null : form.name.trim(), effectiveFrom: from, effectiveTo: to === '' ? null : to },
  };
}

export interface UserCreateForm {
  name: string;
  role: string;
  /** '' for the whole city. */
  county: string;
  password: string;
}

export interface UserCreateParams {
  name: string;
  role: Role;
  county: string | null;
  password: string;
}

export function validateUserCreate(form: UserCreateForm): Validated<UserCreateParams, keyof UserCreateForm> {
  const errors: FormErrors<keyof UserCreateForm> = {};
  const name = userNameProblem(form.name);
  if (name) errors.name = name;
  if (!isRole(form.role)) errors.role = { key: 'settings.error.role' };
  if (form.county !== '' && !isCountyCode(form.county)) errors.county = { key: 'settings.error.county' };
  const password = newPasswordProblem(form.password, form.name.trim());
  if (password) errors.password = password;
  if (Object.keys(errors).length > 0 || !isRole(form.role)) return { ok: false, errors };
  return {
    ok: true,
    value: { name: form.name.trim(), role: form.role, county: form.county === '' ? null : form.county, password: form.password },
  };
}

export interface UserEditForm {
  role: string;
  county: string;
  disabled: boolean;
  /** '' keeps the password. */
  password: string;
}

export function userToEditForm(user: UserRow): UserEditForm {
  return { role: user.role, county: user.county ?? '', disabled: user.disabled, password: '' };
}

export interface UserUpdateParams {
  name: string;
  role?: Role;
  county?: string | null;
  disabled?: boolean;
  password?: string;
}

/** Only what changed is sent (null `params`: nothing changed). */
export function validateUserEdit(user: UserRow, form: UserEditForm): Validated<UserUpdateParams | null, keyof UserEditForm> {
  const errors: FormErrors<keyof UserEditForm> = {};
  if (!isRole(form.role)) errors.role = { key: 'settings.error.role' };
  if (form.county !== '' && !isCountyCode(form.county)) errors.county = { key: 'settings.error.county' };
  if (form.password !== '') {
    const password = newPasswordProblem(form.password, user.name);
    if (password) errors.password = password;
  }
  if (Object.keys(errors).length > 0 || !isRole(form.role)) return { ok: false, errors };
  const params: UserUpdateParams = { name: user.name };
  if (form.role !== user.role) params.role = form.role;
  const county = form.county === '' ? null : form.county;
  if (county !== user.county) params.county = county;
  if (form.disabled !== user.disabled) params.disabled = form.disabled;
  if (form.password !== '') params.password = form.password;
  return { ok: true, value: Object.keys(params).length > 1 ? params : null };
}
