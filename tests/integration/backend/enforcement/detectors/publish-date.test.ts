/**
 * The publish-date rule of the false_declaration detector (ENFORCEMENT.md, interpretation
 * keyAreaPublished): a key area counts against a declaration only if it was published before the
 * declaration was made, whatever its effective start. Backdating recolours; it accuses no one.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDir } from '../../../../support/temp-dir.ts';
import { openDatabase, type Db } from '../../../../../electron/backend/db/database.ts';
import { runDetectors } from '../../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import { recomputeColours } from '../../../../../electron/backend/rules/recompute.ts';
import { saveKeyArea } from '../../../../../electron/backend/rules/key-areas.ts';
import { syncDirectory } from '../../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../../shared/domain/local-date.ts';
import { DECLARATION, declares, exchange, ms, p } from '../../../../support/detector-world.ts';

const tempDir = useTempDir();
const DECLARED = '2020-02-10 10:00:00';

/** Person 1 roamed in Jiangsu (32) on 02-05 and on 02-10 declared no key-area visit (but a return from outside). */
async function world(name: string): Promise<{ db: Db; ex: string }> {
  const dir = tempDir();
  const ex = join(dir, 'exchange');
  exchange(ex, {
    'residents-2020-02-01': [
      ['person_id', 'name', 'phone', 'county_code', 'address'],
      [p(1), '测试1', '13800000001', '371602', '滨城区'],
    ],
    'key_areas-2020-02-01': [
      ['region_code', 'name', 'effective_from', 'effective_to'],
      ['42', '湖北省', '2020-01-23', ''],
    ],
    'declarations-2020-02-10': [DECLARATION, declares(1, DECLARED, 'returned_from_outside_province')],
    'roaming-2020-02-10': [
      ['phone', 'region_code', 'first_seen', 'last_seen', 'carrier'],
      ['13800000001', '320102', '2020-02-05 09:00:00', '2020-02-06 18:00:00', 'unicom'],
    ],
  });
  const db = openDatabase(join(dir, name));
  await syncDirectory(db, { source: ex });
  return { db, ex };
}

async function falseDeclarations(db: Db, now: number): Promise<string[]> {
  await recomputeColours(db, { workers: 0 });
  runDetectors(db, { now, full: true });
  return (db.prepare("SELECT evidence_key FROM cases WHERE behavior = 'false_declaration'").pluck().all() as string[]).sort();
}

const JIANGSU = { regionCode: '32', name: '江苏省', effectiveFrom: parseDay('2020-02-01')!, effectiveTo: null };

describe('a key area counts for false_declaration only from its publish time', () => {
  test('entered in the console after the declaration, backdated before it: recoloured, no case', async () => {
    const { db } = await world('late.db');
    expect(await falseDeclarations(db, ms('2020-02-14 09:00:00'))).toEqual([]);
    saveKeyArea(db, JIANGSU, 'admin', ms('2020-02-15 09:00:00'));
    expect(await falseDeclarations(db, ms('2020-02-15 10:00:00'))).toEqual([]);
    // The colour does follow the backdated start: red from the roaming.
    const timeline = db.prepare('SELECT timeline FROM person_codes WHERE person_id = ?').pluck().get(p(1)) as string;
    expect(timeline).toContain(',r,');
  });

  test('the same area published in the console before the declaration: a case', async () => {
    const { db } = await world('early.db');
    saveKeyArea(db, JIANGSU, 'admin', ms('2020-02-08 09:00:00'));
    expect(await falseDeclarations(db, ms('2020-02-15 10:00:00'))).toEqual([`false_declaration:${p(1)}|${ms(DECLARED)}`]);
  });

  test('received in the key_areas feed: its file published after the declaration opens nothing, before it one', async () => {
    const late = await world('feed-late.db');
    exchange(late.ex, {
      'key_areas-2020-02-15': [
        ['region_code', 'name', 'effective_from', 'effective_to'],
        ['32', '江苏省', '2020-02-01', ''],
      ],
    });
    await syncDirectory(late.db, { source: late.ex });
    expect(await falseDeclarations(late.db, ms('2020-02-15 10:00:00'))).toEqual([]);

    const early = await world('feed-early.db');
    exchange(early.ex, {
      'key_areas-2020-02-08': [
        ['region_code', 'name', 'effective_from', 'effective_to'],
        ['32', '江苏省', '2020-02-01', ''],
      ],
    });
    await syncDirectory(early.db, { source: early.ex });
    expect(await falseDeclarations(early.db, ms('2020-02-15 10:00:00'))).toEqual([`false_declaration:${p(1)}|${ms(DECLARED)}`]);
  });
});
