/**
 * One dispatch for every transport: finds the method, checks who may call it (METHOD_ACCESS,
 * against the session's role), checks its parameters against its schema (once, for every handler),
 * runs the handler and returns the outcome as data. The compiler checks that every contract method
 * has exactly one handler.
 */
import {
  type ApiError,
  type ApiResponse,
  METHOD_ACCESS,
  type MethodName,
  type ResultOf,
  type ValidParams,
} from '../../../shared/contract/api.ts';
import { can, isCityWideOnly } from '../../../shared/domain/roles.ts';
import type { ErrorReason } from '../../../shared/words/error-words.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { FileAccessError } from '../files/file-errors.ts';
import { ExchangeSourceError } from '../exchange-db/pg-source.ts';
import type { CallContext } from './context.ts';
import { checkScopedParams } from './county-scope.ts';
import { validParams } from './params.ts';
import * as admin from './handlers/admin.ts';
import * as keyAreas from './handlers/key-areas.ts';
import * as auditScreen from './handlers/audit.ts';
import * as auth from './handlers/auth.ts';
import * as briefing from './handlers/briefing.ts';
import * as dashboard from './handlers/dashboard.ts';
import * as enforcement from './handlers/enforcement.ts';
import * as figures from './handlers/figures.ts';
import * as enterprises from './handlers/enterprises.ts';
import * as data from './handlers/data.ts';
import * as people from './handlers/people.ts';
import * as signoff from './handlers/signoff.ts';

/** A handler gets its parameters parsed by the method's schema (api/params.ts), never as sent. */
export type Handler<M extends MethodName> = (ctx: CallContext, params: ValidParams<M>) => ResultOf<M> | Promise<ResultOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

const HANDLERS: Handlers = {
  'auth.status': auth.authStatus,
  'auth.setup': auth.setup,
  'auth.signIn': auth.signIn,
  'auth.signOut': auth.signOut,
  'auth.changePassword': auth.changePassword,
  'auth.setLanguage': auth.setLanguage,
  'auth.touch': auth.touch,
  'dashboard.summary': dashboard.summary,
  'dashboard.map': dashboard.countyMap,
  'data.overview': data.dataOverview,
  'data.loadDemo': data.loadDemo,
  'sync.start': data.syncStart,
  'sync.testSource': data.syncTestSource,
  'sync.cancel': data.syncCancel,
  'sync.history': (ctx, p) => data.syncHistory(ctx.services.db, p.limit),
  'rejects.list': data.rejectsList,
  'rejects.export': data.rejectsExport,
  'upload.begin': data.uploadBegin,
  'upload.chunk': data.uploadChunk,
  'import.preview': data.importPreview,
  'import.commit': data.importCommit,
  'import.result': data.importResult,
  'people.search': people.peopleSearch,
  'people.get': people.peopleGet,
  'people.unmask': people.peopleUnmask,
  'users.list': admin.usersList,
  'users.create': admin.usersCreate,
  'users.update': admin.usersUpdate,
  'users.decideRole': admin.usersDecideRole,
  'settings.get': admin.settingsGet,
  'settings.update': admin.settingsUpdate,
  'keyAreas.list': admin.keyAreasList,
  'keyAreas.save': admin.keyAreasSave,
  'keyAreas.whatif': keyAreas.keyAreasWhatIf,
  'keyAreas.versions': keyAreas.keyAreasVersions,
  'cases.counts': enforcement.counts,
  'cases.list': enforcement.list,
  'cases.ofPerson': enforcement.ofPerson,
  'cases.get': enforcement.get,
  'cases.move': enforcement.move,
  'cases.moveMany': enforcement.moveMany,
  'cases.export': enforcement.exportCases,
  'cases.flag': enforcement.flag,
  'cases.detect': enforcement.detect,
  'credit.list': enforcement.credits,
  'credit.export': enforcement.creditExport,
  'credit.report': enforcement.creditReport,
  'briefing.preview': briefing.preview,
  'briefing.export': briefing.exportBriefing,
  'briefing.recent': briefing.recent,
  'signoff.status': signoff.status,
  'signoff.sign': signoff.sign,
  'notices.list': enforcement.notices,
  'detect.settings': enforcement.settings,
  'detect.saveSettings': enforcement.saveSettings,
  'enterprises.counties': enterprises.counties,
  'enterprises.list': enterprises.list,
  'enterprises.get': enterprises.get,
  'enterprises.staff': enterprises.staff,
  'sites.stats': enterprises.stats,
  'sites.get': enterprises.site,
  'sites.scans': enterprises.scans,
  'enterprises.exportCounties': enterprises.exportCounties,
  'enterprises.exportList': enterprises.exportList,
  'enterprises.weeklyReport': enterprises.weeklyReport,
  'audit.list': auditScreen.list,
  'audit.verify': auditScreen.verify,
  'audit.export': auditScreen.exportList,
  'figures.people': figures.people,
  'figures.export': figures.exportPeople,
  'dashboard.export': dashboard.exportTable,
  'people.exportSearch': people.peopleExportSearch,
};

const error = (code: ApiError['code'], message: string, messageZh: string): ApiResponse<never> => ({
  ok: false,
  error: { code, message, messageZh },
});
const refusal = (code: ApiError['code'], reason: ErrorReason): ApiResponse<never> => ({
  ok: false,
  error: ApiFailure.because(code, reason).error,
});

/**
 * What an account whose password an administrator chose may do before choosing its own: that,
 * keep the session alive, switch the language it reads in, or leave. Separation of duties: the
 * administrator who knew the first password cannot act with the account unseen (the owner would
 * find their account changed).
 */
const WHILE_PASSWORD_CHANGE_REQUIRED: ReadonlySet<MethodName> = new Set([
  'auth.changePassword',
  'auth.setLanguage',
  'auth.signOut',
  'auth.touch',
  'auth.status',
]);

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(HANDLERS, name);
}

/** `handlers`: the console's own; a test passes stand-ins that record what they were given. */
export async function dispatch(
  ctx: CallContext,
  method: string,
  params: unknown,
  handlers: Handlers = HANDLERS,
): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) return error('unknown_method', `unknown method ${method}`, `未知的方法 ${method}`);
  if (params === null || typeof params !== 'object' || Array.isArray(params))
    return error('bad_request', 'parameters must be an object', '参数必须是对象');
  const access = METHOD_ACCESS[method];
  if (access !== 'public') {
    if (!ctx.session) return refusal('unauthenticated', { code: 'auth.signInFirst' });
    if (access !== 'signed-in' && !can(ctx.session.user.role, access)) {
      return refusal('forbidden', { code: 'auth.roleMayNot', params: { method } });
    }
    // The audit log is one chain for the whole city: a county account is refused it, whatever its role.
    if (access !== 'signed-in' && isCityWideOnly(access, ctx.session.user.county)) {
      return refusal('forbidden', { code: 'auth.cityWideOnly', params: { method } });
    }
    if (ctx.session.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.has(method)) {
      return refusal('password_change_required', { code: 'auth.passwordChangeRequired' });
    }
    ctx.services.sessions.touch(ctx.session);
  }
  try {
    // County scope of every person or case the parameters name, whatever the handler then does.
    // Checked once, here, after access (an anonymous caller learns nothing about the parameters).
    const valid = validParams(method, params);
    checkScopedParams(ctx, method, valid);
    const handler = handlers[method] as Handler<MethodName>;
    return { ok: true, value: await handler(ctx, valid as never) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.error };
    if (err instanceof FileAccessError) return error('bad_request', err.message, err.messageZh);
    // The exchange database unreachable, refusing the password, lacking a table: said as it is.
    if (err instanceof ExchangeSourceError) return error('bad_request', err.message, err.zh);
    // Internal details stay in the log (never personal data: messages come from our code); the
    // page gets a message a person can act on.
    console.error(`api ${method} failed: ${(err as Error).message}`);
    return error(
      'internal',
      'the console hit an internal error; try again, and tell support if it persists',
      '系统内部错误，请重试；如持续出现请联系技术支持',
    );
  }
}
