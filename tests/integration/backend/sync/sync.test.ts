import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { runCli } from '../../../support/cli.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

function exchange(dir: string) {
  const src = join(dir, 'exchange');
  for (const f of ['residents', 'checkins', 'declarations']) mkdirSync(join(src, f), { recursive: true });
  writeCsv(join(src, 'residents', 'residents-2020-02-10.csv'), [
    ['person_id', 'name', 'phone', 'county_code', 'address'],
    [personId(1), '李雷', '13800000001', '371602', 'a'],
    [personId(2), '韩梅梅', '13800000002', '371681', 'b'],
  ]);
  writeCsv(join(src, 'declarations', 'declarations-2020-02-10.csv'), [
    ['person_id', 'declared_at', 'county_code', 'fever'],
    [personId(1), '2020-02-10T09:00:00+08:00', '371602', '0'],
    [personId(2), '2020-02-10T09:00:00+08:00', '371681', 'maybe'],
  ]);
  writeCsv(join(src, 'checkins', 'checkins-2020-02-10.csv'), [
    ['person_id', 'checked_at', 'temperature'],
    [personId(1), '2020-02-10 08:00:00', '36.5'],
  ]);
  writeFileSync(join(src, 'README.txt'), 'not a feed');
  writeFileSync(join(src, 'checkins', '.DS_Store'), 'x');
  return src;
}

describe('exchange directory sync', () => {
  test('reads every feed folder, counts add up, a second sync reads nothing, changed and new files are read', async () => {
    const dir = tempDir();
    const src = exchange(dir);
    const db = openDatabase(join(dir, 'c.db'));
    const first = await syncDirectory(db, { source: src });
    expect(first.status).toBe('done');
    expect(first.feeds).toEqual({
      residents: { files: 1, read: 2, accepted: 2, duplicates: 0, rejected: 0 },
      declarations: { files: 1, read: 2, accepted: 1, duplicates: 0, rejected: 1 },
      checkins: { files: 1, read: 1, accepted: 1, duplicates: 0, rejected: 0 },
    });
    expect(first.ignored).toEqual(['README.txt']);

    const second = await syncDirectory(db, { source: src });
    expect(second.totals).toEqual({ files: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 });
    expect(second.unchanged).toBe(3);

    // Touched but identical: recognised by its hash, not read again.
    utimesSync(join(src, 'checkins', 'checkins-2020-02-10.csv'), new Date(), new Date(Date.now() + 5000));
    expect((await syncDirectory(db, { source: src })).totals.files).toBe(0);

    // Changed content is read again: the old rows are duplicates, the new one accepted.
    writeCsv(join(src, 'checkins', 'checkins-2020-02-10.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-10 08:00:00', '36.5'],
      [personId(2), '2020-02-10 08:00:00', '36.6'],
    ]);
    writeCsv(join(src, 'checkins', 'checkins-2020-02-11.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-11 08:00:00', '36.5'],
    ]);
    const third = await syncDirectory(db, { source: src });
    expect(third.feeds.checkins).toEqual({ files: 2, read: 3, accepted: 2, duplicates: 1, rejected: 0 });
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(3);
    expect(count(db, "SELECT count(*) n FROM sync_runs WHERE status = 'done'")).toBe(4);
  });

  test('the same exchange reached through a link keeps its state (nothing read twice)', async () => {
    const dir = tempDir();
    const src = exchange(dir);
    const link = join(dir, 'link-to-exchange');
    symlinkSync(src, link);
    const db = openDatabase(join(dir, 'c.db'));
    expect((await syncDirectory(db, { source: src })).totals.files).toBe(3);
    expect((await syncDirectory(db, { source: link })).totals.files).toBe(0);
  });

  test('an unreadable file in the exchange is recorded once and not retried until it changes', async () => {
    const dir = tempDir();
    const src = exchange(dir);
    writeFileSync(join(src, 'checkins', 'notes.txt'), 'hello');
    const db = openDatabase(join(dir, 'c.db'));
    const first = await syncDirectory(db, { source: src });
    const bad = first.files.find((f) => f.file.endsWith('notes.txt'))!;
    expect(bad.status).toBe('unreadable');
    expect((await syncDirectory(db, { source: src })).totals.files).toBe(0);
  });

  test('a sync killed mid-file at any moment resumes with nothing lost or doubled', async () => {
    const dir = tempDir();
    const src = join(dir, 'exchange');
    mkdirSync(join(src, 'checkins'), { recursive: true });
    const rows: string[][] = [['person_id', 'checked_at', 'temperature', 'symptoms']];
    const people = 6000;
    const days = 25;
    for (let d = 0; d < days; d++) {
      for (let p = 0; p < people; p++)
        rows.push([
          personId(
            p % 1000,
            p < 1000 ? '371602' : p < 2000 ? '371603' : p < 3000 ? '371621' : p < 4000 ? '371622' : p < 5000 ? '371623' : '371681',
          ),
          `2020-03-${String(d + 1).padStart(2, '0')} 08:00:00`,
          p % 50 === 0 ? '37.8' : '36.5',
          '0',
        ]);
    }
    rows.push(['bad', '2020-03-01 08:00:00', '36.5', '0']);
    writeCsv(join(src, 'checkins', 'checkins-big.csv'), rows);
    const total = people * days;
    const dbFile = join(dir, 'c.db');

    // Kill -9 once the database shows a given number of committed rows, at several points of the
    // file; each kill lands wherever the process happens to be (parsing, writing, committing).
    const kills: number[] = [];
    for (const target of [20_000, 60_000, 100_000, 130_000]) {
      let poll: NodeJS.Timeout | undefined;
      const r = await runCli(['sync', '--db', dbFile, '--source', src], {
        // Commit every 8,192 rows so the file has many points where a kill can land.
        env: { HCC_COMMIT_ROWS: '8192' },
        onStderr: () => undefined,
        onStart: (child) => {
          poll = setInterval(() => {
            try {
              const watcher = openDatabase(dbFile, { skipIntegrityCheck: true });
              const n = (watcher.prepare('SELECT coalesce(sum(rows_read), 0) n FROM import_batches').get() as { n: number }).n;
              watcher.close();
              if (n >= target) child.kill('SIGKILL');
            } catch {
              // not created yet
            }
          }, 5);
        },
      });
      clearInterval(poll);
      if (r.signal === 'SIGKILL') {
        const db = openDatabase(dbFile);
        kills.push(count(db, 'SELECT count(*) n FROM checkins'));
        const b = db.prepare('SELECT rows_read, accepted, duplicates, rejected FROM import_batches').get() as {
          rows_read: number;
          accepted: number;
          duplicates: number;
          rejected: number;
        };
        expect(b.rows_read).toBe(b.accepted + b.duplicates + b.rejected);
        expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(b.accepted);
        db.close();
      }
    }
    console.log(`killed at ${kills.join(', ')} of ${total} rows`);
    expect(kills.length).toBeGreaterThanOrEqual(2);
    expect(kills.some((n) => n > 0 && n < total)).toBe(true);
    expect(kills.every((n) => n < total)).toBe(true);

    const last = await runCli(['sync', '--db', dbFile, '--source', src, '--json']);
    expect(last.code).toBe(0);
    const db = openDatabase(dbFile);
    expect(count(db, 'SELECT count(*) n FROM checkins')).toBe(total);
    const batch = db.prepare('SELECT status, rows_read, accepted, duplicates, rejected FROM import_batches').all();
    expect(batch).toEqual([{ status: 'done', rows_read: total + 1, accepted: total, duplicates: 0, rejected: 1 }]);
    expect(count(db, 'SELECT count(*) n FROM rejected_rows')).toBe(1);
    expect(count(db, 'SELECT count(*) n FROM abnormal_checkins')).toBe(total / 50);
    const again = JSON.parse((await runCli(['sync', '--db', dbFile, '--source', src, '--json'])).stdout) as {
      totals: { accepted: number };
    };
    expect(again.totals.accepted).toBe(0);
  });
});
