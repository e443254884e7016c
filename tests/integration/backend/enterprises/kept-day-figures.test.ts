/**
 * A day's per-enterprise and per-site figures are kept (kept-day-figures.ts) and must never be shown
 * once the data they came from has changed: a new feed file (staff, check-ins, scans, the register),
 * a colour written by an evaluation, or (for sites) a new code validity makes the next read count again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { saveDetectorSettings } from '../../../../electron/backend/enforcement/detectors/detector-settings.ts';
import { enterpriseCountyTable } from '../../../../electron/backend/enterprises/county-table.ts';
import { siteStats } from '../../../../electron/backend/enterprises/site-figures.ts';
import { defaultAsOfDay } from '../../../../electron/backend/clock/database-clock.ts';
import { evaluateAndDetect } from '../../../../electron/backend/pipelines/evaluate-and-detect.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';
import { A, D, P, buildSmallCity } from './small-city.ts';

const day = parseDay(D)!;
/** Through a connection of its own, as another process would read: the kept rows, not this connection's last read. */
function bincheng(db: Db) {
  const reader = openDatabase(db.name);
  try {
    return enterpriseCountyTable(reader, day, null).rows.find((r) => r.countyCode === '371602')!;
  } finally {
    reader.close();
  }
}
type KeptEnterprise = [string, { staff: { staff: number } }];
const keptBody = (db: Db, name: string) =>
  JSON.parse(db.prepare('SELECT body FROM kept_day_figures WHERE name = ? AND day = ?').pluck().get(name, day) as string) as unknown[];
const keptStaff = (db: Db) => (keptBody(db, 'enterprises') as KeptEnterprise[]).find(([code]) => code === A)?.[1].staff.staff;
/** Plants a figure in the kept rows: read back only if a read uses them instead of counting. */
function plantStaff(db: Db, staff: number): void {
  const body = keptBody(db, 'enterprises') as KeptEnterprise[];
  body.find(([code]) => code === A)![1].staff.staff = staff;
  db.prepare("UPDATE kept_day_figures SET body = ? WHERE name = 'enterprises' AND day = ?").run(JSON.stringify(body), day);
}

describe('the kept counts of a day', () => {
  const dir = suiteTempDir();
  let db: Db;
  beforeAll(async () => {
    db = openDatabase(join(dir, 'c.db'));
    await buildSmallCity(db, dir);
  });

  test('a read keeps the counts, the next read uses them while the data stands', () => {
    expect(bincheng(db).staff).toBe(5);
    expect(keptStaff(db)).toBe(5);
    plantStaff(db, 50);
    expect(bincheng(db).staff).toBe(50);
  });

  test('a new feed file makes the next read count again', async () => {
    const root = join(dir, 'more');
    mkdirSync(join(root, 'checkins'), { recursive: true });
    writeCsv(join(root, 'checkins', `checkins-${D}.csv`), [
      ['person_id', 'checked_at', 'temperature', 'symptoms'],
      [P.green1, `${D} 19:00:00`, 36.6, 0],
    ]);
    await syncDirectory(db, { source: root });
    const row = bincheng(db);
    expect(row.staff).toBe(5);
    // green1's second check-in of the day: compliant now.
    expect(row.compliant).toBe(3);
    expect(keptStaff(db)).toBe(5);
  });

  test('a colour written by an evaluation makes the next read count again', async () => {
    plantStaff(db, 50);
    expect(bincheng(db).staff).toBe(50);
    // A confirmed case for green2 recorded on D: red from D on, once evaluated.
    const root = join(dir, 'health');
    mkdirSync(join(root, 'health_records'), { recursive: true });
    writeCsv(join(root, 'health_records', `health_records-${D}.csv`), [
      ['person_id', 'recorded_at', 'status'],
      [P.green2, `${D} 07:00:00`, 'confirmed'],
    ]);
    await syncDirectory(db, { source: root });
    expect(bincheng(db)).toMatchObject({ staff: 5, centralQuarantine: 1 });
    await recomputeColours(db, { workers: 0 });
    expect(bincheng(db)).toMatchObject({ staff: 5, mayReturn: 1, centralQuarantine: 2 });
  });

  test('site figures: kept, and counted again when the code validity changes', () => {
    const stale = () => siteStats(db, day, { county: null }).total.stale;
    // K5's code was issued ten minutes before the scan: stale at 5 minutes' validity, fresh at 15.
    expect(stale()).toBe(1);
    expect(keptBody(db, 'sites').length).toBeGreaterThan(0);
    saveDetectorSettings(db, { codeValidityMinutes: 15 });
    expect(stale()).toBe(0);
  });

  test('the step every sync ends with keeps the figures of the day the screen opens on', async () => {
    db.prepare('DELETE FROM kept_day_figures').run();
    await evaluateAndDetect(db);
    const latest = defaultAsOfDay(db);
    const kept = db.prepare('SELECT name FROM kept_day_figures WHERE day = ? ORDER BY name').pluck().all(latest);
    expect(kept).toEqual(['enterprises', 'sites']);
  });
});
