/**
 * The audit screen's API (issue 16): administrators and credit staff read the log filtered by user,
 * action, person and period, paged on the server newest first; verify the chain; export the list.
 * Officers, writers and county accounts are refused; every read is itself an entry; what leaves is
 * masked; a row edited behind the console's back is reported where it is.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { ApiResponse, AuditFilters, AuditRow } from '../../../../shared/contract/api.ts';
import { auditPage } from '../../../../electron/backend/audit/audit-list.ts';
import { audit } from '../../../../electron/backend/audit/audit-log.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { auditTargetOf } from '../../../../electron/backend/people/people-service.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { type TestConsole, testConsole } from '../../../support/console.ts';
import { suiteTempDir, useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'admin', role: 'admin' },
  { name: 'cre', role: 'credit' },
  { name: 'ofc', role: 'officer' },
  { name: 'wri', role: 'writer' },
  { name: 'wudi-credit', role: 'credit', county: '371623' },
  { name: 'wudi-admin', role: 'admin', county: '371623' },
];
const UNMASKED_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const code = (r: ApiResponse<unknown>) => (r.ok ? 'ok' : r.error.code);

interface Entry {
  id: number;
  user_name: string | null;
  action: string;
  target: string | null;
  details: string;
}

function entriesAfter(c: TestConsole, id: number): Entry[] {
  return c.services.db.prepare('SELECT id, user_name, action, target, details FROM audit_log WHERE id > ? ORDER BY id').all(id) as Entry[];
}
const newest = (c: TestConsole) => c.services.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;

/** Every row of the list, walked page by page the way the screen does (pinned to the first page's upTo). */
async function everyRow(c: TestConsole, user: string, filters: AuditFilters, limit = 7): Promise<{ rows: AuditRow[]; total: number }> {
  const first = await c.ok(user, 'audit.list', { ...filters, limit });
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const next = await c.ok(user, 'audit.list', { ...filters, upTo: first.upTo, offset: rows.length, limit });
    expect(next.total).toBe(first.total);
    expect(next.upTo).toBe(first.upTo);
    rows.push(...next.rows);
  }
  return { rows, total: first.total };
}

describe('the audit screen on a demo city', async () => {
  const c = await testConsole(suiteTempDir(), { demo: { people: 400, days: 3 }, users: USERS });
  const db = c.services.db;
  const [someone, other] = db.prepare('SELECT person_id FROM residents ORDER BY person_id LIMIT 2').pluck().all() as string[];
  // What the log holds besides syncs and sign-ins: an unmasking of two people, a case, timed entries.
  await c.ok('ofc', 'people.unmask', { ref: await c.ref('ofc', someone!), field: 'id' });
  await c.ok('ofc', 'people.unmask', { ref: await c.ref('ofc', other!), field: 'id' });
  await c.ok('ofc', 'cases.flag', { ref: await c.ref('ofc', someone!), behavior: 'other', reason: '群众举报' });
  for (const at of ['2020-02-10T08:00:00+08:00', '2020-02-10T23:59:59+08:00', '2020-02-11T00:00:00+08:00', '2020-02-11T12:30:30+08:00'])
    audit(db, { user: 'cre', action: 'test.timed', details: { at }, at: Date.parse(at) });

  test('officers, writers and county accounts are refused; administrators and city-wide credit staff read', async () => {
    for (const user of ['ofc', 'wri']) {
      for (const method of ['audit.list', 'audit.verify', 'audit.export'] as const) {
        const r = await c.call(user, method, {});
        expect(code(r), `${method} as ${user}`).toBe('forbidden');
      }
    }
    // A county account of a role that has the permission: the log is one chain for the whole city.
    for (const user of ['wudi-credit', 'wudi-admin']) {
      const before = newest(c);
      for (const method of ['audit.list', 'audit.verify', 'audit.export'] as const) {
        const r = await c.call(user, method, {});
        expect(r.ok ? null : r.error.reason, `${method} as ${user}`).toEqual({ code: 'auth.cityWideOnly', params: { method } });
      }
      expect(entriesAfter(c, before).filter((e) => e.action.startsWith('audit.'))).toEqual([]);
      // Its session does not offer the screen either.
      const status = await c.ok(user, 'auth.status', {});
      expect(status.session?.permissions).not.toContain('audit.view');
    }
    expect((await c.ok('cre', 'auth.status', {})).session?.permissions).toContain('audit.view');
    expect((await c.ok('admin', 'audit.list', {})).total).toBeGreaterThan(0);
    expect((await c.ok('cre', 'audit.list', {})).total).toBeGreaterThan(0);
  });

  test('newest first, paged on the server: the total is every entry up to upTo, and pages pinned there do not shift', async () => {
    const first = await c.ok('admin', 'audit.list', { limit: 5 });
    expect(first.upTo).toBe(newest(c) - 1); // the read's own entry came after
    expect(first.total).toBe(first.upTo);
    expect(first.rows.map((r) => r.id)).toEqual([0, 1, 2, 3, 4].map((i) => first.upTo - i));
    const second = await c.ok('admin', 'audit.list', { upTo: first.upTo, offset: 5, limit: 5 });
    expect(second.rows.map((r) => r.id)).toEqual([5, 6, 7, 8, 9].map((i) => first.upTo - i));
    expect(second.total).toBe(first.total);
    // Unpinned, the reads in between shift the list: two reads since, two new entries on top.
    expect((await c.ok('admin', 'audit.list', { limit: 1 })).rows[0]!.id).toBe(first.upTo + 2);
    const refused = await c.call('admin', 'audit.list', { limit: 501 });
    expect(code(refused)).toBe('bad_request');
  });

  test('by user (any case) and by action, exact or a family ending with a dot', async () => {
    const byOfc = await everyRow(c, 'admin', { user: 'OFC' });
    expect(byOfc.total).toBe(db.prepare("SELECT count(*) FROM audit_log WHERE user_name = 'ofc' AND id <= ?").pluck().get(newest(c)));
    expect(byOfc.rows.every((r) => r.user === 'ofc')).toBe(true);
    expect(new Set(byOfc.rows.map((r) => r.action))).toEqual(new Set(['auth.sign_in', 'people.unmask', 'case.open']));

    const unmasks = await everyRow(c, 'admin', { action: 'people.unmask' });
    expect(unmasks.total).toBe(2);
    const auth = await everyRow(c, 'admin', { action: 'auth.' });
    expect(auth.rows.length).toBeGreaterThan(3);
    expect(auth.rows.every((r) => r.action.startsWith('auth.'))).toBe(true);
    // A prefix is a family, not the start of a word: 'auth' alone is an action of its own (none).
    expect((await c.ok('admin', 'audit.list', { action: 'auth' })).total).toBe(0);
    const both = await everyRow(c, 'admin', { user: 'ofc', action: 'case.' });
    expect(both.rows.map((r) => r.action)).toEqual(['case.open']);
  });

  test('by person: a typed ID number (checked) or a reference of the session, matched against the keyed target', async () => {
    const target = auditTargetOf(db, someone!);
    const byId = await everyRow(c, 'admin', { personId: someone! });
    expect(byId.rows.map((r) => r.action).sort()).toEqual(['case.open', 'people.unmask']);
    expect(byId.rows.every((r) => r.target === target)).toBe(true);
    // The same by a reference the credit officer's page received; newest, the read just made by
    // person is about them too (who looked at whose trail).
    const byRef = await everyRow(c, 'cre', { personRef: await c.ref('cre', someone!) });
    expect(byRef.rows[0]).toMatchObject({ user: 'admin', action: 'audit.read', target });
    expect(byRef.rows.slice(1).map((r) => r.id)).toEqual(byId.rows.map((r) => r.id));
    const bad = await c.call('admin', 'audit.list', { personId: someone!.slice(0, 17) + (someone!.endsWith('0') ? '1' : '0') });
    expect(code(bad)).toBe('bad_request');
    expect(bad.ok ? '' : bad.error.message).toMatch(/personId must be an 18-character ID number/);
    expect(bad.ok ? '' : bad.error.messageZh).toMatch(/身份证号/);
    // Another session's reference names nobody here.
    const foreign = await c.call('admin', 'audit.list', { personRef: await c.ref('cre', someone!) });
    expect(foreign.ok ? null : foreign.error.reason).toEqual({ code: 'audit.noSuchPerson' });
  });

  test('by period: days from their start to their end, instants to the minute or second they name', async () => {
    const timed = async (from?: string, to?: string) =>
      (await everyRow(c, 'admin', { action: 'test.timed', ...(from ? { from } : {}), ...(to ? { to } : {}) })).rows.map((r) => r.at).sort();
    expect(await timed('2020-02-10', '2020-02-10')).toEqual(['2020-02-10T08:00:00+08:00', '2020-02-10T23:59:59+08:00']);
    expect(await timed('2020-02-11')).toEqual(['2020-02-11T00:00:00+08:00', '2020-02-11T12:30:30+08:00']);
    expect(await timed(undefined, '2020-02-11 12:30')).toHaveLength(4);
    expect(await timed(undefined, '2020-02-11 12:29')).toHaveLength(3);
    expect(await timed('2020-02-10T23:59:59+08:00', '2020-02-11T00:00:00+08:00')).toHaveLength(2);
    expect(await timed('2020-02-10T16:00:01Z')).toEqual(['2020-02-11T12:30:30+08:00']);
    const backwards = await c.call('admin', 'audit.list', { from: '2020-02-11', to: '2020-02-10' });
    expect(backwards.ok ? null : backwards.error.reason).toEqual({ code: 'audit.toBeforeFrom' });
    const nonsense = await c.call('admin', 'audit.list', { from: 'yesterday' });
    expect(nonsense.ok ? '' : nonsense.error.message).toMatch(/from must be a day like 2020-02-20 or a time like 2020-02-20 08:30/);
  });

  test('every read is an entry of its own: who, which filters, the person by keyed hash and masked ID only', async () => {
    const before = newest(c);
    await c.ok('cre', 'audit.list', { personId: other!, action: 'people.', from: '2020-02-01', offset: 0, limit: 20 });
    const [read] = entriesAfter(c, before);
    expect(read).toMatchObject({ user_name: 'cre', action: 'audit.read', target: auditTargetOf(db, other!) });
    expect(JSON.parse(read!.details)).toEqual({
      upTo: before,
      action: 'people.',
      person: maskPersonId(other!),
      from: '2020-02-01',
      offset: 0,
      limit: 20,
      total: 1,
    });
    expect(read!.details).not.toContain(other!);
    await c.ok('admin', 'audit.verify', {});
    const [check] = entriesAfter(c, before + 1);
    expect(check).toMatchObject({ user_name: 'admin', action: 'audit.verify', target: null });
    expect(JSON.parse(check!.details)).toMatchObject({ ok: true, first_broken: null, head: before + 1 });
  });

  test('verify: the chain is intact, with its head, its length and the anchor beside the database', async () => {
    const head = newest(c);
    const v = await c.ok('admin', 'audit.verify', {});
    expect(v).toMatchObject({ ok: true, firstBroken: null, problem: null, entries: head });
    expect(v.head.id).toBe(head);
    expect(v.head.hash).toBe(db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(head));
    expect(v.anchor).not.toBeNull();
    expect(v.anchor!.id).toBeLessThanOrEqual(head);
    expect(v.ms).toBeGreaterThanOrEqual(0);
  });

  test('export: the filtered list as Excel, masked, with the head on it; audited with its filters', async () => {
    const before = newest(c);
    const file = join(c.dir, 'audit-export.xlsx');
    const r = await c.call('cre', 'audit.export', { action: 'people.unmask', target: file }, 'ipc');
    expect(r.ok ? r.value : r.error).toMatchObject({ rows: 2, fileName: 'audit-export.xlsx', downloadUrl: null });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('审计日志')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts.join('\n')).not.toMatch(UNMASKED_ID);
    expect(texts.join('\n')).toContain(maskPersonId(someone!));
    expect(texts.join('\n')).toContain(`第 ${before} 条`);
    expect(texts.filter((t) => t === 'people.unmask')).toHaveLength(2);
    const [exported] = entriesAfter(c, before);
    expect(exported).toMatchObject({ user_name: 'cre', action: 'audit.export', target: null });
    expect(JSON.parse(exported!.details)).toEqual({ upTo: before, action: 'people.unmask', rows: 2, total: 2 });
    // In the browser, the file is a one-time download of this session.
    expect((await c.ok('admin', 'audit.export', {})).downloadUrl).toMatch(/^\/download\//);
  });
});

describe('a log edited behind the console’s back', () => {
  test('an entry written around the application is shown masked, and verify reports the first broken entry', async () => {
    const c = await testConsole(tempDir(), { users: USERS.slice(0, 2) });
    await c.ok('admin', 'audit.list', {});
    expect(await c.ok('admin', 'audit.verify', {})).toMatchObject({ ok: true });
    const raw = c.services.db;
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const victim = 2;
    raw.prepare('UPDATE audit_log SET details = \'{"note":"372301198001011234 rewritten"}\' WHERE id = ?').run(victim);
    const edited = (await c.ok('admin', 'audit.list', { limit: 500 })).rows.find((r) => r.id === victim)!;
    expect(edited.details).toBe('{"note":"372301********1234 rewritten"}');
    const v = await c.ok('admin', 'audit.verify', {});
    expect(v).toMatchObject({ ok: false, firstBroken: victim, problem: 'edited', anchor: null });
    // The check that found it is recorded too (on the broken chain, after its end).
    const last = raw.prepare('SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1').get() as Entry;
    expect(last.action).toBe('audit.verify');
    expect(JSON.parse(last.details)).toMatchObject({ ok: false, first_broken: victim, problem: 'edited' });
  });
});

describe('a family of actions, large or rare', () => {
  test('reads the same pages whether the log is walked newest first or the action index is sorted', async () => {
    const db = openDatabase(join(tempDir(), 'families.db'));
    const actions: string[] = [];
    for (let i = 0; i < 400; i++) actions.push(i % 2 === 0 ? 'big.one' : i % 100 === 1 ? 'rare.one' : i % 3 === 0 ? 'big.two' : 'other');
    db.transaction(() => actions.forEach((action, i) => audit(db, { user: 'u', action, at: 1_000 + i })))();
    const upTo = 400;
    for (const family of ['big.', 'rare.', 'other.']) {
      const expected = actions
        .map((a, i) => [a, i + 1] as const)
        .filter(([a]) => a.startsWith(family))
        .map(([, id]) => id)
        .reverse();
      for (const [offset, limit] of [
        [0, 10],
        [5, 3],
        [150, 100],
        [0, 500],
      ] as const) {
        const page = auditPage(db, { upTo, action: family }, offset, limit);
        expect(page.total, family).toBe(expected.length);
        expect(
          page.rows.map((r) => r.id),
          `${family} ${offset}+${limit}`,
        ).toEqual(expected.slice(offset, offset + limit));
      }
    }
    db.close();
  });
});
