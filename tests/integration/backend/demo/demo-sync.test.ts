import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('demo city → sync', () => {
  test('every row the demo wrote is read once: accepted or rejected exactly as planted; a second sync reads nothing', async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 3000, days: 5, seed: 7 });
    const truth = JSON.parse(readFileSync(city.truthFile, 'utf8')) as { rows: Record<string, number>; bad_rows: Record<string, number> };
    const db = openDatabase(join(dir, 'c.db'));
    const first = await syncDirectory(db, { source: city.dir });
    expect(first.status).toBe('done');
    for (const [feed, rows] of Object.entries(truth.rows)) {
      const got = first.feeds[feed as keyof typeof first.feeds]!;
      expect(got.read, feed).toBe(rows);
      expect(got.rejected, feed).toBe(truth.bad_rows[feed] ?? 0);
      expect(got.read, feed).toBe(got.accepted + got.duplicates + got.rejected);
    }
    const checkins = (db.prepare('SELECT count(*) n FROM checkins').get() as { n: number }).n;
    expect(checkins).toBe(truth.rows.checkins! - truth.bad_rows.checkins!);
    const second = await syncDirectory(db, { source: city.dir });
    expect(second.totals).toEqual({ files: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 });
  });
});
