/**
 * Case work through the API on a real database (issue 16): the queue searched by ID number, phone,
 * name and case number, filtered by county and behaviour, sorted by age across pages, a county
 * account held to its county; a bulk move that takes each case as a single move does and reports
 * the ones it left; the queue as Excel, masked and audited; a person's cases; detector summaries
 * said in English.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { detectCases } from '../../../../electron/backend/pipelines/detect-cases.ts';
import type { CaseSummary, ParamsOf } from '../../../../shared/contract/api.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { summaryText } from '../../../../shared/words/evidence-words.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const HOME = '371623';
const USERS = [
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wudi-cre', role: 'credit', county: HOME },
];
const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;
const CJK = /[\u4e00-\u9fff]/;

describe('case work', async () => {
  const dir = suiteTempDir();
  const c = await testConsole(dir, { demo: { people: 2500, days: 8 }, users: USERS });
  const db = c.services.db;
  await detectCases(db, { actor: { user: 'detector' }, full: true });
  const sql = <T>(q: string, ...p: unknown[]) => db.prepare(q).all(...p) as T[];
  const one = <T>(q: string, ...p: unknown[]) => db.prepare(q).get(...p) as T;

  // Reports of people in two counties, opened at known times on the clock (a day apart).
  const base = Date.parse('2020-02-14T09:00:00+08:00');
  let clock = base;
  c.services.now = () => clock;
  const of = (county: string) =>
    sql<{ person_id: string; name: string; phone: string; county_code: string }>(
      `SELECT r.person_id, r.name, r.phone, r.county_code FROM residents r JOIN person_codes p USING (person_id)
       WHERE r.county_code = ? AND r.name IS NOT NULL AND r.phone IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.person_id = r.person_id) ORDER BY r.person_id LIMIT 6`,
      county,
    );
  const [bincheng, wudi] = [of('371602'), of(HOME)];
  // Alternately of each county, so both have reports of both behaviours.
  const people = bincheng.flatMap((p, i) => [p, wudi[i]!]);
  const flagged: { id: number; personId: string; county: string }[] = [];
  for (const [i, p] of people.entries()) {
    clock = base + i * 86_400_000;
    const ref = await c.ref('ofc', p.person_id);
    const d = await c.ok('ofc', 'cases.flag', { ref, behavior: Math.floor(i / 2) % 2 ? 'screenshot' : 'other', reason: `群众举报 ${i}` });
    flagged.push({ id: d.id, personId: p.person_id, county: p.county_code });
  }
  clock = base + 30 * 86_400_000;
  const total = one<{ n: number }>('SELECT count(*) AS n FROM cases').n;

  const list = (user: string, p: ParamsOf<'cases.list'>) => c.ok(user, 'cases.list', p);
  /** Every row of a filtered list, page by page (the server's paging, as the queue pages it). */
  const allPages = async (user: string, p: ParamsOf<'cases.list'>, limit = 7): Promise<CaseSummary[]> => {
    const rows: CaseSummary[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await list(user, { ...p, offset, limit });
      rows.push(...page.rows);
      if (rows.length >= page.total) return rows;
    }
  };

  test('the detectors and the reports gave the queue cases of every kind to work on', () => {
    expect(total).toBeGreaterThan(20);
    const behaviors = sql<{ behavior: string }>('SELECT DISTINCT behavior FROM cases').map((r) => r.behavior);
    expect(behaviors.sort()).toEqual(['false_declaration', 'impersonation', 'other', 'screenshot']);
  });

  test('filters by county and by behaviour, alone and together, and counts what they select', async () => {
    const bincheng = await list('cre', { county: '371602', limit: 200 });
    expect(bincheng.total).toBe(one<{ n: number }>("SELECT count(*) AS n FROM cases WHERE county_code = '371602'").n);
    expect(bincheng.rows.every((r) => r.county === '371602')).toBe(true);
    const shots = await list('cre', { behavior: 'screenshot', limit: 200 });
    expect(shots.total).toBe(one<{ n: number }>("SELECT count(*) AS n FROM cases WHERE behavior = 'screenshot'").n);
    expect(shots.rows.every((r) => r.behavior === 'screenshot')).toBe(true);
    const both = await list('cre', { county: HOME, behavior: 'other', state: 'suspected' });
    expect(both.total).toBe(
      one<{ n: number }>("SELECT count(*) AS n FROM cases WHERE county_code = ? AND behavior = 'other' AND state = 'suspected'", HOME).n,
    );
    expect(both.total).toBeGreaterThan(0);
  });

  test('sorts by age across pages: oldest first is the opening order, newest first its reverse', async () => {
    const oldest = await allPages('cre', { sort: 'oldest' });
    expect(oldest).toHaveLength(total);
    const opened = oldest.map((r) => r.openedAt);
    expect(opened).toEqual([...opened].sort((a, b) => a - b));
    expect(new Set(oldest.map((r) => r.id)).size).toBe(total);
    const newest = await allPages('cre', {});
    expect(newest.map((r) => r.id)).toEqual(oldest.map((r) => r.id).reverse());
    // The reports were opened a day apart: the oldest of them is 30 days old on the console's clock.
    const page = await list('cre', { behavior: 'other', sort: 'oldest', limit: 1 });
    expect(page.now).toBe(clock);
    expect(Math.floor((page.now - page.rows[0]!.openedAt) / 86_400_000)).toBe(30);
  });

  test('searches by the whole ID number, phone, name and case number; part of an ID finds nothing and says so', async () => {
    const p = people[0]!;
    const byId = await list('cre', { search: p.person_id });
    expect(byId).toMatchObject({ searchedAs: 'id', total: 1 });
    expect(byId.rows[0]!.idMasked).toBe(maskPersonId(p.person_id));
    expect((await list('cre', { search: ` ${p.person_id.toLowerCase()} ` })).total).toBe(1);
    expect(await list('cre', { search: p.phone })).toMatchObject({ searchedAs: 'phone', total: 1 });
    expect(await list('cre', { search: `#${flagged[3]!.id}` })).toMatchObject({ searchedAs: 'case', total: 1 });
    const partial = await list('cre', { search: p.person_id.slice(0, 10) });
    expect(partial).toMatchObject({ searchedAs: 'id_incomplete', total: 0, rows: [] });
    // A name, or the start of one: every case whose person's name starts so.
    const start = [...p.name].slice(0, 2).join('');
    const byName = await list('cre', { search: start, limit: 200 });
    expect(byName.searchedAs).toBe('name');
    const expected = one<{ n: number }>(
      'SELECT count(*) AS n FROM cases c JOIN residents r USING (person_id) WHERE r.name >= ? AND r.name < ?',
      start,
      `${start}\uffff`,
    ).n;
    expect(byName.total).toBe(expected);
    expect(byName.rows.map((r) => r.id)).toContain(flagged[0]!.id);
    // The search narrows the other filters, never widens them.
    expect((await list('cre', { search: p.person_id, behavior: 'impersonation' })).total).toBe(0);
  });

  test('a county account sees its county only, whatever county or person it asks for', async () => {
    const mine = await allPages('wudi-cre', { county: '371602' });
    expect(mine.length).toBe(one<{ n: number }>('SELECT count(*) AS n FROM cases WHERE county_code = ?', HOME).n);
    expect(mine.every((r) => r.county === HOME)).toBe(true);
    const outsider = flagged.find((f) => f.county !== HOME)!;
    expect((await list('wudi-cre', { search: outsider.personId })).total).toBe(0);
    expect((await list('wudi-cre', { search: `#${outsider.id}` })).total).toBe(0);
  });

  test('a person’s cases, for their page', async () => {
    const f = flagged[1]!;
    const rows = await c.ok('cre', 'cases.ofPerson', { ref: await c.ref('cre', f.personId) });
    expect(rows.map((r) => r.id)).toEqual([f.id]);
  });

  test('a bulk review moves each case as a single move does and reports, masked, those it left', async () => {
    const home = flagged.filter((f) => f.county === HOME);
    const [a, b, d] = home;
    // One of them already decided: it cannot be reviewed again.
    await c.ok('cre', 'cases.move', { id: d!.id, move: 'review', reason: '审查' });
    await c.ok('cre', 'cases.move', { id: d!.id, move: 'decide', reason: '经核实，转为红码' });
    const outsider = flagged.find((f) => f.county !== HOME)!;
    const auditBefore = one<{ n: number }>('SELECT max(id) AS n FROM audit_log').n;

    const r = await c.ok('wudi-cre', 'cases.moveMany', {
      ids: [a!.id, b!.id, d!.id, outsider.id, 987654],
      move: 'review',
      reason: '批量开始审查',
    });
    expect(r.moved).toEqual([a!.id, b!.id]);
    expect(r.refused.map((x) => [x.id, x.error.code])).toEqual([
      [d!.id, 'conflict'],
      [outsider.id, 'not_found'],
      [987654, 'not_found'],
    ]);
    // The refused case of one's own county is named masked, with the single move's words; another
    // county's case is told as one that does not exist, and names no one.
    expect(r.refused[0]).toMatchObject({ idMasked: maskPersonId(d!.personId) });
    expect(r.refused[0]!.error.messageZh).toContain('已决定');
    expect(r.refused[1]).toMatchObject({ idMasked: null, nameMasked: null });
    expect(r.refused[1]!.error.message).toBe(r.refused[2]!.error.message.replace('987654', String(outsider.id)));
    expect(JSON.stringify(r)).not.toContain(maskPersonId(outsider.personId));

    // The same entries as single moves: the history step with the reason, and one case.review each.
    for (const x of [a!, b!]) {
      const detail = await c.ok('cre', 'cases.get', { id: x.id });
      expect(detail.state).toBe('under_review');
      expect(detail.history.at(-1)).toMatchObject({
        move: 'review',
        from: 'suspected',
        to: 'under_review',
        reason: '批量开始审查',
        user: 'wudi-cre',
      });
    }
    const entries = sql<{ action: string; details: string }>('SELECT action, details FROM audit_log WHERE id > ? ORDER BY id', auditBefore);
    expect(entries.map((e) => e.action)).toEqual(['case.review', 'case.review']);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ case: a!.id, from: 'suspected', to: 'under_review', reason: '批量开始审查' });
    expect(one<{ state: string }>('SELECT state FROM cases WHERE id = ?', outsider.id).state).toBe('suspected');
  });

  test('a bulk close of served terms ends each forced red through the decision outbox, as closing one does', async () => {
    const decided = flagged.filter((f) => f.county !== HOME).slice(0, 2);
    for (const f of decided) {
      await c.ok('cre', 'cases.move', { id: f.id, move: 'review', reason: '审查' });
      await c.ok('cre', 'cases.move', { id: f.id, move: 'decide', reason: '经核实，转为红码' });
    }
    const r = await c.ok('cre', 'cases.moveMany', { ids: decided.map((f) => f.id), move: 'close', reason: '期满结案' });
    expect(r).toEqual({ moved: decided.map((f) => f.id), refused: [] });
    for (const f of decided) {
      const actions = sql<{ action: string }>('SELECT action FROM decision_outbox WHERE case_id = ? ORDER BY id', f.id).map(
        (o) => o.action,
      );
      expect(actions).toEqual(['force_red', 'end']);
    }
  });

  test('a bulk move is refused whole when its reason is missing, to officers, and for a decision', async () => {
    const f = flagged.find(
      (x) => x.county !== HOME && one<{ state: string }>('SELECT state FROM cases WHERE id = ?', x.id).state === 'suspected',
    )!;
    const noReason = await c.call('cre', 'cases.moveMany', { ids: [f.id], move: 'review', reason: ' x ' });
    expect(noReason.ok ? null : noReason.error.reason?.code).toBe('cases.reasonMissing');
    const officer = await c.call('ofc', 'cases.moveMany', { ids: [f.id], move: 'review', reason: '审查' });
    expect(officer.ok ? null : officer.error.code).toBe('forbidden');
    const decide = await c.call('cre', 'cases.moveMany', { ids: [f.id], move: 'decide' as 'review', reason: '决定' });
    expect(decide.ok ? null : decide.error.code).toBe('bad_request');
    expect(one<{ state: string }>('SELECT state FROM cases WHERE id = ?', f.id).state).toBe('suspected');
  });

  test('the queue exports the filtered list, every page of it, masked, and the export is audited', async () => {
    const file = join(dir, 'queue.xlsx');
    const params = { behavior: 'screenshot', sort: 'oldest', target: file } as const;
    const r = await c.call('cre', 'cases.export', params, 'ipc');
    if (!r.ok) throw new Error(r.error.message);
    const expected = await allPages('cre', { behavior: 'screenshot', sort: 'oldest' });
    expect(r.value.rows).toBe(expected.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('案件队列')!;
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([
      '案件编号',
      '身份证号',
      '姓名',
      '县（市、区）',
      '行为',
      '状态',
      '立案时间',
      '立案人',
      '已立案（天）',
      '证据摘要',
    ]);
    const rows = ws.getRows(5, expected.length)!.map((row) => (row.values as unknown[]).slice(1));
    expect(rows.map((row) => row[0])).toEqual(expected.map((e) => e.id));
    expect(rows.every((row) => MASKED_ID.test(String(row[1])))).toBe(true);
    expect(rows.every((row) => row[4] === '套取截图')).toBe(true);
    expect(String(ws.getCell(3, 1).value)).toContain('行为：套取截图');
    // No full ID anywhere in the workbook.
    const everything = JSON.stringify(ws.getSheetValues());
    for (const f of flagged) expect(everything).not.toContain(f.personId);
    const entry = one<{ user_name: string; details: string }>(
      "SELECT user_name, details FROM audit_log WHERE action = 'export.cases' ORDER BY id DESC",
    );
    expect(entry.user_name).toBe('cre');
    expect(JSON.parse(entry.details)).toMatchObject({ rows: expected.length, behavior: 'screenshot', sort: 'oldest', search: null });

    // A search by ID number is written down masked; a county account's export is its county's.
    const searched = await c.call(
      'wudi-cre',
      'cases.export',
      { search: people[0]!.person_id, county: '371602', target: join(dir, 'q2.xlsx') },
      'ipc',
    );
    expect(searched.ok).toBe(true);
    const details = JSON.parse(
      one<{ details: string }>("SELECT details FROM audit_log WHERE action = 'export.cases' ORDER BY id DESC").details,
    ) as Record<string, unknown>;
    expect(details).toMatchObject({ county: HOME, search: `id:${maskPersonId(people[0]!.person_id)}` });
    expect(JSON.stringify(details)).not.toContain(people[0]!.person_id);
  });

  test('a detector’s summary is kept in machine words too, and says the same in Chinese and in English', async () => {
    const page = await list('cre', { limit: 200 });
    const byBehavior = new Map<string, CaseSummary>();
    for (const r of page.rows) if (r.summaryClauses && !byBehavior.has(r.behavior)) byBehavior.set(r.behavior, r);
    expect([...byBehavior.keys()].sort()).toEqual(['false_declaration', 'impersonation', 'screenshot']);
    for (const r of byBehavior.values()) {
      expect(summaryText(r.summaryClauses!, 'zh'), r.behavior).toBe(r.summary);
      const en = summaryText(r.summaryClauses!, 'en');
      // Names of sites and facilities are data and stay as recorded; the sentence around them is English.
      expect(en, r.behavior).toMatch(/^(Declaration of|At|Scan at) /);
      expect(en, r.behavior).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(en, r.behavior).not.toMatch(/申报称|扫码时|公里|抵滨/);
    }
    // An officer's report has no clauses: it is shown as they wrote it.
    const report = page.rows.find((r) => r.behavior === 'other')!;
    expect(report.summaryClauses).toBeNull();
    expect(report.summary).toMatch(CJK);
  });
});
