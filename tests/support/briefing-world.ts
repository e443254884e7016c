/**
 * The city of the briefing's tests (briefing-layout and briefing-numbers): a demo city synced by
 * `hcc`, a hostile department file, a decision today for a person whose name starts with '=', a name
 * with a character XML refuses, and the day's briefing written by `hcc briefing`, read back with
 * ExcelJS; with the helpers that read a sheet's header and data rows.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { databaseClock } from '../../electron/backend/clock/database-clock.ts';
import { openDatabase } from '../../electron/backend/db/database.ts';
import type { CountyStatsRow } from '../../electron/backend/rules/county-stats.ts';
import { dayOfInstant, formatDay, parseDay } from '../../shared/domain/local-date.ts';
import { cliJson, runCli } from './cli.ts';

export const SHEETS = ['概况', '分县统计', '趋势', '转码明细', '执法通报', '企业复工', '数据质量'];
export const UNMASKED_ID = /(?<![0-9])\d{17}[\dXx](?![0-9])/;
export const UNMASKED_PHONE = /(?<![0-9])1\d{10}(?![0-9])/;

/** What `hcc stats --json` prints: the county statistics rows themselves. */
export type StatsRow = CountyStatsRow;

/** Every cell's text on every sheet (values of any type, rich text and formulas included). */
export function allTexts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        // A number is only a leak when it could be an ID or a phone (rates have many digits too).
        if (typeof v === 'number') out.push(Number.isInteger(v) && v >= 1e10 ? String(v) : '');
        else out.push(typeof v === 'object' && v !== null && !(v instanceof Date) ? JSON.stringify(v) : String(v));
      }),
    ),
  );
  return out;
}

/** The header row of a sheet: the first row whose first cell is bold and filled. */
export function headerRowOf(ws: ExcelJS.Worksheet): ExcelJS.Row {
  for (let r = 1; r <= 10; r++) {
    const c = ws.getRow(r).getCell(1);
    if (c.font?.bold && c.fill && 'fgColor' in c.fill) return ws.getRow(r);
  }
  throw new Error(`no header row on ${ws.name}`);
}

export function headers(ws: ExcelJS.Worksheet): string[] {
  const row = headerRowOf(ws);
  const out: string[] = [];
  row.eachCell((c) => out.push(String(c.value)));
  return out;
}

/** Data rows under the header, as arrays of values (column 1 first). */
export function dataRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const header = headerRowOf(ws).number;
  const width = headers(ws).length;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(1).border?.top) break;
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value));
  }
  return rows;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Builds the city in `dir` and writes the briefing of its last day. */
export async function briefingWorld(dir: string) {
  const db = join(dir, 'city.db');
  const demo = await cliJson<{ dir: string }>(['demo', '--out', join(dir, 'city'), '--people', '2000', '--days', '8', '--seed', '7']);
  await cliJson(['sync', '--db', db, '--source', demo.dir]);
  const last = '2020-02-17';
  const lastDay = parseDay(last)!;

  // A department file whose name would be a formula in a careless spreadsheet, with a bad row: it
  // appears in the data-quality sheet's list of files with errors, as text.
  const hostile = join(dir, '=HYPERLINK("http-x") checkins-2020-02-17.csv');
  writeFileSync(
    hostile,
    'person_id,checked_at,temperature,symptoms\n37160219900101123X,2020-02-17 08:00:00,36.5,0\nnot-an-id,2020-02-17 08:00:00,36.5,0\n',
  );
  const imported = await runCli(['import', '--db', db, '--feed', 'checkins', hostile, '--json']);
  expect(imported.code, imported.stderr).toBe(0);

  // A decision today puts a person on today's notice list; their name (from the residents feed)
  // starts with '=' to prove text stays text.
  for (const [name, role] of [
    ['cre', 'credit'],
    ['ofc', 'officer'],
  ]) {
    expect((await runCli(['user', 'add', '--db', db, '--name', name!, '--role', role!], { input: 'cli-password-1\n' })).code).toBe(0);
  }
  const raw = openDatabase(db);
  const person = raw
    .prepare(
      `SELECT p.person_id FROM person_codes p JOIN residents r ON r.person_id = p.person_id WHERE p.timeline NOT GLOB '*,[yr],*' AND p.timeline GLOB ` +
        `'*,g,*' LIMIT 1`,
    )
    .pluck()
    .get() as string;
  raw.prepare('UPDATE residents SET name = ? WHERE person_id = ?').run('=CMD()', person);
  const phones = raw.prepare('SELECT phone FROM residents WHERE phone IS NOT NULL').pluck().all() as string[];
  // A name that starts with a character XML does not allow (a stray byte-order mark from a
  // department's file), for someone on the day's list of changes: Excel would refuse the workbook.
  const changed = raw
    .prepare(
      `SELECT c.person_id FROM code_changes c JOIN residents r ON r.person_id = c.person_id WHERE c.day = ? AND c.from_color <> 'none' LIMIT 1`,
    )
    .pluck()
    .get(lastDay) as string;
  raw.prepare('UPDATE residents SET name = ? WHERE person_id = ?').run('\uFFFE张三', changed);
  const names = raw
    .prepare("SELECT name FROM residents WHERE length(name) >= 2 AND name NOT LIKE '=%' AND name NOT LIKE '\uFFFE%'")
    .pluck()
    .all() as string[];
  raw.close();
  const flagged = await cliJson<{ id: number }>([
    'case',
    'flag',
    '--db',
    db,
    '--person',
    person,
    '--behavior',
    'impersonation',
    '--user',
    'ofc',
    '--reason',
    '群众举报',
  ]);
  for (const m of ['review', 'decide']) {
    expect((await runCli(['case', m, '--db', db, '--id', String(flagged.id), '--user', 'cre', '--reason', '依据材料'])).code).toBe(0);
  }
  // Decisions are made on the database's clock: a demo city's own day (clock/database-clock.ts).
  const clockDb = openDatabase(db, { readonly: true });
  const today = formatDay(dayOfInstant(databaseClock(clockDb)()));
  clockDb.close();

  const file = join(dir, 'out', `滨州健康码每日简报_${last}.xlsx`);
  execFileSync('mkdir', ['-p', join(dir, 'out')]);
  const written = await cliJson<{ file: string; sheets: string[] }>(['briefing', '--db', db, '--date', last, '--out', file]);
  const wb = await readBook(file);

  return { dir, db, demo, last, lastDay, person, phones, names, changed, flagged, today, file, written, wb };
}
