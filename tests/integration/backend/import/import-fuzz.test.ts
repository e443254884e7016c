/**
 * Issue 11 §2: no input may hang an import or poison the database. Mutated CSV and XLSX check-in
 * files (a fixed seed, so a failure is the same failure on every machine) are imported in-process;
 * each must end as `done` or `unreadable` with every row accounted for, nothing stored by an
 * unreadable file, and no stored day outside the plausible window. The time bound is the test's
 * own timeout (a hang fails it); no timing is asserted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { importFile } from '../../../../electron/backend/import/import-file.ts';
import { createParseRunner } from '../../../../electron/backend/import/parse-runner.ts';
import { plausibleWindow } from '../../../../shared/domain/feeds/plausible-window.ts';
import { personId } from '../../../support/people.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const dir = suiteTempDir('hcc-fuzz-');
const runner = createParseRunner();
afterAll(() => runner.close());

const HEADER = ['身份证号', '打卡时间', '体温', '有症状'];
const CLOCK = Date.parse('2020-03-01T09:00:00+08:00');
const WINDOW = plausibleWindow(CLOCK, null);

/** A cell a department's file might hold, or one a hostile or broken file would. */
const oddCell = fc.oneof(
  fc.constantFrom(
    '2020-02-30 09:00',
    '1E+15',
    '99999999',
    '-1',
    '',
    '"',
    '""',
    'a"b',
    '=1+1',
    '\u0000',
    '\r',
    '\uFEFF',
    '2202-02-10 08:00',
    '2018-12-31',
  ),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const checkedAt = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 29 }), fc.integer({ min: 0, max: 23 }))
      .map(([d, h]) => `2020-02-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:30`),
  },
  { weight: 3, arbitrary: oddCell },
);
const temperature = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('36.5', '37.4', '38.2') }, { weight: 1, arbitrary: oddCell });
const symptoms = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('是', '否', '0', '1') }, { weight: 1, arbitrary: oddCell });

/** Mostly well-formed rows with hostile cells; now and then a row of any width and content. */
const row = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(
      fc.integer({ min: 1, max: 400 }).map((n) => personId(n)),
      checkedAt,
      temperature,
      symptoms,
    ),
  },
  { weight: 1, arbitrary: fc.array(oddCell, { minLength: 0, maxLength: 7 }) },
);

/** Byte-level damage: none most often, else flipped bytes, a cut, or a stray quote mid-file. */
const damage = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom('"', '\u0000', '\r', '\uFEFF', '"\n"', ',,,,'),
    }),
  },
);
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function damaged(bytes: Buffer, d: Damage): Buffer {
  if (bytes.length === 0 || d.kind === 'none') return bytes;
  if (d.kind === 'cut') return bytes.subarray(0, d.at % bytes.length);
  if (d.kind === 'insert') {
    const at = d.at % bytes.length;
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(d.text, 'utf8'), bytes.subarray(at)]);
  }
  const out = Buffer.from(bytes);
  for (const [at, value] of d.at) out[at % out.length] = value;
  return out;
}

const csvCase = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 40 }),
  separator: fc.oneof({ weight: 9, arbitrary: fc.constant(',') }, { weight: 1, arbitrary: fc.constantFrom(';', '\t') }),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  bom: fc.boolean(),
  wide: fc.option(fc.integer({ min: 100, max: 16_384 }), { freq: 8 }),
  damage,
});

type CsvCase = typeof csvCase extends fc.Arbitrary<infer T> ? T : never;

function csvBytes(c: CsvCase): Buffer {
  const lines = [HEADER, ...c.rows].map((r) => r.join(c.separator));
  if (c.wide !== null) lines.push(Array.from({ length: c.wide }, (_, i) => `c${i}`).join(c.separator));
  return damaged(Buffer.from((c.bom ? '\uFEFF' : '') + lines.join(c.eol) + c.eol, 'utf8'), c.damage);
}

/** An XLSX with date-formatted and plain cells, optionally damaged after it is written. */
const xlsxCase = fc.record({
  rows: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 400 }),
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.date({ min: new Date('2020-02-01T00:00:00Z'), max: new Date('2020-02-28T00:00:00Z'), noInvalidDate: true }),
        },
        { weight: 1, arbitrary: fc.constantFrom(1e15, 99_999_999, -5, 0, 2_958_466, 43_871.33) },
        { weight: 1, arbitrary: fc.double({ min: -1e16, max: 1e16, noNaN: true }) },
        { weight: 1, arbitrary: fc.date({ min: new Date('1899-12-31'), max: new Date('2200-01-01'), noInvalidDate: true }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant('36.5') },
        { weight: 1, arbitrary: fc.double({ noNaN: true }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      ),
    ),
    { minLength: 0, maxLength: 25 },
  ),
  damage: fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) }, damage),
});

type XlsxCase = typeof xlsxCase extends fc.Arbitrary<infer T> ? T : never;

async function xlsxBytes(c: XlsxCase, path: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('打卡');
  ws.addRow(HEADER);
  for (const [n, when, temperature] of c.rows) ws.addRow([personId(n), when, temperature, '否']);
  ws.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
  await wb.xlsx.writeFile(path);
  return damaged(readFileSync(path), c.damage);
}

let caseNo = 0;

/** Imports one file into a fresh database and checks the accounting and the window. */
async function importChecked(name: string, bytes: Buffer): Promise<void> {
  const n = ++caseNo;
  const path = join(dir, `${n}-${name}`);
  writeFileSync(path, bytes);
  const db = openDatabase(join(dir, `${n}.db`));
  try {
    const r = await importFile(db, { path, feed: 'checkins', origin: 'import', runner, now: () => CLOCK });
    expect(['done', 'unreadable']).toContain(r.status);
    const stored = db.prepare('SELECT count(*) AS n, min(day) AS first, max(day) AS last FROM checkins').get() as {
      n: number;
      first: number | null;
      last: number | null;
    };
    const rejects = (db.prepare('SELECT count(*) AS n FROM rejected_rows').get() as { n: number }).n;
    if (r.status === 'unreadable') {
      expect(r.error?.en, 'an unreadable file says why in English').toBeTruthy();
      expect(r.error?.zh, 'and in Chinese').toBeTruthy();
      expect(r.error!.en).not.toMatch(/ENOENT|EACCES|Invalid time value|undefined|\[object /);
      expect(stored.n).toBe(0);
      expect(rejects).toBe(0);
      return;
    }
    expect(r.read, `${path}: every row read is accounted for`).toBe(r.accepted + r.duplicates + r.rejected);
    expect(stored.n).toBe(r.accepted);
    expect(rejects).toBe(r.rejected);
    if (stored.n > 0) {
      expect(stored.first!).toBeGreaterThanOrEqual(WINDOW.firstDay);
      expect(stored.last!).toBeLessThanOrEqual(WINDOW.lastDay);
    }
  } finally {
    db.close();
  }
}

describe('mutated files never hang an import or poison the database', () => {
  test('200 mutated CSV check-in files', async () => {
    await fc.assert(
      fc.asyncProperty(csvCase, async (c) => importChecked('checkins.csv', csvBytes(c))),
      { seed: 20_201_107, numRuns: 200, endOnFailure: true },
    );
  }, 240_000);

  test('100 mutated XLSX check-in files: dates of every size, damaged and cut packages', async () => {
    await fc.assert(
      fc.asyncProperty(xlsxCase, async (c) => importChecked('checkins.xlsx', await xlsxBytes(c, join(dir, `src-${caseNo + 1}.xlsx`)))),
      { seed: 20_201_108, numRuns: 100, endOnFailure: true },
    );
  }, 240_000);
});

describe('a stray quote cannot swallow a file', () => {
  test('a quote opened after the second field, then 400,000 short lines: every line is a row, accounted for', async () => {
    const lines = [HEADER.join(','), `${personId(1)},2020-02-10 08:00,"36.5,否`];
    for (let i = 0; i < 400_000; i++)
      lines.push(
        `${personId(2 + (i % 300))},2020-02-${String(1 + (i % 28)).padStart(2, '0')} ` +
          `${String(i % 24).padStart(2, '0')}:${String(Math.floor(i / 24) % 60).padStart(2, '0')},36.5,否`,
      );
    const path = join(dir, 'stray-quote.csv');
    writeFileSync(path, lines.join('\r\n') + '\r\n');
    const db = openDatabase(join(dir, 'stray.db'));
    try {
      const r = await importFile(db, { path, feed: 'checkins', origin: 'import', runner, now: () => CLOCK });
      expect(r.status).toBe('done');
      expect(r.read).toBe(400_001);
      expect(r.rejected).toBe(1);
      expect(r.accepted + r.duplicates).toBe(400_000);
      const reject = db.prepare('SELECT line, column_name FROM rejected_rows').get();
      expect(reject).toMatchObject({ line: 2 });
    } finally {
      db.close();
    }
  }, 120_000);
});
