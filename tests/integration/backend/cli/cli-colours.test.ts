/** `hcc code` and `hcc stats` as scripts use them: JSON shape, counties in order, exit codes. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('hcc code and hcc stats', () => {
  test('a fever check-in at 16:30 UTC counts on the next local date; stats and code agree', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const src = join(dir, 'x');
    const { mkdirSync } = await import('node:fs');
    for (const f of ['residents', 'declarations', 'checkins']) mkdirSync(join(src, f), { recursive: true });
    writeCsv(join(src, 'residents', 'r.csv'), [
      ['person_id', 'name', 'phone', 'county_code', 'address'],
      [personId(1), '甲', '', '371602', ''],
      [personId(2), '乙', '', '371681', ''],
      [personId(3), '丙', '', '371681', ''],
    ]);
    writeCsv(join(src, 'declarations', 'd.csv'), [
      ['person_id', 'declared_at', 'county_code', 'key_area_visit'],
      [personId(1), '2020-02-10 09:00', '371602', '0'],
      [personId(2), '2020-02-10 09:00', '371681', '1'],
    ]);
    // 2020-02-11T16:30Z is 2020-02-12 00:30 in Binzhou.
    writeCsv(join(src, 'checkins', 'c.csv'), [
      ['person_id', 'checked_at', 'temperature'],
      [personId(1), '2020-02-11T16:30:00Z', '38.0'],
    ]);
    const sync = await cliJson<{ colours: { mode: string; people: number } }>(['sync', '--db', db, '--source', src]);
    expect(sync.colours).toMatchObject({ mode: 'full', people: 3 });

    const before = await cliJson<{ color: string }>(['code', '--db', db, '--person', personId(1), '--as-of', '2020-02-11']);
    expect(before.color).toBe('green');
    const after = await cliJson<Record<string, unknown>>(['code', '--db', db, '--person', personId(1), '--as-of', '2020-02-12']);
    expect(after).toMatchObject({ person_id: personId(1), color: 'yellow', since: '2020-02-12', green_eligible_on: '2020-02-26' });
    expect(after.reasons).toEqual([
      expect.objectContaining({ color: 'yellow', condition: 'temperature', source: 'checkins', date: '2020-02-12' }),
    ]);
    const noCode = await cliJson<{ color: string; since: null }>(['code', '--db', db, '--person', personId(3), '--as-of', '2020-02-12']);
    expect(noCode).toMatchObject({ color: 'none', since: null });

    const stats = await cliJson<
      { county_code: string; county_name: string; red: number; yellow: number; green: number; total: number; no_code: number }[]
    >(['stats', '--db', db, '--as-of', '2020-02-12']);
    expect(stats.map((s) => s.county_code)).toEqual(['371602', '371603', '371621', '371622', '371623', '371625', '371681', 'total']);
    expect(stats[0]).toMatchObject({ county_name: '滨城区', red: 0, yellow: 1, green: 0, total: 1, no_code: 0 });
    expect(stats[6]).toMatchObject({ county_name: '邹平市', red: 1, yellow: 0, green: 0, total: 1, no_code: 1 });
    expect(stats[7]).toMatchObject({ county_code: 'total', red: 1, yellow: 1, green: 0, total: 2, no_code: 1 });

    const missing = await runCli(['code', '--db', db, '--person', personId(99)]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/appears in no feed/);
    const usage = await runCli(['stats', '--db', db, '--as-of', 'yesterday']);
    expect(usage.code).toBe(2);
    // Nothing changed: no evaluation left to do.
    const check = openDatabase(db);
    expect((check.prepare("SELECT value FROM settings WHERE key = 'colours.full_recompute'").get() as { value: string }).value).toBe('0');
  });
});
