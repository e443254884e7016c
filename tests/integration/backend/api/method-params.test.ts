/**
 * The parameters' schemas of the method table (shared/contract/methods.ts), checked once by
 * dispatch(): every method has one, wrong parameters are refused before the handler runs with a
 * message naming the parameter in both languages, and a handler gets only what its schema parsed.
 * The handlers here are stand-ins that record what reached them; everything else (access, the
 * county scope, the session) is the console's own, on a real database.
 */
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { METHODS, METHOD_ACCESS, METHOD_NAMES, type MethodName, type ParamsOf } from '../../../../shared/contract/api.ts';
import { ROLES, can } from '../../../../shared/domain/roles.ts';
import type { CallContext } from '../../../../electron/backend/api/context.ts';
import { type Handlers, dispatch } from '../../../../electron/backend/api/dispatch.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const USERS = ROLES.map((role) => ({ name: `u-${role}`, role }));

/** Wrong parameters for every method that takes any, each with the parameter the refusal must name. */
const WRONG: Partial<Record<MethodName, [params: Record<string, unknown>, names: string][]>> = {
  'auth.setup': [
    [{ name: 'chief' }, 'password'],
    [{ name: 7, password: 'a-long-password' }, 'name'],
  ],
  'auth.signIn': [
    [{ name: '', password: 'x' }, 'name'],
    [{ name: 'ofc', password: ['x'] }, 'password'],
    [{ name: 'ofc', password: 'x', language: 'fr' }, 'language'],
  ],
  'auth.changePassword': [[{ currentPassword: 'a' }, 'newPassword']],
  'auth.setLanguage': [
    [{}, 'language'],
    [{ language: 'fr' }, 'language'],
  ],
  'dashboard.summary': [
    [{ asOf: '2020-02-30' }, 'asOf'],
    [{ county: '999999' }, 'county'],
    [{ trendDays: 121 }, 'trendDays'],
  ],
  'sync.start': [[{ source: 5 }, 'source']],
  'sync.history': [[{ limit: 'all' }, 'limit']],
  'sync.testSource': [[{ password: 7 }, 'password']],
  'rejects.list': [
    [{ feed: 'nonsense' }, 'feed'],
    [{ batchId: -1 }, 'batchId'],
    [{ limit: 501 }, 'limit'],
    [{ offset: 1.5 }, 'offset'],
  ],
  'rejects.export': [
    [{}, 'feed'],
    [{ feed: 'checkins', format: 'pdf' }, 'format'],
  ],
  'upload.begin': [[{ name: 'a.csv', size: 0 }, 'size']],
  'upload.chunk': [[{ uploadId: 'u', offset: -1, base64: 'AAAA' }, 'offset']],
  'import.preview': [[{ uploadId: 'u', feed: 'x' }, 'feed']],
  'import.commit': [[{ uploadId: 'u', feed: 'checkins', strict: 'yes' }, 'strict']],
  'import.result': [[{ jobId: '1' }, 'jobId']],
  'people.search': [
    [{ query: 'x'.repeat(65) }, 'query'],
    [{ query: '张三', limit: 0 }, 'limit'],
  ],
  'people.get': [[{ ref: 'r', asOf: 'yesterday' }, 'asOf']],
  'people.unmask': [[{ ref: 'r', field: 'name' }, 'field']],
  'users.create': [[{ name: 'new', role: 'boss', password: 'a-long-password' }, 'role']],
  'users.update': [
    [{ name: 'ofc', disabled: 'no' }, 'disabled'],
    [{ name: 'ofc', county: 'Wudi' }, 'county'],
  ],
  'users.decideRole': [[{ name: 'ofc' }, 'approve']],
  'settings.update': [
    [{ idleTimeoutMinutes: 0 }, 'idleTimeoutMinutes'],
    [{ syncSource: 3 }, 'syncSource'],
    [{ mapBands: [2, 1] }, 'mapBands'],
    [{ mapBands: '0.5,1' }, 'mapBands'],
  ],
  'keyAreas.save': [
    [{ regionCode: '37162', effectiveFrom: '2020-02-01' }, 'regionCode'],
    [{ regionCode: '371623', effectiveFrom: '2020-02-01', effectiveTo: 'soon', reason: '测试' }, 'effectiveTo'],
    [{ regionCode: '371623', effectiveFrom: '2020-02-01', reason: '' }, 'reason'],
  ],
  'keyAreas.whatif': [[{ regionCode: '3', effectiveFrom: '2020-02-01' }, 'regionCode']],
  'cases.list': [
    [{ state: 'open' }, 'state'],
    [{ behavior: 'theft' }, 'behavior'],
    [{ county: '110101' }, 'county'],
    [{ search: 'x' }, 'search'],
    [{ sort: 'age' }, 'sort'],
  ],
  'cases.ofPerson': [[{}, 'ref']],
  'cases.moveMany': [
    [{ ids: [], move: 'review', reason: '审查' }, 'ids'],
    [{ ids: [1, '2'], move: 'review', reason: '审查' }, 'ids.1'],
    [{ ids: Array.from({ length: 201 }, (_, i) => i + 1), move: 'review', reason: '审查' }, 'ids'],
    // A decision is one person at a time: not a bulk move.
    [{ ids: [1], move: 'decide', reason: '决定' }, 'move'],
  ],
  'cases.export': [[{ sort: 'oldest', search: 7 }, 'search']],
  'cases.get': [
    [{ id: 0 }, 'id'],
    [{ id: '12' }, 'id'],
  ],
  'cases.move': [
    [{ id: 1, move: 'approve', reason: 'r' }, 'move'],
    [{ id: 1, move: 'review', reason: '' }, 'reason'],
  ],
  'cases.flag': [[{ ref: 'r', reason: 'x'.repeat(2001) }, 'reason']],
  'credit.list': [[{ from: '2020/02/01' }, 'from']],
  'credit.export': [[{ format: 'csv' }, 'format']],
  'credit.report': [[{}, 'ref']],
  'notices.list': [[{ day: 20200201 }, 'day']],
  'detect.saveSettings': [
    [{ lookbackDays: 1.5 }, 'lookbackDays'],
    [{ lookbak: 14 }, 'lookbak'],
  ],
  'briefing.preview': [[{ trendFrom: '2020-13-01' }, 'trendFrom']],
  'briefing.export': [[{ day: '2020-02-16', trendFrom: false }, 'trendFrom']],
  'briefing.recent': [[{ limit: 101 }, 'limit']],
  'signoff.status': [[{ day: '2020-02-30' }, 'day']],
  'signoff.sign': [
    [{ day: '2020-02-16', county: '110101' }, 'county'],
    [{ county: '371623' }, 'day'],
  ],
  'enterprises.counties': [[{ county: '110101' }, 'county']],
  'enterprises.list': [
    [{ sort: 'size' }, 'sort'],
    [{ limit: 201 }, 'limit'],
  ],
  'enterprises.get': [[{ creditCode: 91371602 }, 'creditCode']],
  'enterprises.staff': [[{ status: 'blue' }, 'status']],
  'sites.stats': [[{ kind: 'shop' }, 'kind']],
  'sites.get': [[{ siteId: 7 }, 'siteId']],
  'sites.scans': [[{ filter: 'late' }, 'filter']],
  'enterprises.exportCounties': [[{ asOf: '2020-02-30' }, 'asOf']],
  'enterprises.exportList': [[{ list: 'people' }, 'list']],
  'enterprises.weeklyReport': [[{ week: '2020-08' }, 'week']],
  'audit.list': [
    [{ action: 7 }, 'action'],
    [{ personId: '37230119800101123' }, 'personId'],
    [{ from: '2020-02-30' }, 'from'],
    [{ to: '20 Feb' }, 'to'],
    [{ upTo: -1 }, 'upTo'],
    [{ limit: 501 }, 'limit'],
  ],
  'audit.export': [[{ user: 'admin', from: 'soon' }, 'from']],
  'figures.people': [
    [{ figure: 'blue' }, 'figure'],
    [{ figure: 'transition', from: 'purple', to: 'red' }, 'from'],
    [{ figure: 'red', sort: 'name' }, 'sort'],
    [{ figure: 'red', limit: 501 }, 'limit'],
  ],
  'figures.export': [[{ figure: 'red', unmask: 'yes' }, 'unmask']],
  'dashboard.export': [[{ table: 'trend' }, 'table']],
  'people.exportSearch': [[{ query: 7 }, 'query']],
};

const entriesOf = (m: MethodName) => Object.keys(METHODS[m].params.entries);

describe('the method table', () => {
  test('every method has an object schema for its parameters and an access rule in its row', () => {
    for (const m of METHOD_NAMES) {
      expect(['object', 'strict_object'], m).toContain(METHODS[m].params.type);
      expect(METHOD_ACCESS[m], m).toBe(METHODS[m].access);
    }
  });

  test('every method that takes parameters has wrong ones in this test', () => {
    expect(METHOD_NAMES.filter((m) => entriesOf(m).length > 0 && !WRONG[m])).toEqual([]);
  });
});

describe('dispatch checks the parameters once, before the handler', async () => {
  const c = await testConsole(suiteTempDir(), { demo: { people: 200, days: 3 }, users: USERS });
  const db = c.services.db;
  const reached: [MethodName, unknown][] = [];
  const probes = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (_ctx: CallContext, p: unknown) => (reached.push([m, p]), null)]),
  ) as unknown as Handlers;
  /** A city-wide session of a role that may call the method. */
  const ctxFor = (m: MethodName): CallContext => {
    const access = METHOD_ACCESS[m];
    const role = ROLES.find((r) => access === 'public' || access === 'signed-in' || can(r, access))!;
    const session = c.services.sessions.create({ name: `u-${role}`, role, county: null }, false);
    return { services: c.services, session, client: 'test', transport: 'test', setSession: () => undefined };
  };
  const call = (m: MethodName, params: unknown) => dispatch(ctxFor(m), m, params, probes);

  test('wrong parameters are refused as bad_request naming the parameter in both languages; the handler never runs', async () => {
    for (const [method, samples] of Object.entries(WRONG) as [MethodName, [Record<string, unknown>, string][]][]) {
      for (const [params, name] of samples) {
        reached.length = 0;
        const r = await call(method, params);
        const label = `${method} ${JSON.stringify(params).slice(0, 80)}`;
        expect(r.ok ? null : r.error.code, label).toBe('bad_request');
        expect(reached, label).toEqual([]);
        if (r.ok) continue;
        expect(r.error.message, label).toContain(name);
        expect(r.error.messageZh, label).toMatch(/[\u4e00-\u9fff]/);
        expect(r.error.messageZh, label).not.toBe(r.error.message);
      }
    }
  });

  test('the messages say what is expected, in the words the tests and the page already knew', async () => {
    const said = async (m: MethodName, p: unknown) => {
      const r = await call(m, p);
      return r.ok ? null : [r.error.message, r.error.messageZh];
    };
    expect(await said('rejects.list', { limit: 501 })).toEqual([
      'limit must be a whole number from 1 to 500',
      'limit 应为1到500之间的整数',
    ]);
    expect(await said('auth.setup', { name: 'chief' })).toEqual([
      'password must be text (1 to 200 characters)',
      'password 应为文本（1至200个字符）',
    ]);
    expect(await said('users.decideRole', { name: 'ofc', approve: 'yes' })).toEqual([
      'approve must be true or false',
      'approve 应为是或否',
    ]);
    expect(await said('briefing.export', {})).toEqual(['day is required (YYYY-MM-DD)', '请选择简报日期']);
    expect(await said('cases.move', { id: 1, reason: 'r' })).toEqual(['say which step (move)', '请指明操作']);
    expect(await said('people.search', { query: ' 张 ' })).toEqual(['type at least 2 characters', '请至少输入2个字符']);
    expect(await said('notices.list', { day: '2020-02-30' })).toEqual([
      'day must be a date like 2020-02-20',
      'day 应为日期，如 2020-02-20',
    ]);
    expect(await said('detect.saveSettings', { lookbackDays: 99 })).toEqual([
      'lookbackDays must be from 1 to 60, not 99',
      '申报回溯天数应在1到60之间（现为99）',
    ]);
    expect(await said('settings.update', { mapBands: [0.5, 1, 1] })).toEqual([
      'mapBands thresholds must go up: threshold 3 (1 %) is not above 1 %',
      'mapBands 阈值应从小到大：第3个（1%）不大于1%',
    ]);
    expect(await said('detect.saveSettings', { lookbak: 14 })).toEqual(['unknown detector setting lookbak', '没有名为 lookbak 的检测设置']);
    // Before: "state 取值无效" (invalid value), which did not say what would do.
    expect((await said('cases.list', { state: 'open' }))?.[1]).toContain('suspected');
  });

  test('a handler gets exactly what the schema parsed: defaults filled, dates as days, unknown keys gone', async () => {
    const personId = db.prepare('SELECT person_id FROM residents ORDER BY person_id LIMIT 1').pluck().get() as string;
    const caseId = (await c.ok('u-officer', 'cases.flag', { ref: await c.ref('u-officer', personId), reason: '核查参数' })).id;
    for (const method of METHOD_NAMES) {
      const ctx = ctxFor(method);
      const ref = c.services.refs.toRef(personId, ctx.session!);
      const valid = validSample(method, ref, caseId);
      reached.length = 0;
      const r = await dispatch(ctx, method, { ...valid, smuggled: "'; DROP TABLE cases; --" }, probes);
      if (METHODS[method].params.type === 'strict_object') {
        // A settings form's misspelt key is refused rather than silently lost.
        expect(r.ok ? null : r.error.code, method).toBe('bad_request');
        expect(reached, method).toEqual([]);
        continue;
      }
      expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, method).toBe('ok');
      expect(reached, method).toEqual([[method, v.parse(METHODS[method].params, valid)]]);
      expect(Object.keys(reached[0]![1] as object), method).not.toContain('smuggled');
    }
    expect(reached.length).toBeGreaterThan(0);
    reached.length = 0;
    await call('cases.list', {});
    expect(reached).toEqual([['cases.list', { offset: 0, limit: 50 }]]);
  });

  test('access comes first: an anonymous caller with wrong parameters is told to sign in, not what is wrong', async () => {
    const anonymous: CallContext = { services: c.services, session: null, client: 'test', transport: 'test', setSession: () => undefined };
    const r = await dispatch(anonymous, 'cases.get', { id: 'x' }, probes);
    expect(r.ok ? null : r.error.code).toBe('unauthenticated');
  });
});

/** Parameters each method accepts (its required ones; {} where none is required). */
function validSample(method: MethodName, ref: string, caseId: number): Record<string, unknown> {
  const samples: { [M in MethodName]?: ParamsOf<M> } = {
    'auth.setup': { name: 'chief', password: 'a-long-password' },
    'auth.signIn': { name: 'u-officer', password: 'x' },
    'auth.changePassword': { currentPassword: 'a', newPassword: 'b' },
    'auth.setLanguage': { language: 'en' },
    'dashboard.summary': { asOf: '2020-02-14', county: '' },
    'rejects.export': { feed: 'checkins', format: 'xlsx' },
    'upload.begin': { name: 'a.csv', size: 10 },
    'upload.chunk': { uploadId: 'u', offset: 0, base64: 'AAAA' },
    'import.preview': { uploadId: 'u' },
    'import.commit': { uploadId: 'u', feed: 'checkins' },
    'import.result': { jobId: 1 },
    'people.search': { query: '  张三 ' },
    'people.get': { ref, asOf: '' },
    'people.unmask': { ref },
    'users.create': { name: 'new', role: 'writer', county: null, password: 'a-long-password' },
    'users.update': { name: 'u-writer', disabled: false },
    'users.decideRole': { name: 'u-writer', approve: false },
    'settings.update': { syncSource: '' },
    'keyAreas.save': { regionCode: '371623', name: null, effectiveFrom: '2020-02-01', effectiveTo: null, reason: '测试' },
    'keyAreas.whatif': { regionCode: '371623', name: null, effectiveFrom: '2020-02-01', effectiveTo: null },
    'cases.get': { id: caseId },
    'cases.move': { id: caseId, move: 'review', reason: '审查' },
    'cases.flag': { ref, reason: '群众举报' },
    'cases.ofPerson': { ref },
    'cases.moveMany': { ids: [caseId, caseId], move: 'review', reason: '审查' },
    'credit.report': { ref },
    'detect.saveSettings': { lookbackDays: 14 },
    'briefing.export': { day: '2020-02-16' },
    'signoff.sign': { day: '2020-02-16' },
    'enterprises.get': { creditCode: '91371602MA00000013' },
    'sites.get': { siteId: 'S1' },
    'enterprises.exportList': { list: 'enterprises' },
    'enterprises.weeklyReport': { week: '2020-W08' },
    'figures.people': { figure: 'red', asOf: '2020-02-14' },
    'figures.export': { figure: 'transition', from: 'green', to: 'red' },
    'dashboard.export': { table: 'counties' },
    'people.exportSearch': { query: '  张三 ' },
  };
  return (samples[method] as Record<string, unknown> | undefined) ?? {};
}
