/** The hot queries use their indexes (EXPLAIN QUERY PLAN), so they stay fast at city scale. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();

const plan = (db: ReturnType<typeof openDatabase>, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('query plans', () => {
  const db = () => openDatabase(join(tempDir(), 'plans.db'));

  test.each([
    ['county stats for a date', 'SELECT county_code, color, sum(delta) FROM stat_deltas WHERE day <= ? GROUP BY county_code, color', /stat_deltas USING PRIMARY KEY \(day<\?\)/],
    ['transitions of a day', 'SELECT * FROM transition_counts WHERE day = ?', /USING PRIMARY KEY \(day=\?\)/],
    ['who changed colour on a day', 'SELECT * FROM code_changes WHERE day = ?', /code_changes USING PRIMARY KEY \(day=\?\)/],
    ['a person’s declarations', 'SELECT * FROM declarations WHERE person_id = ?', /declarations USING PRIMARY KEY \(person_id=\?\)/],
    ['a range of people’s declarations', 'SELECT * FROM declarations WHERE person_id >= ? AND person_id < ?', /USING PRIMARY KEY \(person_id>\? AND person_id<\?\)/],
    ['check-in days of a range of people', 'SELECT person_id, mask FROM checkin_days WHERE block = ? AND person_id >= ? AND person_id < ?', /USING PRIMARY KEY \(block=\? AND person_id>\? AND person_id<\?\)/],
    ['a day’s check-ins', 'SELECT * FROM checkins WHERE day = ?', /checkins USING PRIMARY KEY \(day=\?\)/],
    ['roaming of a resident’s phone', 'SELECT * FROM residents p JOIN roaming r ON r.phone = p.phone WHERE p.person_id = ?', /SEARCH r USING PRIMARY KEY \(phone=\?\)/],
    ['a person’s scans', 'SELECT * FROM scans WHERE person_id = ? ORDER BY scanned_at', /scans USING INDEX scans_person \(person_id=\?\)/],
    ['rejected rows of a feed, paged', 'SELECT * FROM rejected_rows WHERE feed = ? ORDER BY id LIMIT 50 OFFSET 100', /USING INDEX rejected_rows_feed \(feed=\?\)/],
    ['stored colour history of a person', 'SELECT timeline FROM person_codes WHERE person_id = ?', /person_codes USING PRIMARY KEY \(person_id=\?\)/],
  ])('%s', (_name, sql, expected) => {
    const d = db();
    const params = (sql.match(/\?/g) ?? []).map(() => 1);
    expect(plan(d, sql, ...params)).toMatch(expected);
  });
});
