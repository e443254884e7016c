/** Checks of the sign-in and first-start forms, before anything is sent (the server checks again). */
import type { FormErrors, Problem, Validated } from '../../components/form-errors.ts';

export const PASSWORD_MIN_LENGTH = 10;
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

/** A new password (first start, new user, reset): at least ten characters. */
export function newPasswordProblem(password: string): Problem | null {
  if (password === '') return { key: 'auth.error.passwordRequired' };
  if (length(password) < PASSWORD_MIN_LENGTH) return { key: 'auth.error.passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } };
  return null;
}

export interface SetupForm {
  name: string;
  password: string;
  confirm: string;
}

export function validateSetup(form: SetupForm): Validated<{ name: string; password: string }, keyof SetupForm> {
  const errors: FormErrors<keyof SetupForm> = {};
  const name = userNameProblem(form.name);
  if (name) errors.name = name;
  const password = newPasswordProblem(form.password);
  if (password) errors.password = password;
  else if (form.confirm !== form.password) errors.confirm = { key: 'auth.error.passwordMismatch' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name: form.name.trim(), password: form.password } };
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
