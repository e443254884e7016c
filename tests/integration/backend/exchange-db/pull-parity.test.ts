// Issue 15, "done when": the demo city loaded into PostgreSQL syncs to the same database (same
// colours, same counts) as the same city from its directory. Real PostgreSQL (the run's private
// cluster), real `hcc` processes, real SQLite files.
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { runCli } from '../../../support/cli.ts';
import { type TestExchangeDatabase, createExchangeDatabase, describeWithPostgres } from '../../../support/exchange-postgres.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

interface SyncJson {
  status: string;
  feeds: Record<string, { read: number; accepted: number; duplicates: number; rejected: number }>;
  totals: { read: number; accepted: number; duplicates: number; rejected: number };
  colours: { people: number };
  cases_opened: number;
  source: string;
}

/** What a sync leaves that the rules and the screens read: colours over time, counts, cases, rejects. */
function contents(dbFile: string) {
  const db = openDatabase(dbFile);
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      timelines: all('SELECT person_id, timeline FROM person_codes ORDER BY person_id'),
      changes: all('SELECT * FROM code_changes ORDER BY day, person_id'),
      deltas: all('SELECT * FROM stat_deltas ORDER BY day, county_code, color'),
      cases: all('SELECT person_id, behavior, state, evidence_key FROM cases ORDER BY evidence_key'),
      rejects: all('SELECT feed, column_name, value, reason FROM rejected_rows ORDER BY feed, column_name, value, reason'),
      residents: all('SELECT * FROM residents ORDER BY person_id').map((r) => ({ ...(r as object), batch_id: 0, version_time: 0 })),
      checkins: db.prepare('SELECT count(*) FROM checkins').pluck().get(),
      scans: db.prepare('SELECT count(*) FROM scans').pluck().get(),
      clock: db.prepare("SELECT value FROM settings WHERE key = 'clock.demo'").pluck().get() !== undefined,
    };
  } finally {
    db.close();
  }
}

describeWithPostgres('the demo city from the exchange database', () => {
  const dir = suiteTempDir('hcc-pull-parity-');
  let x: TestExchangeDatabase;
  const city = join(dir, 'city');
  beforeAll(async () => {
    x = await createExchangeDatabase('parity');
    const r = await runCli(['demo', '--out', city, '--people', '1500', '--days', '12', '--pg', x.url], { env: { PGPASSWORD: x.password } });
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it('syncs to the same database as the same city from its directory', async () => {
    const fromDir = await runCli(['sync', '--db', join(dir, 'dir.db'), '--source', city, '--json']);
    expect(fromDir.code, fromDir.stderr).toBe(0);
    const fromPg = await runCli(['sync', '--db', join(dir, 'pg.db'), '--source', x.url, '--json'], { env: { PGPASSWORD: x.password } });
    expect(fromPg.code, fromPg.stderr).toBe(0);
    const a = JSON.parse(fromDir.stdout) as SyncJson;
    const b = JSON.parse(fromPg.stdout) as SyncJson;
    expect(b.source).toBe(x.url);
    // Every row of every file, and so of every table, ends the same way (tables stand for files).
    const { read, accepted, duplicates, rejected } = a.totals;
    expect(b.totals).toMatchObject({ read, accepted, duplicates, rejected });
    for (const [feed, t] of Object.entries(a.feeds)) {
      expect(b.feeds[feed], feed).toMatchObject({ read: t.read, accepted: t.accepted, duplicates: t.duplicates, rejected: t.rejected });
    }
    expect(a.totals.rejected).toBeGreaterThan(0);
    expect(b.colours.people).toBe(a.colours.people);
    expect(b.cases_opened).toBe(a.cases_opened);
    const ca = contents(join(dir, 'dir.db'));
    const cb = contents(join(dir, 'pg.db'));
    expect(cb.clock).toBe(true);
    expect(cb).toEqual(ca);
    // Nothing new: a second pull reads nothing and changes nothing.
    const again = await runCli(['sync', '--db', join(dir, 'pg.db'), '--source', x.url, '--json'], { env: { PGPASSWORD: x.password } });
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as SyncJson).totals.read).toBe(0);
    expect(contents(join(dir, 'pg.db'))).toEqual(ca);
  }, 180_000);
});
