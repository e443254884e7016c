/** The API's rules, in-process through the one dispatch: access by role, county scope, sessions, masking, audit. */
import { describe, expect, test } from 'vitest';
import { METHOD_ACCESS, METHOD_NAMES } from '../../../../shared/contract/api.ts';
import { ROLES, can } from '../../../../shared/domain/roles.ts';
import { runDetectors } from '../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import { countyStats } from '../../../../electron/backend/rules/county-stats.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'admin', role: 'admin' },
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wri', role: 'writer' },
  { name: 'wudi', role: 'officer', county: '371623' },
];

describe('who may call what', () => {
  test('every method refuses users whose role lacks its permission, and anonymous callers', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    // Signing out is the last call (it ends the session the loop uses).
    for (const method of [...METHOD_NAMES.filter((m) => m !== 'auth.signOut'), 'auth.signOut' as const]) {
      const access = METHOD_ACCESS[method];
      if (access === 'public') continue;
      const anonymous = await c.call(null, method, {} as never);
      expect(anonymous.ok ? 'ok' : anonymous.error.code, `${method} anonymous`).toBe('unauthenticated');
      for (const role of ROLES) {
        const user = USERS.find((u) => u.role === role && !u.county)!.name;
        const r = await c.call(user, method, {} as never);
        const allowed = access === 'signed-in' || can(role, access);
        if (!allowed) expect(r.ok ? 'ok' : r.error.code, `${method} as ${role}`).toBe('forbidden');
        else expect(r.ok ? 'ok' : r.error.code, `${method} as ${role}`).not.toBe('forbidden');
      }
    }
  });

  test('the role table of ENFORCEMENT.md: a writer cannot see people, an admin cannot decide or browse people', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    expect((await c.call('wri', 'people.search', { query: '张三' })).ok).toBe(false);
    expect((await c.call('wri', 'dashboard.summary', {})).ok).toBe(true);
    expect((await c.call('admin', 'people.search', { query: '张三' })).ok).toBe(false);
    expect((await c.call('admin', 'users.list', {})).ok).toBe(true);
    expect((await c.call('ofc', 'users.list', {})).ok).toBe(false);
  });
});

describe('sign-in and sessions', () => {
  test('set-up creates the first administrator once', async () => {
    const c = await testConsole(tempDir());
    expect(await c.ok(null, 'auth.status', {})).toMatchObject({ setupRequired: true, emptyDatabase: true, session: null });
    expect((await c.ok(null, 'auth.setup', { name: 'chief', password: 'a-long-password' })).user).toEqual({
      name: 'chief',
      role: 'admin',
      county: null,
    });
    const again = await c.call(null, 'auth.setup', { name: 'other', password: 'a-long-password' });
    expect(again.ok ? null : again.error.code).toBe('conflict');
    const short = await testConsole(tempDir());
    const weak = await short.call(null, 'auth.setup', { name: 'chief', password: 'short' });
    expect(weak.ok ? null : weak.error.messageZh).toMatch(/密码至少12位/);
  });

  test('wrong passwords are refused, then rate-limited even with the right one; every attempt is audited', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    for (let i = 0; i < 5; i++) {
      const r = await c.call(null, 'auth.signIn', { name: 'ofc', password: 'wrong-password' });
      expect(r.ok ? null : r.error.code).toBe('unauthenticated');
    }
    const blocked = await c.call(null, 'auth.signIn', { name: 'ofc', password: 'test-password-1' });
    expect(blocked.ok ? null : blocked.error.code).toBe('rate_limited');
    const actions = (c.services.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('auth.sign_in_refused');
  });

  test('a disabled user cannot sign in and their open sessions end at once', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    expect((await c.call('ofc', 'dashboard.summary', {})).ok).toBe(true);
    await c.ok('admin', 'users.update', { name: 'ofc', disabled: true });
    const r = await c.call('ofc', 'dashboard.summary', {});
    expect(r.ok ? null : r.error.code).toBe('unauthenticated');
  });

  test('the last administrator cannot be demoted or disabled', async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    const r = await c.call('admin', 'users.update', { name: 'admin', role: 'officer' });
    expect(r.ok ? null : r.error.code).toBe('conflict');
  });
});

describe('county scope, masking and audit on a demo city', async () => {
  const dir = tempDir();
  const c = await testConsole(dir, { demo: { people: 2500, days: 6 }, users: USERS });

  test('the dashboard gives hcc stats’ numbers; a county user always sees their county', async () => {
    const s = await c.ok('ofc', 'dashboard.summary', { asOf: '2020-02-14' });
    const stats = countyStats(c.services.db, parseDay('2020-02-14')!);
    const total = stats.find((r) => r.county_code === 'total')!;
    expect(s.kpis).toMatchObject({ red: total.red, yellow: total.yellow, green: total.green, total: total.total, noCode: total.no_code });
    expect(s.counties.map((r) => [r.countyCode, r.red, r.green])).toEqual(
      stats.filter((r) => r.county_code !== 'total').map((r) => [r.county_code, r.red, r.green]),
    );
    expect(s.trend).toHaveLength(30);
    const wudi = await c.ok('wudi', 'dashboard.summary', { asOf: '2020-02-14', county: '371602' });
    expect(wudi.county).toBe('371623');
    expect(wudi.kpis.total).toBe(stats.find((r) => r.county_code === '371623')!.total);
    // Not even the county table, bars and map carry other counties' figures.
    expect(wudi.counties.map((r) => r.countyCode)).toEqual(['371623']);
  });

  test('cases opened now fall on the demo city’s own last day, and the dashboard counts them open there', async () => {
    runDetectors(c.services.db, { now: c.services.now() });
    const summary = await c.ok('ofc', 'dashboard.summary', {});
    const open = (c.services.db.prepare('SELECT count(*) AS n FROM cases WHERE closed_at IS NULL').get() as { n: number }).n;
    expect(open).toBeGreaterThan(0);
    // One clock: the detectors opened them on the demo's clock, so the default day shows them.
    expect(summary.asOf).toBe(summary.latestDataDay);
    expect(summary.kpis.openCases).toBe(open);
  });

  test('people arrive masked, the county user finds only their county, unmasking is audited without the ID', async () => {
    const name = (c.services.db.prepare("SELECT name FROM residents WHERE county_code = '371602' LIMIT 1").get() as { name: string }).name;
    const found = await c.ok('ofc', 'people.search', { query: name });
    expect(found.length).toBeGreaterThan(0);
    const text = JSON.stringify(found);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(found[0]!.idMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const scoped = await c.ok('wudi', 'people.search', { query: name });
    expect(scoped.every((p) => p.county === '371623')).toBe(true);
    const other = found.find((p) => p.county !== '371623')!;
    const denied = await c.call('wudi', 'people.get', { ref: other.ref });
    expect(denied.ok ? null : denied.error.code).toBe('not_found');

    const detail = await c.ok('ofc', 'people.get', { ref: other.ref, asOf: '2020-02-14' });
    expect(JSON.stringify(detail)).not.toMatch(/\d{17}[\dX]/);
    const id = await c.ok('ofc', 'people.unmask', { ref: other.ref, field: 'id' });
    expect(id.value).toMatch(/^\d{17}[\dX]$/);
    expect(id.value.slice(0, 6) + '********' + id.value.slice(-4)).toBe(other.idMasked);
    const entry = c.services.db.prepare("SELECT user_name, target, details FROM audit_log WHERE action = 'people.unmask'").get() as {
      user_name: string;
      target: string;
      details: string;
    };
    expect(entry.user_name).toBe('ofc');
    expect(entry.target).toMatch(/^person:[0-9a-f]{24}$/);
    expect(entry.details + entry.target).not.toContain(id.value);
    const writerTry = await c.call('wri', 'people.unmask', { ref: other.ref, field: 'id' });
    expect(writerTry.ok ? null : writerTry.error.code).toBe('forbidden');
  });

  test('a county user cannot run city-wide syncs or imports', async () => {
    const r = await c.call('wudi', 'sync.start', { source: dir });
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  test('rejected rows are paged on the server, IDs and phones masked for everyone (the export to the department is full, and audited)', async () => {
    const page = await c.ok('ofc', 'rejects.list', { limit: 5 });
    expect(page.total).toBeGreaterThan(5);
    expect(page.rows).toHaveLength(5);
    const next = await c.ok('ofc', 'rejects.list', { offset: 5, limit: 5 });
    expect(next.rows[0]!.id).toBeGreaterThan(page.rows[4]!.id);
  });
});
