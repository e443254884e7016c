import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { importFile } from '../../../../electron/backend/import/import-file.ts';
import { createParseRunner } from '../../../../electron/backend/import/parse-runner.ts';
import { exportRejects } from '../../../../electron/backend/rejects/export-rejects.ts';
import { listRejects } from '../../../../electron/backend/rejects/rejects.ts';
import { dirtyPeople } from '../../../../electron/backend/rules/recompute.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { badPersonId, personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

function fresh(): { dir: string; db: Db } {
  const dir = tempDir();
  return { dir, db: openDatabase(join(dir, 'console.db')) };
}

function batchCounts(db: Db) {
  return db.prepare('SELECT status, rows_read, accepted, duplicates, rejected FROM import_batches ORDER BY id').all();
}

describe('CSV import', () => {
  test('accounting adds up, bad rows are kept with reasons, re-import accepts nothing new', async () => {
    const { dir, db } = fresh();
    const file = writeCsv(join(dir, 'checkins.csv'), [
      ['person_id', 'checked_at', 'temperature', 'symptoms'],
      [personId(1), '2020-02-10 08:00:00', '36.5', '0'],
      [personId(1), '2020-02-10T20:00:00+08:00', '37.5', '0'],
      [personId(2), '2020/2/10 8:05', '36.6', '是'],
      [badPersonId(3), '2020-02-10 08:00:00', '36.5', '0'],
      [personId(4), '2020-02-10 08:00:00', '99.9', '0'],
      [personId(1), '2020-02-10 08:00:00', '36.5', '0'],
    ]);
    const first = await importFile(db, { path: file, feed: 'checkins', origin: 'import' });
    expect(first).toMatchObject({ status: 'done', read: 6, accepted: 3, duplicates: 1, rejected: 2 });
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(3);
    const rejects = listRejects(db);
    expect(rejects.map((r) => [r.line, r.column, r.value])).toEqual([
      [5, 'person_id', badPersonId(3)],
      [6, 'temperature', '99.9'],
    ]);
    expect(rejects[0]!.reason).toMatch(/check character/);
    expect(rejects[0]!.reason_zh).toMatch(/校验位/);

    const again = await importFile(db, { path: file, feed: 'checkins', origin: 'import' });
    expect(again).toMatchObject({ status: 'done', read: 6, accepted: 0, duplicates: 4, rejected: 2 });
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(3);
    expect(count(db, 'SELECT count(*) n FROM rejected_rows')).toBe(2);
    for (const b of batchCounts(db) as { rows_read: number; accepted: number; duplicates: number; rejected: number }[]) {
      expect(b.rows_read).toBe(b.accepted + b.duplicates + b.rejected);
    }
  });

  test('check-in summaries follow what is stored: day bits and abnormal check-ins', async () => {
    const { dir, db } = fresh();
    const file = writeCsv(join(dir, 'c.csv'), [
      ['person_id', 'checked_at', 'temperature', 'symptoms'],
      [personId(1), '2020-02-10 08:00:00', '37.3', '0'],
      [personId(1), '2020-02-10 20:00:00', '36.0', '1'],
      [personId(1), '2020-02-11 08:00:00', '37.2', '0'],
      // UTC midnight: local date 2020-02-12.
      [personId(1), '2020-02-11T16:30:00Z', '36.1', '0'],
    ]);
    await importFile(db, { path: file, feed: 'checkins', origin: 'import' });
    const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
    const days = new Set<number>();
    for (const r of db.prepare('SELECT block, mask FROM checkin_days WHERE person_id = ?').all(personId(1)) as {
      block: number;
      mask: number;
    }[]) {
      for (let b = 0; b < 32; b++) if (r.mask & (2 ** b)) days.add(r.block * 32 + b);
    }
    expect([...days].sort()).toEqual([day('2020-02-10'), day('2020-02-11'), day('2020-02-12')]);
    const abnormal = db.prepare('SELECT day, temperature, symptoms FROM abnormal_checkins ORDER BY checked_at').all();
    expect(abnormal).toEqual([
      { day: day('2020-02-10'), temperature: 37.3, symptoms: 0 },
      { day: day('2020-02-10'), temperature: 36, symptoms: 1 },
    ]);
    // The evaluation will look at this person again (a new person, with a fever).
    expect(dirtyPeople(db, 1)).toEqual([personId(1)]);
  });

  test('a conflicting duplicate cannot plant a fever: the first stored version wins everywhere', async () => {
    const { dir, db } = fresh();
    const a = writeCsv(join(dir, 'a.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-10 08:00:00', '36.5'],
    ]);
    const b = writeCsv(join(dir, 'b.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-10 08:00:00', '38.5'],
    ]);
    await importFile(db, { path: a, feed: 'checkins', origin: 'import' });
    const r = await importFile(db, { path: b, feed: 'checkins', origin: 'import' });
    expect(r).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(count(db, 'SELECT count(*) n FROM abnormal_checkins')).toBe(0);
  });

  test('GB18030 (GBK) files with Chinese headers and text are detected and decoded', async () => {
    const { dir, db } = fresh();
    const file = writeCsv(
      join(dir, 'residents-2020-02-10.csv'),
      [
        ['身份证号', '姓名', '手机号', '县区代码', '住址'],
        [personId(1), '欧阳娜娜', '13812345678', '371602', '滨城区黄河五路, 1号'],
        [personId(2), '张三', '13912345678', '371681', '邹平市黛溪街道'],
      ],
      { encoding: 'gb18030' },
    );
    expect(readFileSync(file).includes(Buffer.from('欧阳', 'utf8'))).toBe(false);
    const r = await importFile(db, { path: file, feed: 'residents', origin: 'import' });
    expect(r).toMatchObject({ status: 'done', read: 2, accepted: 2 });
    expect(db.prepare('SELECT name, address FROM residents WHERE person_id = ?').get(personId(1))).toEqual({
      name: '欧阳娜娜',
      address: '滨城区黄河五路, 1号',
    });
    expect(db.prepare('SELECT encoding FROM import_batches').get()).toEqual({ encoding: 'gb18030' });
  });

  test('UTF-8 without a BOM, LF line ends, quoted fields spanning lines keep line numbers right', async () => {
    const { dir, db } = fresh();
    const file = join(dir, 'medical.csv');
    writeFileSync(
      file,
      `person_id,occurred_at,kind,facility\n${personId(1)},2020-02-10 09:00,fever_clinic,"市人民医院\n发热门诊"\n\n${personId(2)},2020-02-10 09:00,surgery,x\n`,
    );
    const r = await importFile(db, { path: file, feed: 'medical', origin: 'import' });
    expect(r).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(listRejects(db)[0]).toMatchObject({ line: 5, column: 'kind', value: 'surgery' });
    expect(db.prepare('SELECT facility FROM medical').get()).toEqual({ facility: '市人民医院\n发热门诊' });
  });

  test('mixed line ends and a stray quote mark cost only their own rows', async () => {
    const { dir, db } = fresh();
    const mixed = join(dir, 'mixed.csv');
    writeFileSync(
      mixed,
      `person_id,checked_at,temperature\r\n${personId(1)},2020-02-10 08:00,36.5\n${personId(2)},2020-02-10 08:00,36.6\r\n${personId(3)},2020-02-10 ` +
        `08:00,36.7\n`,
    );
    expect(await importFile(db, { path: mixed, feed: 'checkins', origin: 'import' })).toMatchObject({
      status: 'done',
      read: 3,
      accepted: 3,
      rejected: 0,
    });
    const stray = join(dir, 'stray.csv');
    const good = Array.from({ length: 300 }, (_, i) => `${personId(10 + i)},2020-02-11 08:00,36.5`);
    // A quote opened and never closed on line 3, with quoted fields after it: at most its own row is lost.
    writeFileSync(
      stray,
      [
        'person_id,checked_at,temperature',
        good[0],
        `${personId(9)},"2020-02-11 08:00,36.5`,
        ...good.slice(1).map((l, i) => (i % 2 ? l : l.replace('36.5', '"36.5"'))),
      ].join('\n') + '\n',
    );
    const r = await importFile(db, { path: stray, feed: 'checkins', origin: 'import' });
    expect(r).toMatchObject({ status: 'done', read: 301, accepted: 300, rejected: 1 });
    expect(listRejects(db, { feed: 'checkins' })).toEqual([expect.objectContaining({ line: 3 })]);
    // At the end of a file too.
    const last = join(dir, 'last.csv');
    writeFileSync(
      last,
      `person_id,checked_at,temperature\n${personId(400)},2020-02-12 08:00,36.5\n${personId(401)},"2020-02-12 ` +
        `08:00,36.5\n${personId(402)},2020-02-12 08:00,36.5\n`,
    );
    expect(await importFile(db, { path: last, feed: 'checkins', origin: 'import' })).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
  });

  test('strict mode commits nothing when a row is bad, and everything when none is', async () => {
    const { dir, db } = fresh();
    const bad = writeCsv(join(dir, 'bad.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-10 08:00:00', '36.5'],
      [personId(2), 'not a time', '36.5'],
    ]);
    const r = await importFile(db, { path: bad, feed: 'checkins', origin: 'import', strict: true });
    expect(r).toMatchObject({ status: 'failed', read: 2, accepted: 0, duplicates: 0, rejected: 2 });
    expect(r.error?.en).toMatch(/strict mode: 1 of 2 rows are bad/);
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(0);
    expect(count(db, 'SELECT count(*) n FROM checkin_days')).toBe(0);
    expect(listRejects(db).map((x) => x.line)).toEqual([3]);

    // The kept row goes back to the department under the right headers, whatever the file's column order.
    const shuffled = writeCsv(join(dir, 'shuffled.csv'), [
      ['打卡时间', '体温', '身份证号'],
      ['2020-03-01 08:00', '36.5', personId(3)],
      ['2020-03-01 08:00', '99', personId(4)],
    ]);
    await importFile(db, { path: shuffled, feed: 'checkins', origin: 'import', strict: true });
    const out = join(dir, 'rejects.csv');
    await exportRejects(db, 'checkins', out);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const at = (name: string) => lines[0]!.findIndex((h) => h.startsWith(name));
    const back = lines.find((l) => l[at('身份证号')] === personId(4))!;
    expect([back[at('打卡时间')], back[at('体温')]]).toEqual(['2020-03-01 08:00', '99']);

    const good = writeCsv(join(dir, 'good.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-10 08:00:00', '36.5'],
    ]);
    expect(await importFile(db, { path: good, feed: 'checkins', origin: 'import', strict: true })).toMatchObject({
      status: 'done',
      accepted: 1,
    });
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(1);
  });

  test.each([
    ['notes.txt', 'hello', /not a CSV or XLSX/],
    ['book.csv', 'PK\u0003\u0004rest-of-a-zip', /workbook \(XLSX\) saved with a \.csv name/],
    ['utf16.csv', '\uFEFFperson_id', /UTF-16/],
    ['nokey.csv', 'person_id,temperature\n1,2\n', /matches 2 of 4 columns of 健康打卡 \(checkins\): it has no 打卡时间 \(checked_at\)/],
    ['empty.csv', '', /empty/],
    ['dup.csv', 'person_id,身份证号,checked_at,temperature\n', /appears 2 times/],
  ])('an unreadable file (%s) is rejected whole with a clear reason, nothing stored', async (name, content, reason) => {
    const { dir, db } = fresh();
    const path = join(dir, name);
    if (name === 'utf16.csv') writeFileSync(path, Buffer.from(content, 'utf16le'));
    else writeFileSync(path, content, name === 'dup.csv' ? 'utf8' : 'latin1');
    const r = await importFile(db, { path, feed: 'checkins', origin: 'import' });
    expect(r.status).toBe('unreadable');
    expect(r.error?.en).toMatch(reason);
    expect(r.error?.zh.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(0);
    expect(batchCounts(db)).toEqual([{ status: 'unreadable', rows_read: 0, accepted: 0, duplicates: 0, rejected: 0 }]);
  });

  test('the worker thread path gives the same result as inline parsing', async () => {
    const { dir, db } = fresh();
    const rows: string[][] = [['person_id', 'checked_at', 'temperature']];
    for (let i = 0; i < 9000; i++)
      rows.push([personId(i % 900), `2020-02-${10 + Math.floor(i / 900)} 08:00:00`, i % 97 === 0 ? '120' : '36.6']);
    const file = writeCsv(join(dir, 'c.csv'), rows);
    const runner = createParseRunner({ useWorker: true });
    try {
      const r = await importFile(db, { path: file, feed: 'checkins', origin: 'import', runner });
      expect(r).toMatchObject({ status: 'done', read: 9000, rejected: 93, accepted: 9000 - 93 });
    } finally {
      await runner.close();
    }
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(9000 - 93);
  });

  test('a cancelled import keeps what it committed and the next import of the file resumes after it', async () => {
    const { dir, db } = fresh();
    const rows: string[][] = [['person_id', 'checked_at', 'temperature']];
    for (let i = 0; i < 20_000; i++) rows.push([personId(i % 1000), `2020-02-${10 + Math.floor(i / 1000)} 08:00:00`, '36.6']);
    const file = writeCsv(join(dir, 'c.csv'), rows);
    const abort = new AbortController();
    const first = await importFile(db, {
      path: file,
      feed: 'checkins',
      origin: 'import',
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    expect(first.status).toBe('cancelled');
    expect(first.read).toBeGreaterThan(0);
    expect(first.read).toBeLessThan(20_000);
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(first.read);
    const second = await importFile(db, { path: file, feed: 'checkins', origin: 'import' });
    expect(second).toMatchObject({ status: 'done', read: 20_000, accepted: 20_000, duplicates: 0 });
    expect(second.resumedAfterLine).toBe(first.read + 1);
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(20_000);
    expect(count(db, 'SELECT count(*) n FROM import_batches')).toBe(1);
  });
});
