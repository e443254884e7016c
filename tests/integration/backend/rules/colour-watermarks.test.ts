/**
 * The stored colours equal a fresh evaluation whatever happens around an evaluation: a batch left
 * running for good (an import killed and never retried) holds nothing back, rows it adds later are
 * still evaluated, a key-area change saved while an evaluation runs is not lost, and a person known
 * only by their check-ins has a stored "no code".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { addBatchCounts, createBatch } from '../../../../electron/backend/import/batches.ts';
import { writerFor } from '../../../../electron/backend/import/feed-writers/index.ts';
import { countyStats } from '../../../../electron/backend/rules/county-stats.ts';
import { saveKeyArea } from '../../../../electron/backend/rules/key-areas.ts';
import { personCode } from '../../../../electron/backend/rules/person-code.ts';
import { isColourStateFresh, recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const DAY = parseDay('2020-02-12')!;
const ms = (local: string) => Date.parse(local.replace(' ', 'T') + '+08:00');

async function city(): Promise<Db> {
  const dir = tempDir();
  const src = join(dir, 'x');
  for (const f of ['residents', 'declarations', 'roaming']) mkdirSync(join(src, f), { recursive: true });
  writeCsv(join(src, 'residents', 'r.csv'), [
    ['person_id', 'name', 'phone', 'county_code', 'address'],
    ...[1, 2, 3, 4, 5].map((n) => [personId(n), `居民${n}`, `1380000000${n}`, '371602', '']),
  ]);
  writeCsv(join(src, 'declarations', 'd.csv'), [
    ['person_id', 'declared_at', 'county_code'],
    ...[1, 2, 3, 4, 5].map((n) => [personId(n), '2020-02-10 09:00', '371602']),
  ]);
  // Person 2 was in Jiangsu (32): nothing, until Jiangsu becomes a key area.
  writeCsv(join(src, 'roaming', 'ro.csv'), [
    ['phone', 'region_code', 'first_seen', 'last_seen', 'carrier'],
    ['13800000002', '320100', '2020-02-09 09:00', '2020-02-09 18:00', 'mobile'],
  ]);
  const db = openDatabase(join(dir, 'c.db'));
  await syncDirectory(db, { source: src });
  await recomputeColours(db, { workers: 0 });
  return db;
}

/** A chunk of declarations written as the importer writes one, into `batch`. */
function declare(db: Db, batch: number, n: number, fever: boolean, line: number): void {
  const w = writerFor('declarations');
  db.transaction(() => {
    const r = w.write(db, w.prepare([[personId(n), ms('2020-02-11 09:00'), DAY - 1, '371602', 0, 0, 0, 0, fever ? 1 : 0, 0, 0, 0, 0]]), {
      batchId: batch,
      versionTime: 0,
    });
    addBatchCounts(db, batch, { read: 1, ...r, rejected: 0, resumeLine: line });
  })();
}

const runningBatch = (db: Db, name: string) =>
  createBatch(db, {
    feed: 'declarations',
    fileName: name,
    filePath: `/${name}`,
    fileHash: name,
    fileSize: 1,
    versionTime: 0,
    encoding: null,
    origin: 'import',
    strict: false,
    status: 'running',
    startedAt: 0,
  });

describe('colours after interrupted and concurrent work', () => {
  test('a batch abandoned while running holds nothing back; rows it adds later are evaluated too', async () => {
    const db = await city();
    const killed = runningBatch(db, 'killed.csv');
    declare(db, killed, 1, true, 1);
    // A later file arrives and imports completely; the killed one is never retried.
    const later = runningBatch(db, 'later.csv');
    declare(db, later, 3, true, 1);
    await recomputeColours(db, { workers: 0 });
    expect(personCode(db, personId(1), DAY)?.color).toBe('yellow');
    expect(personCode(db, personId(3), DAY)?.color).toBe('yellow');
    expect(isColourStateFresh(db)).toBe(true);
    // The killed import resumes under its own batch id, below the watermark.
    declare(db, killed, 4, true, 2);
    expect(isColourStateFresh(db)).toBe(false);
    await recomputeColours(db, { workers: 0 });
    expect(personCode(db, personId(4), DAY)?.color).toBe('yellow');
  });

  test('a key area saved while an evaluation runs is evaluated by the next one', async () => {
    const db = await city();
    declare(db, runningBatch(db, 'more.csv'), 5, false, 1);
    let saved = false;
    await recomputeColours(db, {
      workers: 0,
      chunkPeople: 1,
      onProgress: () => {
        if (saved) return;
        saved = true;
        saveKeyArea(db, { regionCode: '32', name: '江苏省', effectiveFrom: parseDay('2020-02-01')!, effectiveTo: null }, 'adm', Date.now());
      },
    });
    expect(saved).toBe(true);
    expect(isColourStateFresh(db)).toBe(false);
    await recomputeColours(db, { workers: 0 });
    expect(personCode(db, personId(2), DAY)?.color).toBe('red');
  });

  test('someone known only by their check-ins has a stored history with no code', async () => {
    const dir = tempDir();
    const src = join(dir, 'x');
    mkdirSync(join(src, 'checkins'), { recursive: true });
    writeCsv(join(src, 'checkins', 'c.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(9), '2020-02-12 08:00', '36.5'],
    ]);
    const db = openDatabase(join(dir, 'c.db'));
    await syncDirectory(db, { source: src });
    await recomputeColours(db, { workers: 0 });
    expect(personCode(db, personId(9), DAY)?.color).toBe('none');
    expect(countyStats(db, DAY).find((r) => r.county_code === 'total')?.no_code).toBe(1);
    // The same after a full evaluation.
    await recomputeColours(db, { workers: 0, full: true });
    expect(personCode(db, personId(9), DAY)?.color).toBe('none');
  });
});
