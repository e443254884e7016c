import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoResult, writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { isValidCreditCode } from '../../../../shared/domain/credit-code.ts';
import { type Cell, cellText } from '../../../../shared/domain/feeds/cells.ts';
import { FEED_NAMES, type FeedName, feedSchema } from '../../../../shared/domain/feeds/feed-schemas.ts';
import { mapHeader } from '../../../../shared/domain/feeds/header-mapping.ts';
import { validateRow } from '../../../../shared/domain/feeds/row-validation.ts';
import { TEST_WINDOW } from '../../../support/plausible.ts';

const PEOPLE = 3000;
const DAYS = 5;
const temp = mkdtempSync(join(tmpdir(), 'demo-city-'));
let city: DemoResult;
let truth: { seed: number; planted: Record<string, string[]>; bad_rows: Record<FeedName, number>; rows: Record<FeedName, number> };

beforeAll(async () => {
  city = await writeDemoCity({ out: join(temp, 'a'), people: PEOPLE, days: DAYS });
  truth = JSON.parse(readFileSync(city.truthFile, 'utf8'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A feed file's rows as the importer sees them: header first, then cells. */
async function readRows(path: string): Promise<Cell[][]> {
  if (path.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const rows: Cell[][] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        cells[col - 1] = v instanceof Date ? { excelSerial: v.getTime() / 86_400_000 + 25569 } : v === null ? '' : String(v);
      });
      rows.push(cells);
    });
    return rows;
  }
  const bytes = readFileSync(path);
  const text = new TextDecoder(path.includes('/medical/') ? 'gb18030' : 'utf-8').decode(bytes);
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

function feedFiles(feed: FeedName): string[] {
  return city.files.filter((f) => f.startsWith(`${feed}/`)).map((f) => join(city.dir, f));
}

describe('the demo city', () => {
  test('writes all twelve feed folders, the daily files and the truth file', () => {
    expect(readdirSync(city.dir).sort()).toEqual([...FEED_NAMES, 'demo-truth.json'].sort());
    expect(city.files).toEqual([...city.files].sort());
    expect(city.files).toHaveLength(7 * DAYS + 5);
    expect(city.files).toContain('checkins/checkins-2020-02-14.csv');
    expect(city.files).toContain('key_areas/key_areas-2020-02-10.xlsx');
    expect(truth.rows).toEqual(city.rows);
    for (const kind of ['false_declaration', 'screenshot', 'impersonation']) expect(truth.planted[kind]!.length).toBeGreaterThanOrEqual(3);
  });

  test('every row passes the importer validation except the planted bad rows', async () => {
    for (const feed of FEED_NAMES) {
      const schema = feedSchema(feed)!;
      let rows = 0;
      let rejects = 0;
      // Every row has its own key, so each ends accepted or rejected, never a duplicate; only
      // roaming repeats a key, on purpose: each day's file carries the newer version of a stay.
      const keys = new Set<string>();
      for (const path of feedFiles(feed)) {
        const [header, ...data] = await readRows(path);
        const mapping = mapHeader(schema, (header ?? []).map(String));
        if (!mapping.ok) throw new Error(`${path}: ${mapping.problem.en}`);
        expect(mapping.mapping.ignored).toEqual([]);
        const keyAt = schema.key.map((k) => mapping.mapping.positions[schema.columns.findIndex((c) => c.name === k)]!);
        for (const cells of data) {
          const key = keyAt.map((at) => cellText(cells[at])).join('|');
          if (feed !== 'roaming') expect(keys.has(key), `${feed} key ${key}`).toBe(false);
          keys.add(key);
          rows++;
          if (!validateRow(schema, mapping.mapping, cells, { exactFieldCount: path.endsWith('.csv'), window: TEST_WINDOW }).ok) rejects++;
        }
      }
      expect({ feed, rows, rejects }).toEqual({ feed, rows: truth.rows[feed], rejects: truth.bad_rows[feed] });
    }
    for (const feed of ['declarations', 'checkins', 'medical'] as const) expect(truth.bad_rows[feed]).toBeGreaterThan(0);
    for (const feed of FEED_NAMES) expect(truth.rows[feed], feed).toBeGreaterThan(0);
  });

  test('residents have unique ID numbers and phones', async () => {
    const [, ...residents] = await readRows(feedFiles('residents')[0]!);
    expect(residents.length).toBeGreaterThan(PEOPLE * 0.95);
    expect(new Set(residents.map((r) => r[0])).size).toBe(residents.length);
    expect(new Set(residents.map((r) => r[2])).size).toBe(residents.length);
    expect(residents.some((r) => String(r[1]).length === 4 && /^(欧阳|司马|上官|诸葛|东方|皇甫)/.test(String(r[1])))).toBe(true);
  });

  test('departments write their own encodings, headers and time formats', async () => {
    const first = (feed: FeedName) => readFileSync(feedFiles(feed)[0]!);
    const medical = first('medical');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(medical)).toThrow();
    expect(new TextDecoder('gb18030').decode(medical).split('\r\n')[0]).toBe('身份证号,发生时间,类型,机构');
    expect(new TextDecoder('gb18030').decode(medical)).toMatch(/,2020\/2\/1\d \d{1,2}:\d\d,/);
    expect([...first('checkins').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(first('travel').toString('utf8').split('\r\n')[0]).toBe('出发地代码,方式,抵滨时间,身份证号');
    expect(first('health_records').toString('utf8')).toMatch(/^\uFEFF身份证号,登记时间,状态\r\n/);
    const roaming = await readRows(feedFiles('roaming')[1]!);
    expect(roaming[1]![2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const declarations = await readRows(feedFiles('declarations')[0]!);
    expect(declarations[1]![1]).toMatch(/^2020-02-10T\d\d:\d\d:\d\d\+08:00$/);
    const checkins = await readRows(feedFiles('checkins')[0]!);
    expect(checkins[1]![1]).toMatch(/^2020-02-10 \d\d:\d\d:\d\d$/);
  });

  test('key areas and enterprises are workbooks with Chinese headers and real date cells', async () => {
    const [areaHeader, ...areas] = await readRows(feedFiles('key_areas')[0]!);
    expect(areaHeader).toEqual(['地区代码', '名称', '生效日期', '失效日期']);
    expect(areas.map((r) => r[0])).toEqual(['42', '3303']);
    expect(areas[0]![2]).toEqual({ excelSerial: 43853 }); // 2020-01-23
    expect(areas[0]![3] ?? '').toBe('');
    expect(areas[1]![3]).toEqual({ excelSerial: 43890 }); // 2020-02-29
    // Zip entry times are the start date, not the clock (or two runs would differ in bytes).
    const zip = readFileSync(feedFiles('enterprises')[0]!);
    expect(zip.readUInt16LE(12)).toBe(((2020 - 1980) << 9) | (2 << 5) | 10);
    const [, ...enterprises] = await readRows(feedFiles('enterprises')[0]!);
    expect(enterprises).toHaveLength(15);
    for (const e of enterprises) {
      expect(isValidCreditCode(String(e[0]))).toBe(true);
      expect(String(e[1])).toMatch(/^滨州.+有限公司$/);
      expect(['是', '否']).toContain(e[4]);
    }
  });

  test('the same options give the same bytes, in one thread or in workers; another seed does not', async () => {
    const again = await writeDemoCity({ out: join(temp, 'b'), people: PEOPLE, days: DAYS, workers: 2 });
    const other = await writeDemoCity({ out: join(temp, 'c'), people: PEOPLE, days: DAYS, seed: 2 });
    expect(again.files).toEqual(city.files);
    for (const f of city.files) expect(readFileSync(join(again.dir, f)).equals(readFileSync(join(city.dir, f))), f).toBe(true);
    expect(readFileSync(again.truthFile, 'utf8')).toBe(readFileSync(city.truthFile, 'utf8'));
    // Files with data rows all differ (a day without health-commission rows is just the header).
    const withRows = city.files.filter((f) => f.endsWith('.csv') && readFileSync(join(city.dir, f), 'latin1').split('\r\n').length > 2);
    expect(withRows.length).toBeGreaterThan(30);
    for (const f of withRows) expect(readFileSync(join(other.dir, f)).equals(readFileSync(join(city.dir, f))), f).toBe(false);
  });

  test('refuses a folder that already holds files, and leaves it alone', async () => {
    const busy = join(temp, 'busy');
    await writeDemoCity({ out: busy, people: 10, days: 1 });
    writeFileSync(join(busy, 'officer-notes.txt'), 'keep me');
    const before = statSync(join(busy, 'residents', 'residents-2020-02-10.csv')).mtimeMs;
    await expect(writeDemoCity({ out: busy, people: 10, days: 1 })).rejects.toThrow(/not empty/);
    expect(readFileSync(join(busy, 'officer-notes.txt'), 'utf8')).toBe('keep me');
    expect(statSync(join(busy, 'residents', 'residents-2020-02-10.csv')).mtimeMs).toBe(before);
  });

  test('rejects options it cannot honour', async () => {
    await expect(writeDemoCity({ out: join(temp, 'x'), people: 0, days: 1 })).rejects.toThrow(/people/);
    await expect(writeDemoCity({ out: join(temp, 'x'), people: 10, days: 1, start: '2020-02-30' })).rejects.toThrow(/start/);
  });
});
