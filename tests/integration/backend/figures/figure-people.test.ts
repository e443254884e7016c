/**
 * The people behind every figure (issue 16): for each figure of a day the dashboard shows, city-wide
 * and for every county (KPI cards, the county table, the day's transitions, the trend's turns and
 * new codes), paging through the whole list gives exactly as many different people as the figure,
 * each of them counted by it; sorted as asked; county accounts get their own county's list only;
 * the export is masked (full only for a role that may unmask), holds the whole list, and is audited.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { DashboardSummary, Figure, FigurePeoplePage, FigurePerson, ParamsOf } from '../../../../shared/contract/api.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import type { CodeColor } from '../../../../shared/domain/rules/colors.ts';
import { type TestConsole, testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const DIR = suiteTempDir();
const USERS = [
  { name: 'ofc', role: 'officer' },
  { name: 'wri', role: 'writer' },
  { name: 'wudi', role: 'officer', county: '371623' },
];
const UNMASKED_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

let consoleP: Promise<TestConsole> | null = null;
const city = () => (consoleP ??= testConsole(DIR, { demo: { people: 3000, days: 10 }, users: USERS }));

type Query = Omit<ParamsOf<'figures.people'>, 'offset' | 'limit'>;

/** The whole list, page by page (pages of 97 so that a page boundary falls inside runs of a day). */
async function wholeList(c: TestConsole, user: string, q: Query): Promise<{ first: FigurePeoplePage; rows: FigurePerson[] }> {
  const first = await c.ok(user, 'figures.people', { ...q, offset: 0, limit: 97 });
  const rows = [...first.rows];
  while (rows.length < first.total + 97) {
    const next = await c.ok(user, 'figures.people', { ...q, offset: rows.length, limit: 97 });
    expect(next.total).toBe(first.total);
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  return { first, rows };
}

const STOCKS: [
  Figure,
  (r: { red: number; yellow: number; green: number; total: number; noCode: number }) => number,
  (c: CodeColor) => boolean,
][] = [
  ['red', (r) => r.red, (c) => c === 'red'],
  ['yellow', (r) => r.yellow, (c) => c === 'yellow'],
  ['green', (r) => r.green, (c) => c === 'green'],
  ['holders', (r) => r.total, (c) => c !== 'none'],
  ['noCode', (r) => r.noCode, (c) => c === 'none'],
];

describe('the list behind each figure holds exactly the people the figure counts', () => {
  test('every figure of the last day and of a day in the middle, city-wide and in each county', async () => {
    const c = await city();
    const checked: string[] = [];
    for (const asOf of ['2020-02-19', '2020-02-14']) {
      for (const county of [null, ...COUNTIES.map((k) => k.code)]) {
        const s: DashboardSummary = await c.ok('ofc', 'dashboard.summary', { asOf, county, trendDays: 1 });
        const row = county === null ? s.kpis : s.counties.find((r) => r.countyCode === county)!;
        for (const [figure, value, holds] of STOCKS) {
          const { first, rows } = await wholeList(c, 'ofc', { figure, asOf, county });
          expect(first.total, `${figure} ${county} ${asOf}`).toBe(value(row));
          expect(rows.length, `${figure} ${county} ${asOf}`).toBe(value(row));
          const ids = await Promise.all(rows.map((r) => c.idOf('ofc', r.ref)));
          expect(new Set(ids).size).toBe(rows.length);
          for (const r of rows) {
            expect(holds(r.color)).toBe(true);
            if (county !== null) expect(r.county).toBe(county);
            if (r.since !== null) expect(r.since <= asOf).toBe(true);
          }
          checked.push(`${figure}:${value(row)}`);
        }
        for (const t of s.transitions) {
          const { rows } = await wholeList(c, 'ofc', { figure: 'transition', from: t.from, to: t.to, asOf, county });
          expect(rows.length, `${t.from}>${t.to} ${county} ${asOf}`).toBe(t.n);
          for (const r of rows) expect([r.from, r.color, r.since]).toEqual([t.from, t.to, asOf]);
        }
        const point = s.trend[s.trend.length - 1]!;
        for (const [figure, n] of [
          ['turnedRed', point.turnedRed],
          ['turnedYellow', point.turnedYellow],
          ['turnedGreen', point.turnedGreen],
          ['newCodes', point.newCodes],
        ] as const) {
          const { rows } = await wholeList(c, 'ofc', { figure, asOf, county });
          expect(rows.length, `${figure} ${county} ${asOf}`).toBe(n);
          checked.push(`${figure}:${n}`);
        }
      }
    }
    // The city has red, yellow and new codes to list: the checks above were not of empty lists only.
    expect(checked.filter((x) => x.startsWith('red:') && !x.endsWith(':0')).length).toBeGreaterThan(3);
    expect(checked.filter((x) => x.startsWith('turnedYellow:') && !x.endsWith(':0')).length).toBeGreaterThan(0);
  }, 240_000);

  test('sorted as asked: by since-date either way, by ID; the first page equals the start of the whole list', async () => {
    const c = await city();
    for (const [figure, county] of [
      ['red', undefined],
      ['green', undefined],
      ['holders', undefined],
      ['green', '371623'],
    ] as const) {
      const desc = (await wholeList(c, 'ofc', { figure, county, asOf: '2020-02-19', sort: 'since_desc' })).rows;
      const asc = (await wholeList(c, 'ofc', { figure, county, asOf: '2020-02-19', sort: 'since_asc' })).rows;
      const byId = (await wholeList(c, 'ofc', { figure, county, asOf: '2020-02-19', sort: 'id' })).rows;
      const days = (rows: FigurePerson[]) => rows.map((r) => r.since ?? '');
      expect(days(desc)).toEqual([...days(desc)].sort().reverse());
      expect(days(asc)).toEqual([...days(asc)].sort());
      const ids = (rows: FigurePerson[]) => Promise.all(rows.map((r) => c.idOf('ofc', r.ref)));
      const sortedIds = await ids(byId);
      // A county's list in ID order starts at the county's code and wraps round (figure-people.ts).
      if (county === undefined) expect(sortedIds).toEqual([...sortedIds].sort());
      // Exactly the ID-ordered list re-sorted by since-date, ties by ID the same way round.
      const idOf = new Map(byId.map((r, i) => [r.ref, sortedIds[i]!]));
      const key = async (rows: FigurePerson[]) => (await ids(rows)).map((id, i) => `${rows[i]!.since ?? ''} ${id}`);
      const byIdKeys = byId.map((r) => `${r.since ?? ''} ${idOf.get(r.ref)}`);
      expect(await key(asc)).toEqual([...byIdKeys].sort());
      expect(await key(desc)).toEqual([...byIdKeys].sort().reverse());
      expect(desc.length).toBeGreaterThan(5);
      // The reason a red run began is a recorded one (a source and condition), worded by the interface.
      if (figure === 'red') expect(desc.every((r) => r.cause !== null)).toBe(true);
    }
  }, 120_000);

  test('a county account gets its own county whatever it asks; a transition needs its colours', async () => {
    const c = await city();
    const own = await c.ok('wudi', 'figures.people', { figure: 'holders', county: '371602', offset: 0, limit: 500 });
    expect(own.county).toBe('371623');
    expect(own.rows.every((r) => r.county === '371623')).toBe(true);
    const bad = await c.call('ofc', 'figures.people', { figure: 'transition', from: 'green', offset: 0, limit: 5 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('bad_request');
    expect(bad.ok ? '' : bad.error.message).toMatch(/from and to/);
  });
});

describe('the export of a list', () => {
  async function read(file: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets[0]!;
  }
  const dataRows = (ws: ExcelJS.Worksheet) => {
    const out: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') out.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    return out;
  };

  test('masked for a writer, every person of the figure, audited; full values refused to a writer', async () => {
    const c = await city();
    const total = (await c.ok('wri', 'figures.people', { figure: 'green', asOf: '2020-02-19', offset: 0, limit: 1 })).total;
    const file = join(DIR, 'green.xlsx');
    const r = await c.call('wri', 'figures.export', { figure: 'green', asOf: '2020-02-19', target: file }, 'ipc');
    expect(r.ok ? r.value.rows : r.error).toBe(total);
    const ws = await read(file);
    const rows = dataRows(ws);
    expect(rows.length).toBe(total);
    expect(rows.map((x) => x[0])).toEqual(rows.map((_, i) => i + 1));
    expect(JSON.stringify(rows)).not.toMatch(UNMASKED_ID);
    expect(rows.every((x) => x[5] === '绿码')).toBe(true);
    expect(String(ws.getRow(1).getCell(1).value)).toContain('绿码人员');
    const entry = c.services.db
      .prepare("SELECT user_name, details FROM audit_log WHERE action = 'figures.export' ORDER BY id DESC")
      .get() as {
      user_name: string;
      details: string;
    };
    expect(entry.user_name).toBe('wri');
    expect(JSON.parse(entry.details)).toMatchObject({ figure: 'green', rows: total, unmasked: false });
    const refused = await c.call('wri', 'figures.export', { figure: 'green', unmask: true, target: file }, 'ipc');
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });

  test('full ID numbers for an officer who asks, recorded as unmasked', async () => {
    const c = await city();
    const file = join(DIR, 'red.xlsx');
    const r = await c.call('ofc', 'figures.export', { figure: 'red', asOf: '2020-02-19', unmask: true, target: file }, 'ipc');
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    const rows = dataRows(await read(file));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => UNMASKED_ID.test(String(x[1])))).toBe(true);
    const details = c.services.db
      .prepare("SELECT details FROM audit_log WHERE action = 'figures.export' ORDER BY id DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(details)).toMatchObject({ figure: 'red', unmasked: true });
    expect(details).not.toMatch(UNMASKED_ID);
  });
});

describe('every table exports', () => {
  const cellsOf = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };

  test('the county table with the city total row, as the dashboard shows it; a county account gets its county only', async () => {
    const c = await city();
    const s = await c.ok('ofc', 'dashboard.summary', { asOf: '2020-02-19', trendDays: 1 });
    const file = join(DIR, 'counties.xlsx');
    expect((await c.call('ofc', 'dashboard.export', { table: 'counties', asOf: '2020-02-19', target: file }, 'ipc')).ok).toBe(true);
    const rows = await cellsOf(file);
    const total = rows.find((r) => r[0] === '全市合计')!;
    expect(total.slice(1, 5).map(Number)).toEqual([s.cityTotal!.total, s.cityTotal!.red, s.cityTotal!.yellow, s.cityTotal!.green]);
    for (const k of s.counties) expect(rows.some((r) => r[0] === k.countyName && Number(r[2]) === k.red)).toBe(true);
    const own = join(DIR, 'wudi-counties.xlsx');
    expect((await c.call('wudi', 'dashboard.export', { table: 'counties', target: own }, 'ipc')).ok).toBe(true);
    const wudi = await cellsOf(own);
    expect(wudi.some((r) => r[0] === '无棣县')).toBe(true);
    expect(wudi.some((r) => r[0] === '滨城区' || r[0] === '全市合计')).toBe(false);
  });

  test('the transitions of the day; the people search results, masked and audited', async () => {
    const c = await city();
    const s = await c.ok('ofc', 'dashboard.summary', { asOf: '2020-02-19', trendDays: 1 });
    const file = join(DIR, 'transitions.xlsx');
    const r = await c.call('ofc', 'dashboard.export', { table: 'transitions', asOf: '2020-02-19', target: file }, 'ipc');
    expect(r.ok ? r.value.rows : r.error).toBe(s.transitions.length);
    const rows = await cellsOf(file);
    const words = new Set(['红码', '黄码', '绿码', '未申领']);
    const sum = rows.filter((x) => words.has(x[0]!) && words.has(x[1]!)).reduce((a, x) => a + Number(x[2]), 0);
    expect(sum).toBe(s.transitions.reduce((a, t) => a + t.n, 0));

    const someone = c.services.db.prepare('SELECT name FROM residents WHERE length(name) >= 2 LIMIT 1').pluck().get() as string;
    const query = someone.slice(0, 2);
    const found = await c.ok('ofc', 'people.search', { query, limit: 200 });
    const out = join(DIR, 'search.xlsx');
    const e = await c.call('ofc', 'people.exportSearch', { query, target: out }, 'ipc');
    expect(e.ok ? e.value.rows : e.error).toBe(found.length);
    const cells = await cellsOf(out);
    expect(JSON.stringify(cells)).not.toMatch(UNMASKED_ID);
    expect(cells.filter((x) => x[0]!.includes('*')).length).toBe(found.length);
    const entry = c.services.db
      .prepare("SELECT details FROM audit_log WHERE action = 'people.exportSearch' ORDER BY id DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toMatchObject({ rows: found.length });
  });
});
