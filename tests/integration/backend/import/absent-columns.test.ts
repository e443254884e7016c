/**
 * Issue 11 §1: a file must never erase what is stored. A file lacking a feed's columns is refused
 * with what it matches; an optional column a file lacks keeps its stored values; an upsert file that
 * would replace many stored values waits for confirmation, in the importer and in the CLI.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { importFile } from '../../../../electron/backend/import/import-file.ts';
import { previewImport } from '../../../../electron/backend/uploads/import-preview.ts';
import { creditCodeWithCheck } from '../../../../shared/domain/credit-code.ts';
import { REPLACE_CONFIRM_AT } from '../../../../shared/domain/feeds/replace-confirmation.ts';
import { runCli } from '../../../support/cli.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const RESIDENTS = ['身份证号', '姓名', '手机号', '县区代码', '住址'];
const CHECKIN_WITHOUT_TIME = ['身份证号', '体温', '有症状'];

function residentsFile(dir: string, name: string, count: number, phone: (n: number) => string): string {
  const rows = Array.from({ length: count }, (_, i) => [personId(i + 1), `居民${i + 1}`, phone(i + 1), '371602', `地址${i + 1}`]);
  return writeCsv(join(dir, name), [RESIDENTS, ...rows]);
}

const resident = (db: Db, n: number) =>
  db.prepare('SELECT name, phone, county_code, address FROM residents WHERE person_id = ?').get(personId(n));

describe('a file lacking a feed’s columns is refused, and nothing stored changes', () => {
  test('a check-in file without 打卡时间 imported as residents leaves every resident as stored', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'h.db'));
    await importFile(db, {
      path: residentsFile(dir, 'residents-2020-02-10.csv', 3, (n) => `1380000000${n}`),
      feed: 'residents',
      origin: 'import',
    });
    const before = [1, 2, 3].map((n) => resident(db, n));
    const bad = writeCsv(join(dir, 'daily.csv'), [CHECKIN_WITHOUT_TIME, [personId(1), '36.5', '否'], [personId(2), '36.6', '否']]);
    const r = await importFile(db, { path: bad, feed: 'residents', origin: 'import' });
    expect(r.status).toBe('unreadable');
    expect(r.accepted).toBe(0);
    expect(r.error!.en).toContain('matches 1 of 5 columns of 户籍人口 (residents)');
    expect(r.error!.en).toContain('it looks like 健康打卡 (checkins) without 打卡时间 (checked_at)');
    expect(r.error!.zh).toContain('缺少 姓名 (name)、手机号 (phone)、县区代码 (county_code)、住址 (address)');
    expect([1, 2, 3].map((n) => resident(db, n))).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM residents_history').pluck().get()).toBe(0);
    db.close();
  });

  test('the preview guesses the feed the header fits best and refuses what lacks columns', async () => {
    const dir = tempDir();
    const path = writeCsv(join(dir, 'upload.csv'), [CHECKIN_WITHOUT_TIME, [personId(1), '36.5', '否']]);
    const upload = { id: 'u1', name: '每日上报.csv', path, size: 0, received: 0, user: 'officer' };
    const guessed = await previewImport(upload, undefined);
    expect(guessed.feed).toBe('checkins');
    expect(guessed.problem!.en).toContain('matches 3 of 4 columns of 健康打卡 (checkins): it has no 打卡时间 (checked_at)');
    const asResidents = await previewImport(upload, 'residents');
    expect(asResidents.problem!.en).toContain('matches 1 of 5 columns of 户籍人口');
    expect(asResidents.problem!.zh).toContain('它看起来是缺少 打卡时间 (checked_at) 的健康打卡（checkins）文件');
    // Every column a residents file must have is marked so, and the missing ones are shown missing.
    expect(asResidents.columns.filter((c) => c.required && c.position === null).map((c) => c.name)).toEqual([
      'name',
      'phone',
      'county_code',
      'address',
    ]);
  });
});

describe('an optional column the file lacks keeps its stored values (absent is not empty)', () => {
  test('an enterprises file without 钉钉管理员 changes no administrator; one with it does', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'h.db'));
    const code = creditCodeWithCheck('91371602MA3C00001');
    const full = ['统一社会信用代码', '企业名称', '县区代码', '行业', '批准复工', '批准日期', '钉钉管理员', '管理员手机号'];
    await importFile(db, {
      path: writeCsv(join(dir, 'enterprises-2020-02-10.csv'), [
        full,
        [code, '滨州一厂', '371602', '制造', '是', '2020-02-09', '张三', '13800000001'],
      ]),
      feed: 'enterprises',
      origin: 'import',
    });
    const lean = ['统一社会信用代码', '企业名称', '县区代码', '行业', '批准复工'];
    const r = await importFile(db, {
      path: writeCsv(join(dir, 'enterprises-2020-02-12.csv'), [lean, [code, '滨州一厂', '371602', '机械制造', '是']]),
      feed: 'enterprises',
      origin: 'import',
    });
    expect(r.status).toBe('done');
    const row = db
      .prepare('SELECT industry, approved_on, admin_name, admin_phone FROM enterprises WHERE credit_code = ?')
      .get(code) as Record<string, unknown>;
    expect(row).toMatchObject({ industry: '机械制造', admin_name: '张三', admin_phone: '13800000001' });
    expect(row.approved_on).not.toBeNull();
    // The same file again is a duplicate: nothing it has differs from what is stored.
    const again = await importFile(db, { path: join(dir, 'enterprises-2020-02-12.csv'), feed: 'enterprises', origin: 'import' });
    expect([again.accepted, again.duplicates]).toEqual([0, 1]);
    // An empty cell in a column the file has is a value: the administrator is cleared.
    await importFile(db, {
      path: writeCsv(join(dir, 'enterprises-2020-02-14.csv'), [full, [code, '滨州一厂', '371602', '机械制造', '是', '2020-02-09', '', '']]),
      feed: 'enterprises',
      origin: 'import',
    });
    expect(db.prepare('SELECT admin_name FROM enterprises WHERE credit_code = ?').pluck().get(code)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM enterprises_history').pluck().get()).toBe(2);
    db.close();
  });
});

describe('an upsert file that would replace many stored values waits for confirmation', () => {
  test('importFile stops before writing, then imports when confirmed; a few changes need no confirmation', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'h.db'));
    const count = REPLACE_CONFIRM_AT + 20;
    await importFile(db, {
      path: residentsFile(dir, 'residents-2020-02-10.csv', count, (n) => `138${String(n).padStart(8, '0')}`),
      feed: 'residents',
      origin: 'import',
    });
    const changed = residentsFile(dir, 'residents-2020-02-11.csv', count, (n) => `139${String(n).padStart(8, '0')}`);
    const asked = await importFile(db, { path: changed, feed: 'residents', origin: 'import' });
    expect(asked.status).toBe('needs_confirmation');
    expect(asked.replaces).toBe(count);
    expect(asked.error!.en).toContain(`replace the stored values of ${count} records of residents`);
    expect(db.prepare('SELECT count(*) FROM residents WHERE phone LIKE ?').pluck().get('139%')).toBe(0);
    expect(db.prepare('SELECT count(*) FROM import_batches WHERE file_name = ?').pluck().get('residents-2020-02-11.csv')).toBe(0);
    // A sync is never asked (the department's daily update is expected to replace values).
    const confirmed = await importFile(db, { path: changed, feed: 'residents', origin: 'import', confirmReplace: true });
    expect([confirmed.status, confirmed.accepted]).toEqual(['done', count]);
    const few = residentsFile(dir, 'residents-2020-02-12.csv', 5, (n) => `137${String(n).padStart(8, '0')}`);
    expect((await importFile(db, { path: few, feed: 'residents', origin: 'import' })).status).toBe('done');
    db.close();
  });

  test('the CLI asks with exit 1 and a JSON answer, and imports with --confirm-replace', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'h.db');
    const count = REPLACE_CONFIRM_AT + 1;
    const first = residentsFile(dir, 'residents-2020-02-10.csv', count, (n) => `138${String(n).padStart(8, '0')}`);
    expect((await runCli(['import', '--db', dbFile, '--feed', 'residents', first, '--json'])).code).toBe(0);
    const changed = residentsFile(dir, 'residents-2020-02-11.csv', count, (n) => `139${String(n).padStart(8, '0')}`);
    const asked = await runCli(['import', '--db', dbFile, '--feed', 'residents', changed, '--json']);
    expect(asked.code).toBe(1);
    expect(JSON.parse(asked.stdout)).toEqual([expect.objectContaining({ status: 'needs_confirmation', replaces: count, accepted: 0 })]);
    const done = await runCli(['import', '--db', dbFile, '--feed', 'residents', '--confirm-replace', changed, '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual([expect.objectContaining({ status: 'done', accepted: count })]);
    const refused = await runCli([
      'import',
      '--db',
      dbFile,
      '--feed',
      'residents',
      writeCsv(join(dir, 'x.csv'), [CHECKIN_WITHOUT_TIME, [personId(1), '36.5', '否']]),
      '--json',
    ]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)[0].error).toContain('it looks like 健康打卡 (checkins) without 打卡时间 (checked_at)');
  });
});
