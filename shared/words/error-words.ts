/**
 * Errors as words: a failure crosses the API as a category (`ApiError.code`, which the page acts on)
 * plus a reason (`ApiError.reason`: a code of this table and its parameters), and each edge renders
 * the reason in its user's language. The backend fills `message` / `messageZh` from the same table,
 * so the CLI, the logs and an older page read the very same sentences.
 *
 * Every failure a handler throws carries a reason, except four whose sentences come from bilingual
 * tables of their own: a parameter the schema refused (valibot's messages, shared/contract/
 * param-schemas.ts), a case move the workflow refuses (shared/domain/cases.ts), an exchange
 * directory that fails its checks (sync/exchange-directory.ts) and a detector threshold out of its
 * range (enforcement/detectors/detector-settings.ts). tests/integration/backend/api/error-reasons.test.ts
 * holds the list.
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
  'auth.tooManyFailures': {
    en: 'too many failed sign-ins; try again in {minutes} minute(s)',
    zh: '登录失败次数过多，请{minutes}分钟后再试',
  },
  'auth.tooManyPasswordTries': {
    en: 'the current password was wrong too many times; try again in {minutes} minute(s)',
    zh: '当前密码输错次数过多，请{minutes}分钟后再试',
  },
  'auth.wrongCredentials': { en: 'wrong user name or password (or the account is disabled)', zh: '用户名或密码错误（或账号已停用）' },
  'auth.signInFirst': { en: 'sign in first (the session may have timed out)', zh: '请先登录（会话可能已超时）' },
  'auth.roleMayNot': { en: 'your role may not do this ({method})', zh: '您的角色无权执行此操作（{method}）' },
  'auth.cityWideOnly': {
    en: 'this is for city-wide accounts only; a county-scoped account may not do it ({method})',
    zh: '此功能仅限全市账号使用，县区账号无权执行（{method}）',
  },
  'auth.passwordChangeRequired': {
    en: 'choose your own password first (an administrator set the current one)',
    zh: '请先设置您自己的密码（当前密码由管理员设置）',
  },
  'auth.currentPasswordWrong': { en: 'the current password is wrong', zh: '当前密码不正确' },
  'auth.samePassword': { en: 'choose a new password, not the current one', zh: '请设置新密码，不能与当前密码相同' },
  'password.tooShort': { en: 'a password has at least {min} characters', zh: '密码至少{min}位' },
  'password.common': {
    en: 'this password is among the first ones guessed (spaces, a repeated character, 1234567890…, qwerty…, password…); choose a longer phrase of your own',
    zh: '该密码属于最常被猜测的密码（空格、重复字符、1234567890…、qwerty…、password…），请另选一个自己的较长短语',
  },
  'password.containsName': { en: 'a password must not contain the user name', zh: '密码不能包含用户名' },
  'users.badName': {
    en: 'a user name has 2 to 32 letters, digits, dots, dashes or underscores',
    zh: '用户名为2至32个字母、数字、点、横线或下划线',
  },
  'users.unknownRole': { en: 'unknown role {role}', zh: '未知角色 {role}' },
  'users.unknownCounty': { en: 'unknown county {county}', zh: '未知县区 {county}' },
  'users.exists': { en: 'a user named {name} exists', zh: '用户 {name} 已存在' },
  'users.notFound': { en: 'no user named {name}', zh: '没有用户 {name}' },
  'users.lastAdmin': { en: 'this is the last administrator; make another one first', zh: '这是最后一个管理员，请先设置另一个管理员' },
  'people.notInAnyFeed': { en: 'this person is in no feed any more', zh: '该人员不在任何数据源中' },
  'people.noPhone': { en: 'no phone is known for this person', zh: '该人员没有手机号记录' },
  'people.noSuchPerson': {
    en: 'no such person (the link may be from an earlier or another session); search again',
    zh: '找不到该人员（链接可能已过期或来自其他会话），请重新查询',
  },
  'people.unmaskLimit': {
    en:
      'you have unmasked {limit} times in {minutes} minutes, the most allowed; try again in {retry} minute(s). ' +
      'Reaching the limit is recorded in the audit log',
    zh: '您在{minutes}分钟内已查看完整信息{limit}次，已达上限，请{retry}分钟后再试。达到上限已记入审计日志',
  },
  'cases.noSuchCase': { en: 'no case {id}', zh: '没有编号为 {id} 的案件' },
  'cases.roleMayNotFlag': {
    en: 'the {role} role may not flag a suspicion (officers and credit staff may)',
    zh: '您的角色（{role}）不能上报疑似案件（值班人员和信用监管人员可以）',
  },
  'cases.unknownPerson': { en: 'no resident or record with this ID number', zh: '没有此身份证号的居民或记录' },
  'cases.sameReport': { en: 'the same report of this person is already a case', zh: '对此人的相同上报已立案' },
  'cases.reasonMissing': { en: 'write the reason for this step', zh: '请填写此操作的理由' },
  'cases.reasonTooLong': { en: 'the reason is too long (2,000 characters at most)', zh: '理由过长（最多2000字）' },
  'cases.stepFailed': {
    en: 'this case could not be moved (an internal error); try it on its own, and tell support if it persists',
    zh: '此案件未能处理（系统内部错误），请单独重试；如持续出现请联系技术支持',
  },
  'detect.unknownSetting': { en: 'unknown detector setting {key}', zh: '没有名为 {key} 的检测设置' },
  'jobs.busy': { en: 'another sync or import is running; wait for it or cancel it', zh: '另一项同步或导入正在进行，请等待完成或取消' },
  'users.noRoleRequest': { en: 'no role request waits for {name}', zh: '用户 {name} 没有待批准的角色申请' },
  'users.secondAdminMustApprove': {
    en: 'a second administrator must approve this: you asked for the role yourself',
    zh: '该角色申请由您本人提出，须由另一位管理员批准',
  },
  'users.ownRole': { en: 'an administrator cannot approve a role for their own account', zh: '管理员不能批准自己账号的角色' },
  'credit.toBeforeFrom': { en: 'to must not be before from', zh: '截止日期不能早于起始日期' },
  'briefing.trendAfterDay': { en: 'the trend cannot start after the briefing date', zh: '趋势起始日期不能晚于简报日期' },
  'briefing.trendTooLong': { en: 'the trend can cover at most {days} days', zh: '趋势最多 {days} 天' },
  'briefing.recomputing': {
    en: 'the colours are being recomputed after new data; export again in a moment',
    zh: '新数据的码色正在重新计算，请稍后再导出',
  },
  'signoff.roleMayNot': {
    en: 'a county’s figures are signed off by its designated officer (an officer or credit account of the county); your role may not',
    zh: '各县数据由本县指定专人（本县值班员或信用监管员账号）签发，您的角色无权签发',
  },
  'signoff.cityWide': {
    en: 'a city-wide account cannot sign off a county ({county}): the county’s own designated officer signs its figures off',
    zh: '全市账号不能签发县区数据（{county}）：由该县指定专人签发',
  },
  'signoff.otherCounty': {
    en: 'you may sign off {own} only; {county} is signed off by its own designated officer',
    zh: '您只能签发{own}的数据；{county}的数据由该县指定专人签发',
  },
  'signoff.noData': {
    en: 'no figures for {day} yet (the data reaches {latest}); sign off a day the data covers',
    zh: '{day} 尚无数据（数据最新日期为 {latest}），请签发数据已覆盖的日期',
  },
  'signoff.recomputing': {
    en: 'the colours are being recomputed after new data; sign off in a moment, on the figures that result',
    zh: '新数据的码色正在重新计算，请稍后按重新计算后的数据签发',
  },
  'enterprises.noSuchEnterprise': {
    en: 'no enterprise {creditCode} on the register as of that day (or not in your county)',
    zh: '当日企业名录中没有统一社会信用代码为 {creditCode} 的企业（或不属于本县区）',
  },
  'enterprises.noSuchWeek': { en: '{week} is not a week of that year', zh: '{week} 不是该年的有效周次' },
  'sites.noSuchSite': { en: 'no site {siteId} (or not in your county)', zh: '没有编号为 {siteId} 的场所（或不属于本县区）' },
  'audit.toBeforeFrom': { en: 'the end of the period (to) is before its start (from)', zh: '截止时间早于起始时间' },
  'audit.noSuchPerson': {
    en: 'no such person (the link may be from an earlier session); type the ID number instead',
    zh: '找不到该人员（链接可能已过期），请改为输入身份证号',
  },
  'figures.transitionColours': {
    en: 'a transition needs both colours: from and to (none, green, yellow or red)',
    zh: '转码人员列表需要同时给出原码色和新码色（none、green、yellow 或 red）',
  },
  'figures.mayNotUnmask': {
    en: 'your role may not export full ID numbers and phones; export the masked list',
    zh: '您的角色不能导出完整身份证号和手机号，请导出脱敏名单',
  },
  'keyAreas.toBeforeFrom': { en: 'effective_to is before effective_from', zh: '失效日期早于生效日期' },
  'data.cityWideOnly': { en: 'a county-scoped user cannot change city-wide data', zh: '县区用户不能更改全市数据' },
  'data.demoNeedsEmpty': {
    en: 'the database already has data; the demo city is only for an empty one',
    zh: '数据库已有数据，演示城市只能载入空数据库',
  },
  'data.noExchangeDirectory': { en: 'no exchange directory: set it in Settings or give one', zh: '未设置交换目录，请在系统设置中填写' },
  'uploads.badSize': { en: 'a file to import is between 1 byte and 1 GB', zh: '导入文件大小应在1字节到1GB之间' },
  'uploads.notCsvOrXlsx': { en: '{name} is not a CSV or XLSX file', zh: '{name} 不是 CSV 或 XLSX 文件' },
  'uploads.wrongOffset': { en: 'expected the piece at byte {offset}', zh: '应上传第{offset}字节处的分片' },
  'uploads.tooMuchData': { en: 'more data than the file size announced', zh: '上传数据超过声明的文件大小' },
  'uploads.diskFull': {
    en: 'the console’s disk is full; free space on it and drop the file again',
    zh: '控制台所在磁盘已满，请清理磁盘空间后重新拖入文件',
  },
  'uploads.incomplete': { en: 'the file has not been uploaded completely', zh: '文件尚未上传完整' },
  'uploads.userQuota': {
    en:
      'your uploads may hold {perUserBytes} at once: {importing} are being imported and this file is {bytes}; wait for the import to end or import ' +
      'a smaller file',
    zh: '您的上传文件同时最多占用{perUserBytes}：正在导入的占{importing}，本文件{bytes}，请等待导入结束或导入较小的文件',
  },
  'uploads.totalQuota': {
    en: 'the console holds {held} of uploads of at most {totalBytes}; wait for other imports to end (an abandoned upload is removed after {minutes} minutes)',
    zh: '控制台的上传文件已占{held}，最多{totalBytes}，请等待其他导入结束（无人继续的上传{minutes}分钟后删除）',
  },
  'uploads.diskSpace': {
    en:
      'the console’s disk has {free} free; a file of {bytes} needs that and {keepFreeBytes} more for the database: free space on the disk or ' +
      'import a smaller file',
    zh: '控制台所在磁盘剩余{free}；{bytes}的文件需要同样大小的空间，另需{keepFreeBytes}供数据库使用，请清理磁盘或导入较小的文件',
  },
  'uploads.notFound': { en: 'no such upload (it may have expired); drop the file again', zh: '找不到该上传文件，请重新拖入' },
  /** The page's own: the console did not answer (or answered with something that is no API answer). */
  network: {
    en: 'Cannot reach the command-center service; check that it is running and retry',
    zh: '无法连接到指挥中心服务，请检查服务是否在运行后重试',
  },
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
