/**
 * The enforcement commands as scripts use them (CLI.md): detect, the case life cycle from a manual
 * suspicion to a closed case, credit records and the credit report, and the refusals.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

interface CaseJson {
  id: number;
  state: string;
  behavior: string;
  person_id: string;
  history: { move: string; from: string | null; to: string; user: string; reason: string }[];
}

describe('hcc detect, case, credit', async () => {
  const dir = suiteTempDir();
  const db = join(dir, 'city.db');
  const demo = await cliJson<{ dir: string }>(['demo', '--out', join(dir, 'city'), '--people', '2000', '--days', '8', '--seed', '5']);
  const synced = await cliJson<{ cases_opened: number }>(['sync', '--db', db, '--source', demo.dir]);
  for (const [name, role] of [
    ['cre', 'credit'],
    ['ofc', 'officer'],
    ['wri', 'writer'],
  ]) {
    const r = await runCli(['user', 'add', '--db', db, '--name', name!, '--role', role!], { input: 'cli-password-1\n' });
    expect(r.code, r.stderr).toBe(0);
  }
  // A green resident with no planted fraud: the forced red is the only thing that moves them.
  const truth = JSON.parse(readFileSync(join(demo.dir, 'demo-truth.json'), 'utf8')) as { planted: Record<string, string[]> };
  const plantedIds = new Set(Object.values(truth.planted).flat());
  const raw = openDatabase(db);
  const greens = raw
    .prepare(`SELECT person_id FROM person_codes WHERE timeline NOT GLOB '*,[yr],*' AND timeline GLOB '*,g,*' LIMIT 50`)
    .pluck()
    .all() as string[];
  raw.close();
  const person = greens.find((id) => !plantedIds.has(id))!;

  test('sync runs the detectors; detect opens no second case on the same evidence', async () => {
    expect(synced.cases_opened).toBeGreaterThan(0);
    const again = await cliJson<{ opened: number[]; cases: number }>(['detect', '--db', db]);
    expect(again).toEqual({ opened: [], cases: synced.cases_opened });
    expect((await cliJson<{ opened: number[] }>(['detect', '--db', db, '--full'])).opened).toEqual([]);
    const listed = await cliJson<CaseJson[]>(['case', 'list', '--db', db, '--state', 'suspected']);
    expect(listed).toHaveLength(synced.cases_opened);
    for (const c of listed) expect(plantedIds.has(c.person_id), `case ${c.id} is about an honest person`).toBe(true);
  });

  test('a manual suspicion walks to a decision, an appeal, a revocation and a close; the code follows', async () => {
    const flagged = await cliJson<CaseJson>([
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
    expect(flagged).toMatchObject({ state: 'suspected', behavior: 'impersonation', person_id: person });
    const id = String(flagged.id);
    const move = (m: string, user = 'cre') =>
      runCli(['case', m, '--db', db, '--id', id, '--user', user, '--reason', `${m}：依据材料`, '--json']);

    // Refusals change nothing and say why: a wrong role, an illegal move.
    const writer = await move('review', 'wri');
    expect(writer.code).toBe(1);
    expect(writer.stderr).toMatch(/wri|writer|credit/i);
    const early = await move('decide');
    expect(early.code).toBe(1);
    expect(early.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cliJson<CaseJson>(['case', 'show', '--db', db, '--id', id])).history).toHaveLength(1);

    expect((await move('review')).code).toBe(0);
    const decided = JSON.parse((await move('decide')).stdout) as CaseJson;
    expect(decided.state).toBe('decided');
    const today = new Date().toISOString().slice(0, 10);
    expect(await cliJson(['code', '--db', db, '--person', person, '--as-of', today])).toMatchObject({ color: 'red' });
    const records = await cliJson<{ number: string; person_id: string; status: string }[]>(['credit', 'list', '--db', db]);
    expect(records).toEqual([
      expect.objectContaining({
        number: expect.stringMatching(/^BZXY-\d{4}-\d{6}$/),
        person_id: person,
        behavior: 'impersonation',
        status: 'effective',
      }),
    ]);

    const report = join(dir, 'report.html');
    await cliJson(['credit', 'report', '--db', db, '--person', person, '--out', report]);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain(records[0]!.number);
    expect(html).not.toContain(person);
    expect(html).toContain('@page');

    for (const [m, state] of [
      ['appeal', 'appealed'],
      ['revoke', 'revoked'],
      ['close', 'closed'],
    ] as const) {
      const r = await move(m);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as CaseJson).state).toBe(state);
    }
    const closed = await cliJson<CaseJson>(['case', 'show', '--db', db, '--id', id]);
    expect(closed.history.map((h) => h.move)).toEqual(['open', 'review', 'decide', 'appeal', 'revoke', 'close']);
    expect(await cliJson(['code', '--db', db, '--person', person, '--as-of', today])).not.toMatchObject({ color: 'red' });
    expect(await cliJson(['credit', 'list', '--db', db])).toEqual([expect.objectContaining({ status: 'revoked' })]);
    expect((await move('review')).code).toBe(1);
    expect(await cliJson(['audit', 'verify', '--db', db])).toMatchObject({ ok: true, first_broken: null });
  });

  test('credit list --out writes the workbook for the credit system whole, with nothing left beside it', async () => {
    const out = join(dir, 'exports', 'credit.xlsx');
    mkdirSync(join(dir, 'exports'));
    expect(await cliJson(['credit', 'list', '--db', db, '--out', out])).toMatchObject({ rows: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('诚信记录')!;
    expect(ws.getRow(2).getCell(2).text).toBe(person);
    // Every field of the record, times as real date-times.
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '记录编号',
      '身份证号',
      '姓名',
      '县（市、区）',
      '行为代码',
      '行为',
      '证据摘要',
      '法律依据',
      '决定内容',
      '决定人',
      '决定时间',
      '状态',
      '撤销时间',
      '撤销理由',
      '案件编号',
    ]);
    const row = ws.getRow(2);
    expect(row.getCell(5).text).toBe('impersonation');
    expect(row.getCell(7).text).not.toBe('');
    expect(row.getCell(8).text).toMatch(/\S/);
    expect(row.getCell(11).value).toBeInstanceOf(Date);
    expect(row.getCell(11).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(readdirSync(join(dir, 'exports'))).toEqual(['credit.xlsx']);
    expect(existsSync(out)).toBe(true);
  });
});
