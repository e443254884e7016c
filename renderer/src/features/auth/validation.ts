/** Checks of the sign-in and first-start forms, before anything is sent (the server checks again). */
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../shared/domain/password-policy.ts';
import type { FormErrors, Problem, Validated } from '../../components/form-errors.ts';

export const PASSWORD_MIN_LENGTH = MIN_PASSWORD_LENGTH;
export const USER_NAME_MAX_LENGTH = 32;

/** Characters, not UTF-16 units: a password of ten Chinese characters is ten characters long. */
function length(text: string): number {
  return [...text].length;
}

export function userNameProblem(name: string): Problem | null {
  const trimmed = name.trim();
  if (trimmed === '') return { key: 'auth.error.nameRequired' };
  if (/\s/.test(trimmed)) return { key: 'auth.error.nameSpaces' };
  if (length(trimmed) > USER_NAME_MAX_LENGTH) return { key: 'auth.error.nameTooLong', params: { max: USER_NAME_MAX_LENGTH } };
  return null;
}

/** A new password (first start, new user, reset, one's own): the shared policy (length, deny-list, not the name). */
export function newPasswordProblem(password: string, userName?: string): Problem | null {
  if (password === '') return { key: 'auth.error.passwordRequired' };
  switch (passwordProblem(password, userName)) {
    case 'too_short':
      return { key: 'auth.error.passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } };
    case 'common':
      return { key: 'auth.error.passwordCommon' };
    case 'contains_name':
      return { key: 'auth.error.passwordHasName' };
    case null:
      return null;
  }
}

export interface SetupForm {
  name: string;
  password: string;
  confirm: string;
  /** Only when the database holds data (AuthStatus.setupCodeRequired): the code `hcc serve` printed. */
  setupCode: string;
}

export function validateSetup(
  form: SetupForm,
  codeRequired = false,
): Validated<{ name: string; password: string; setupCode?: string }, keyof SetupForm> {
  const errors: FormErrors<keyof SetupForm> = {};
  const name = userNameProblem(form.name);
  if (name) errors.name = name;
  const password = newPasswordProblem(form.password, form.name.trim());
  if (password) errors.password = password;
  else if (form.confirm !== form.password) errors.confirm = { key: 'auth.error.passwordMismatch' };
  const code = form.setupCode.trim();
  if (codeRequired && code === '') errors.setupCode = { key: 'auth.error.setupCodeRequired' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name: form.name.trim(), password: form.password, ...(codeRequired ? { setupCode: code } : {}) } };
}

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function validateChangePassword(
  form: ChangePasswordForm,
  userName: string,
): Validated<{ currentPassword: string; newPassword: string }, keyof ChangePasswordForm> {
  const errors: FormErrors<keyof ChangePasswordForm> = {};
  if (form.currentPassword === '') errors.currentPassword = { key: 'auth.error.passwordRequired' };
  const problem = newPasswordProblem(form.newPassword, userName);
  if (problem) errors.newPassword = problem;
  else if (form.newPassword === form.currentPassword) errors.newPassword = { key: 'auth.error.passwordUnchanged' };
  else if (form.confirm !== form.newPassword) errors.confirm = { key: 'auth.error.passwordMismatch' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { currentPassword: form.currentPassword, newPassword: form.newPassword } };
}

export interface SignInForm {
  name: string;
  password: string;
}

/** Sign-in only checks that both fields are filled: the rules of a new password do not apply. */
export function validateSignIn(form: SignInForm): Validated<SignInForm, keyof SignInForm> {
  const errors: FormErrors<keyof SignInForm> = {};
  if (form.name.trim() === '') errors.name = { key: 'auth.error.nameRequired' };
  if (form.password === '') errors.password = { key: 'auth.error.passwordRequired' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name: form.name.trim(), password: form.password } };
}
