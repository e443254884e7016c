/**
 * The detectors' incremental runs: rows a batch adds after the detectors passed it are examined, an
 * abandoned batch holds nothing back, and an incremental run reaches the big tables only through
 * their indexes.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDir } from '../../../../support/temp-dir.ts';
import { openDatabase } from '../../../../../electron/backend/db/database.ts';
import { detectorWatermark } from '../../../../../electron/backend/enforcement/detectors/batch-window.ts';
import { newestBatch } from '../../../../../electron/backend/import/watermarks.ts';
import { runDetectors } from '../../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import { addBatchCounts, createBatch } from '../../../../../electron/backend/import/batches.ts';
import { parseDay } from '../../../../../shared/domain/local-date.ts';
import { recomputeColours } from '../../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../../electron/backend/sync/sync-directory.ts';
import { ms, NOW, DECLARATION, declares, p, scan, exchange, FIRST, daily, evidence } from '../../../../support/detector-world.ts';

const tempDir = useTempDir();

describe('detectors run incrementally', () => {
  test('rows a batch adds after the detectors passed it are examined; an abandoned batch holds nothing back', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    exchange(ex, FIRST);
    const db = openDatabase(join(dir, 'c.db'));
    await daily(db, ex);
    const batch = createBatch(db, {
      feed: 'scans',
      fileName: 'late.csv',
      filePath: '/late.csv',
      fileHash: 'x',
      fileSize: 1,
      versionTime: NOW,
      encoding: null,
      origin: 'import',
      strict: false,
      status: 'running',
      startedAt: NOW,
    });
    // One chunk of the batch, written as the importer writes it (rows, then the counts).
    const chunk = (scanId: string, line: number) =>
      db.transaction(() => {
        db.prepare(
          `INSERT INTO scans (scan_id, person_id, site_id, scanned_at, day, code_issued_at, shown_color, action, batch_id) VALUES (?, ?, 'S1', ?, ?, ` +
            `?, 'green', 'pass', ?)`,
        ).run(scanId, p(20), ms('2020-02-19 18:00:00') + line * 60_000, parseDay('2020-02-19'), ms('2020-02-19 17:00:00'), batch);
        addBatchCounts(db, batch, { read: 1, accepted: 1, duplicates: 0, rejected: 0, resumeLine: line });
      })();
    chunk('SC-LATE', 1);
    await recomputeColours(db, { workers: 0 });
    expect(runDetectors(db, { now: NOW }).opened).toHaveLength(1);
    expect(evidence(db).has('screenshot:age:SC-LATE')).toBe(true);
    // The import goes on (resumed after a kill) under the same batch id: its new rows are seen too.
    chunk('SC-LATE-2', 2);
    expect(detectorWatermark(db, 'screenshot')).toBe(batch - 1);
    await recomputeColours(db, { workers: 0 });
    expect(runDetectors(db, { now: NOW }).opened).toHaveLength(1);
    expect(evidence(db).has('screenshot:age:SC-LATE-2')).toBe(true);
    // The batch is never finished; a later one is examined all the same.
    expect(newestBatch(db)).toBe(batch);
  }, 60_000);

  test('an incremental run reaches the big tables only through their indexes', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    exchange(ex, FIRST);
    const db = openDatabase(join(dir, 'c.db'));
    await daily(db, ex);
    exchange(ex, {
      'scans-2020-02-20': [FIRST['scans-2020-02-19']![0]!, scan(37, 2, 'S6', '2020-02-19 10:20:00')],
      'declarations-2020-02-21': [DECLARATION, declares(11, '2020-02-21 08:00:00')],
      'travel-2020-02-21': [
        ['person_id', 'arrived_at', 'origin_region_code', 'mode'],
        [p(11), '2020-02-20 08:00:00', '110105', 'road'],
      ],
    });
    await syncDirectory(db, { source: ex });
    await recomputeColours(db, { workers: 0 });
    const statements = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (statements.add(sql), prepare(sql))) as typeof db.prepare;
    expect(runDetectors(db, { now: NOW }).opened).toHaveLength(2);
    db.prepare = prepare;
    const big = /\bSCAN (scans|residents|declarations|person_codes|roaming|checkins|checkin_days)\b/;
    for (const sql of statements) {
      const named = Object.fromEntries([...new Set(sql.match(/@\w+/g) ?? [])].map((n) => [n.slice(1), 1]));
      const positional = (sql.match(/\?/g) ?? []).map(() => 1);
      const args = Object.keys(named).length ? [named] : positional;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan, sql).not.toMatch(big);
    }
  });
});
