/**
 * County scope through references (issue 12): every method that takes a person or a case, walked
 * from the contract's table, refuses other counties' people and cases for a county-scoped account
 * of each role, and refuses references made for another session, answering as for someone who does
 * not exist. Lists, searches and the dashboard cannot be widened by a county parameter.
 */
import { describe, expect, test } from 'vitest';
import { METHOD_ACCESS, METHOD_NAMES, type MethodName } from '../../../../shared/contract/api.ts';
import { SCOPED_PARAMS, scopedParams } from '../../../../shared/contract/county-scope.ts';
import { ROLES, can } from '../../../../shared/domain/roles.ts';
import { personCounty } from '../../../../electron/backend/people/person-county.ts';
import { auditTargetOf } from '../../../../electron/backend/people/people-service.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const HOME = '371623';
const ELSEWHERE = '371602';
const COUNTY_USERS = ROLES.map((role) => ({ name: `wudi-${role}`, role, county: HOME }));
const USERS = [{ name: 'ofc', role: 'officer' }, { name: 'cre', role: 'credit' }, { name: 'admin', role: 'admin' }, ...COUNTY_USERS];
/** Everything any scoped method needs besides the person or case, so only the scope can refuse. */
const OTHER_PARAMS = { field: 'id', behavior: 'other', reason: '核查县区范围', move: 'review' };

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('county scope through person references and case ids', async () => {
  const c = await testConsole(suiteTempDir(), { demo: { people: 2500, days: 6 }, users: USERS });
  const db = c.services.db;
  const inCounty = (county: string) =>
    (db.prepare('SELECT person_id FROM residents WHERE county_code = ? ORDER BY person_id').pluck().all(county) as string[]).filter(
      (id) => personCounty(db, id) === county,
    );
  const [outsider, outsiderToo] = inCounty(ELSEWHERE);
  const [insider] = inCounty(HOME);
  // A case and a decided credit record in another county, opened by a city-wide officer.
  const otherCase = (await c.ok('ofc', 'cases.flag', { ref: await c.ref('ofc', outsiderToo!), behavior: 'other', reason: '群众举报' })).id;
  await c.ok('cre', 'cases.move', { id: otherCase, move: 'review', reason: '审查' });
  await c.ok('cre', 'cases.move', { id: otherCase, move: 'decide', reason: '经核实，转为红码' });

  test('the table names every method whose parameters carry a person reference or a case id', () => {
    expect(
      scopedParams()
        .map(([m, p]) => `${m}:${p}`)
        .sort(),
    ).toEqual([
      'cases.flag:ref',
      'cases.get:id',
      'cases.move:id',
      'cases.ofPerson:ref',
      'credit.report:ref',
      'people.get:ref',
      'people.unmask:ref',
    ]);
    // Every row is a real method that needs a signed-in user.
    for (const [method] of scopedParams()) expect(METHOD_ACCESS[method], method).not.toBe('public');
  });

  test('a county-scoped user of each role is refused every other-county person, as if they did not exist', async () => {
    const casesBefore = db.prepare('SELECT count(*) FROM cases').pluck().get();
    for (const [method, param, kind] of scopedParams()) {
      if (kind !== 'person') continue;
      for (const u of COUNTY_USERS) {
        // A reference made for this very session: only the person's county can refuse it.
        const r = await c.call(u.name, method, { ...OTHER_PARAMS, [param]: await c.ref(u.name, outsider!) } as never);
        expect(code(r), `${method} as ${u.name}`).toBe(mayCall(u.role, method) ? 'not_found' : 'forbidden');
        // The same answer as for a reference to nobody: existence elsewhere does not show.
        const nobody = await c.call(u.name, method, { ...OTHER_PARAMS, [param]: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } as never);
        if (mayCall(u.role, method)) expect(r.ok ? null : r.error.message, method).toBe(nobody.ok ? null : nobody.error.message);
      }
    }
    // Nothing happened: no case opened on the outsider, no report written, nothing unmasked.
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(casesBefore);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM audit_log WHERE user_name LIKE 'wudi-%' AND action IN ('people.unmask', 'export.credit_report', 'case.open')",
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  test('the same methods accept their own county’s person, so the refusals above are the scope’s', async () => {
    for (const [method, param, kind] of scopedParams()) {
      if (kind !== 'person') continue;
      for (const u of COUNTY_USERS.filter((x) => mayCall(x.role, method))) {
        const r = await c.call(u.name, method, {
          ...OTHER_PARAMS,
          reason: `核查 ${u.name}`,
          [param]: await c.ref(u.name, insider!),
        } as never);
        expect(code(r), `${method} as ${u.name}`).toBe('ok');
      }
    }
  });

  test('a reference from another session is refused, even to a city-wide user and for an in-county person', async () => {
    const fromOther = await c.ref('ofc', insider!);
    for (const [method, param, kind] of scopedParams()) {
      if (kind !== 'person') continue;
      for (const user of ['cre', ...COUNTY_USERS.filter((x) => mayCall(x.role, method)).map((x) => x.name)]) {
        const r = await c.call(user, method, { ...OTHER_PARAMS, [param]: fromOther } as never);
        expect(code(r), `${method} as ${user} with ofc's reference`).toBe('not_found');
      }
    }
    // The search's references work for the one who searched; copied into another session, nothing.
    const name = db.prepare('SELECT name FROM residents WHERE person_id = ?').pluck().get(insider) as string;
    const found = (await c.ok('wudi-credit', 'people.search', { query: name })).find((p) => p.idMasked.endsWith(insider!.slice(-4)))!;
    expect(code(await c.call('wudi-credit', 'people.get', { ref: found.ref }))).toBe('ok');
    expect(code(await c.call('wudi-officer', 'people.get', { ref: found.ref }))).toBe('not_found');
  });

  test('another county’s case id is refused for every case method, and its credit record is nowhere', async () => {
    for (const [method, param, kind] of scopedParams()) {
      if (kind !== 'case') continue;
      for (const u of COUNTY_USERS) {
        const r = await c.call(u.name, method, { ...OTHER_PARAMS, [param]: otherCase } as never);
        expect(code(r), `${method} as ${u.name}`).toBe(mayCall(u.role, method) ? 'not_found' : 'forbidden');
      }
    }
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').pluck().get(otherCase)).toBe('decided');
    const credit = await c.ok('wudi-credit', 'credit.list', {});
    expect(credit.rows.every((r) => r.county === HOME)).toBe(true);
    expect(credit.rows.map((r) => r.caseId)).not.toContain(otherCase);
    expect((await c.ok('wudi-credit', 'notices.list', {})).rows.every((r) => r.county === HOME)).toBe(true);
    const report = await c.call('wudi-credit', 'credit.report', { ref: await c.ref('wudi-credit', outsiderToo!) });
    expect(code(report)).toBe('not_found');
  });

  test('every other method, given an other-county person or case under any likely name, shows and does nothing about them', async () => {
    const declared = new Set(scopedParams().map(([m]) => m));
    const hidden = [outsider!, outsiderToo!].map((id) => maskPersonId(id));
    const targets = [outsider!, outsiderToo!].map((id) => auditTargetOf(db, id));
    const auditBefore = db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    // Signing out would end the session the walk uses; public methods have no session to scope.
    for (const method of METHOD_NAMES.filter((m) => !declared.has(m) && m !== 'auth.signOut' && METHOD_ACCESS[m] !== 'public')) {
      for (const u of COUNTY_USERS.filter((x) => mayCall(x.role, method))) {
        const ref = await c.ref(u.name, outsider!);
        const r = await c.call(u.name, method, {
          ...OTHER_PARAMS,
          ref,
          person: ref,
          personRef: ref,
          id: otherCase,
          caseId: otherCase,
          county: ELSEWHERE,
        } as never);
        const text = JSON.stringify(r);
        for (const masked of hidden) expect(text, `${method} as ${u.name}`).not.toContain(masked);
      }
    }
    await c.services.jobs.idle();
    const touched = db.prepare('SELECT action, target FROM audit_log WHERE id > ? AND target IS NOT NULL').all(auditBefore) as {
      action: string;
      target: string;
    }[];
    expect(touched.filter((e) => targets.includes(e.target))).toEqual([]);
  });

  test('a county parameter cannot widen a county user’s lists, searches or dashboard', async () => {
    const widen = { county: ELSEWHERE };
    const summary = await c.ok('wudi-officer', 'dashboard.summary', widen);
    expect(summary.county).toBe(HOME);
    expect(summary.counties.map((r) => r.countyCode)).toEqual([HOME]);
    const cases = await c.ok('wudi-credit', 'cases.list', widen as never);
    expect(cases.rows.map((r) => r.id)).not.toContain(otherCase);
    expect(cases.rows.every((r) => r.county === HOME)).toBe(true);
    const counts = await c.ok('wudi-credit', 'cases.counts', widen as never);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(
      db.prepare('SELECT count(*) FROM cases WHERE county_code = ?').pluck().get(HOME),
    );
    expect((await c.ok('wudi-credit', 'credit.list', widen as never)).rows.every((r) => r.county === HOME)).toBe(true);
    expect((await c.ok('wudi-credit', 'notices.list', widen as never)).rows.every((r) => r.county === HOME)).toBe(true);
    const name = db.prepare('SELECT name FROM residents WHERE person_id = ?').pluck().get(outsider) as string;
    const found = await c.ok('wudi-officer', 'people.search', { query: name, ...widen } as never);
    expect(found.every((p) => p.county === HOME)).toBe(true);
    // The same search city-wide does find the outsider: the filter, not the data, kept them out.
    expect((await c.ok('ofc', 'people.search', { query: name })).some((p) => p.idMasked.endsWith(outsider!.slice(-4)))).toBe(true);
  });
});

function mayCall(role: (typeof ROLES)[number], method: MethodName): boolean {
  const access = METHOD_ACCESS[method];
  return access === 'signed-in' || (access !== 'public' && can(role, access));
}

test('the scope table covers only methods the contract has', () => {
  for (const method of Object.keys(SCOPED_PARAMS)) expect(METHOD_NAMES).toContain(method);
});
