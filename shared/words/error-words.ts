/**
 * Errors as words: a failure crosses the API as a category (`ApiError.code`, which the page acts on)
 * plus a reason (`ApiError.reason`: a code of this table and its parameters), and each edge renders
 * the reason in its user's language. The backend fills `message` / `messageZh` from the same table,
 * so the CLI, the logs and an older page read the very same sentences.
 *
 * Converted so far: signing in, first set-up, the session's checks and accounts (auth). Other areas
 * still send sentences only (no reason); the page shows those as they come.
 */
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from '../domain/password-policy.ts';
import { type Bilingual, type Language, type WordParams, fillWords } from './translate.ts';

export const ERROR_WORDS = {
  'auth.alreadySetUp': { en: 'the console is already set up; sign in instead', zh: '系统已完成初始设置，请直接登录' },
  'auth.setupCodeVoid': {
    en: 'too many wrong set-up codes: the code is void; restart hcc serve for a new one, or create the administrator with hcc user add',
    zh: '设置码错误次数过多，已作废：请重新启动 hcc serve 获取新的设置码，或用 hcc user add 创建管理员',
  },
  'auth.setupCodeNeeded': {
    en: 'the database already holds data: enter the one-time set-up code that hcc serve printed in its terminal, or create the administrator with hcc user add',
    zh: '数据库中已有数据：请输入 hcc serve 在其终端显示的一次性设置码，或用 hcc user add 创建管理员',
  },
  'auth.tooManyFailures': { en: 'too many failed sign-ins; try again in {minutes} minute(s)', zh: '登录失败次数过多，请{minutes}分钟后再试' },
  'auth.wrongCredentials': { en: 'wrong user name or password (or the account is disabled)', zh: '用户名或密码错误（或账号已停用）' },
  'auth.signInFirst': { en: 'sign in first (the session may have timed out)', zh: '请先登录（会话可能已超时）' },
  'auth.roleMayNot': { en: 'your role may not do this ({method})', zh: '您的角色无权执行此操作（{method}）' },
  'auth.passwordChangeRequired': { en: 'choose your own password first (an administrator set the current one)', zh: '请先设置您自己的密码（当前密码由管理员设置）' },
  'auth.currentPasswordWrong': { en: 'the current password is wrong', zh: '当前密码不正确' },
  'auth.samePassword': { en: 'choose a new password, not the current one', zh: '请设置新密码，不能与当前密码相同' },
  'password.tooShort': { en: 'a password has at least {min} characters', zh: '密码至少{min}位' },
  'password.common': {
    en: 'this password is among the first ones guessed (spaces, a repeated character, 1234567890…, qwerty…, password…); choose a longer phrase of your own',
    zh: '该密码属于最常被猜测的密码（空格、重复字符、1234567890…、qwerty…、password…），请另选一个自己的较长短语',
  },
  'password.containsName': { en: 'a password must not contain the user name', zh: '密码不能包含用户名' },
  'users.badName': { en: 'a user name has 2 to 32 letters, digits, dots, dashes or underscores', zh: '用户名为2至32个字母、数字、点、横线或下划线' },
  'users.unknownRole': { en: 'unknown role {role}', zh: '未知角色 {role}' },
  'users.unknownCounty': { en: 'unknown county {county}', zh: '未知县区 {county}' },
  'users.exists': { en: 'a user named {name} exists', zh: '用户 {name} 已存在' },
  'users.notFound': { en: 'no user named {name}', zh: '没有用户 {name}' },
  'users.lastAdmin': { en: 'this is the last administrator; make another one first', zh: '这是最后一个管理员，请先设置另一个管理员' },
  /** The page's own: the console did not answer (or answered with something that is no API answer). */
  network: { en: 'Cannot reach the command-center service; check that it is running and retry', zh: '无法连接到指挥中心服务，请检查服务是否在运行后重试' },
} as const satisfies Record<string, Bilingual>;

export type ErrorReasonCode = keyof typeof ERROR_WORDS;

/** Why a call failed, as data: rendered at the edge in the user's language. */
export interface ErrorReason {
  code: ErrorReasonCode;
  params?: WordParams;
}

export function isErrorReasonCode(code: unknown): code is ErrorReasonCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_WORDS, code);
}

/** The reason in one language; null for a code this version does not know (an older page, a newer console). */
export function errorReasonText(reason: { code: string; params?: WordParams }, lang: Language): string | null {
  return isErrorReasonCode(reason.code) ? fillWords(ERROR_WORDS[reason.code][lang], reason.params) : null;
}

/** The reason in both languages, for the backend's `message` / `messageZh`. */
export function errorReasonBoth(reason: ErrorReason): Bilingual {
  return { en: fillWords(ERROR_WORDS[reason.code].en, reason.params), zh: fillWords(ERROR_WORDS[reason.code].zh, reason.params) };
}

/** A password the policy refuses, as a reason (the policy's rules stay in shared/domain/password-policy.ts). */
export function passwordProblemReason(problem: PasswordProblem): ErrorReason {
  switch (problem) {
    case 'too_short':
      return { code: 'password.tooShort', params: { min: MIN_PASSWORD_LENGTH } };
    case 'common':
      return { code: 'password.common' };
    case 'contains_name':
      return { code: 'password.containsName' };
  }
}
