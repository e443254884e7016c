/** The Data screen's handlers: masked rejected rows for every role, city-wide jobs, the demo city's guard. */
import { describe, expect, test } from 'vitest';
import { maskRejectValue } from '../../../../../electron/backend/api/handlers/data.ts';
import { demoAllowed } from '../../../../../electron/backend/app/first-start.ts';
import { createUser } from '../../../../../electron/backend/auth/users.ts';
import { createBatch, insertRejects } from '../../../../../electron/backend/import/batches.ts';
import { PASSWORD, testConsole } from '../../../../support/console.ts';
import { useTempDir } from '../../../../support/temp-dir.ts';

const tempDir = useTempDir();
const ID = '371602199001011234';
const PHONE = '13800001111';
const USERS = [
  { name: 'admin', role: 'admin' },
  { name: 'ofc', role: 'officer' },
  { name: 'cre', role: 'credit' },
  { name: 'wudi', role: 'officer', county: '371623' },
];

async function withRejects() {
  const c = await testConsole(tempDir(), { users: USERS });
  const db = c.services.db;
  const batch = createBatch(db, {
    feed: 'residents',
    fileName: 'residents.csv',
    filePath: '/x/residents.csv',
    fileHash: 'h',
    fileSize: 1,
    versionTime: 0,
    encoding: 'utf-8',
    origin: 'import',
    strict: false,
    status: 'done',
    startedAt: 0,
  });
  const problem = (column: string, value: string) => ({ column, value, code: 'required' as const, en: 'bad', zh: '错误' });
  insertRejects(db, { batchId: batch, feed: 'residents', fileName: 'residents.csv', fileHash: 'h' }, [
    { line: 2, problems: [problem('person_id', '37160219900101123')], raw: [] },
    { line: 3, problems: [problem('phone', PHONE)], raw: [] },
    { line: 4, problems: [problem('', `${ID},张三,${PHONE},371602`)], raw: [] },
    { line: 5, problems: [problem('county_code', '379999')], raw: [] },
  ]);
  return c;
}

describe('rejected rows on the Data screen', () => {
  test('ID numbers and phones are masked for every role, in their columns and wherever they appear', async () => {
    const c = await withRejects();
    for (const user of ['ofc', 'cre', 'admin']) {
      const page = await c.ok(user, 'rejects.list', { feed: 'residents' });
      expect(
        page.rows.map((r) => r.value),
        user,
      ).toEqual(['371602*******1123', '138****1111', '371602********1234,张三,138****1111,371602', '379999']);
      expect(JSON.stringify(page), user).not.toContain(ID);
      expect(JSON.stringify(page), user).not.toContain(PHONE);
    }
  });

  test('values that merely look like numbers of people are masked too; other values are left alone', () => {
    expect(maskRejectValue('person_id', 'abc')).toBe('***');
    expect(maskRejectValue(undefined, `手机 ${PHONE}；证件 ${ID.slice(0, 17)}x`)).toBe('手机 138****1111；证件 371602********123x');
    expect(maskRejectValue('timestamp', '2020-02-20 08:30:00')).toBe('2020-02-20 08:30:00');
    // Longer runs of digits are not a phone or an ID number (a serial, a timestamp without separators).
    expect(maskRejectValue(undefined, '202002200830001')).toBe('202002200830001');
    expect(maskRejectValue('credit_code', '91371600MA3C8XYZ1K')).toBe('91371600MA3C8XYZ1K');
  });
});

describe('city-wide jobs', () => {
  test("a county's officer can neither start nor cancel a sync", async () => {
    const c = await testConsole(tempDir(), { users: USERS });
    for (const method of ['sync.start', 'sync.cancel'] as const) {
      const r = await c.call('wudi', method, {});
      expect(r.ok ? null : r.error.code, method).toBe('forbidden');
    }
    // A city-wide officer may cancel (nothing runs: nothing to cancel).
    expect(await c.ok('ofc', 'sync.cancel', {})).toBeNull();
  });
});

describe('the demo city', () => {
  test('loads only into a database without residents or dated records, and only for a city-wide administrator', async () => {
    const c = await withRejects();
    const db = c.services.db;
    // A file was read, but every row was rejected: still no data, the offer stands.
    expect(demoAllowed(db)).toBe(true);
    await createUser(db, { name: 'cadmin', role: 'admin', county: '371623', password: PASSWORD });
    const county = await c.call('cadmin', 'data.loadDemo', {});
    expect(county.ok ? null : county.error.code).toBe('forbidden');
    db.prepare(
      "INSERT INTO residents (person_id, name, phone, county_code, address, version_time, batch_id) VALUES (?, '张三', NULL, '371602', NULL, 0, 1)",
    ).run(ID);
    expect(demoAllowed(db)).toBe(false);
    const r = await c.call('admin', 'data.loadDemo', {});
    expect(r.ok ? null : r.error.code).toBe('conflict');
  });
});
