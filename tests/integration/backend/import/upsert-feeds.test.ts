import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { importFile } from '../../../../electron/backend/import/import-file.ts';
import { dirtyPeople, recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const header = ['person_id', 'name', 'phone', 'county_code', 'address'];

async function importAll(db: Db, files: string[]) {
  const out = [];
  for (const path of files) out.push(await importFile(db, { path, feed: 'residents', origin: 'import' }));
  return out;
}

function state(db: Db) {
  return {
    current: db.prepare('SELECT person_id, county_code, phone FROM residents ORDER BY person_id').all(),
    history: db.prepare('SELECT person_id, county_code, phone FROM residents_history ORDER BY person_id, county_code').all(),
  };
}

describe('upsert feeds keep the newest version by the file’s timestamp and every older one in history', () => {
  function files(dir: string) {
    return [
      writeCsv(join(dir, 'residents-2020-02-10.csv'), [
        header,
        [personId(1), '王五', '13800000001', '371602', 'old'],
        [personId(2), '赵六', '13800000002', '371603', 'x'],
      ]),
      writeCsv(join(dir, 'residents-2020-02-20.csv'), [
        header,
        [personId(1), '王五', '13900000001', '371681', 'new'],
        [personId(2), '赵六', '13800000002', '371603', 'x'],
      ]),
    ];
  }

  test('any import order gives the same current rows and history; identical rows are duplicates', async () => {
    const dir = tempDir();
    const [older, newer] = files(dir);
    const a = openDatabase(join(dir, 'a.db'));
    const b = openDatabase(join(dir, 'b.db'));
    const forward = await importAll(a, [older!, newer!]);
    const backward = await importAll(b, [newer!, older!]);
    expect(state(a)).toEqual(state(b));
    expect(state(a).current).toEqual([
      { person_id: personId(1), county_code: '371681', phone: '13900000001' },
      { person_id: personId(2), county_code: '371603', phone: '13800000002' },
    ]);
    expect(state(a).history).toEqual([{ person_id: personId(1), county_code: '371602', phone: '13800000001' }]);
    expect(forward.map((r) => [r.accepted, r.duplicates])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(backward.map((r) => [r.accepted, r.duplicates])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    // Re-reading either file changes nothing.
    expect((await importAll(a, [older!, newer!])).map((r) => r.accepted)).toEqual([0, 0]);
    expect(state(a).history).toHaveLength(1);
  });

  test('with equal timestamps the later arrival wins', async () => {
    const dir = tempDir();
    const one = writeCsv(join(dir, 'x-2020-02-10.csv'), [header, [personId(1), '王五', '13800000001', '371602', '']]);
    const two = writeCsv(join(dir, 'y-2020-02-10.csv'), [header, [personId(1), '王五', '13800000001', '371623', '']]);
    const db = openDatabase(join(dir, 'c.db'));
    await importAll(db, [one, two]);
    expect(state(db).current).toEqual([{ person_id: personId(1), county_code: '371623', phone: '13800000001' }]);
  });

  test('a roaming record seen longer replaces its shorter version; the phone’s resident is marked for recompute', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'c.db'));
    await importAll(db, [writeCsv(join(dir, 'residents-2020-02-01.csv'), [header, [personId(1), '王五', '13800000001', '371602', '']])]);
    await recomputeColours(db);
    expect(dirtyPeople(db, 99)).toEqual([]);
    const rh = ['phone', 'region_code', 'first_seen', 'last_seen', 'carrier'];
    const r1 = writeCsv(join(dir, 'roaming-2020-02-12.csv'), [
      rh,
      ['13800000001', '42', '2020-02-10T00:00:00Z', '2020-02-11T00:00:00Z', 'unicom'],
    ]);
    const r2 = writeCsv(join(dir, 'roaming-2020-02-14.csv'), [
      rh,
      ['13800000001', '42', '2020-02-10T00:00:00Z', '2020-02-13T00:00:00Z', 'unicom'],
    ]);
    await importFile(db, { path: r2, feed: 'roaming', origin: 'import' });
    await importFile(db, { path: r1, feed: 'roaming', origin: 'import' });
    expect(db.prepare('SELECT last_seen FROM roaming').all()).toEqual([{ last_seen: Date.parse('2020-02-13T00:00:00Z') }]);
    expect(db.prepare('SELECT last_seen FROM roaming_history').all()).toEqual([{ last_seen: Date.parse('2020-02-11T00:00:00Z') }]);
    // Found through the new roaming rows and the resident's phone.
    expect(dirtyPeople(db, 99)).toEqual([personId(1)]);
  });
});
