// A pull killed with SIGKILL at any moment resumes after its last committed batch: nothing lost,
// nothing doubled, and the counts of the table's batch add up to its rows (EXCHANGE.md).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { exchangeSchemaDdl } from '../../../../electron/backend/exchange-db/exchange-schema.ts';
import { parsePostgresUrl } from '../../../../electron/backend/exchange-db/pg-source.ts';
import { runCli } from '../../../support/cli.ts';
import { createExchangeDatabase, describeWithPostgres } from '../../../support/exchange-postgres.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describeWithPostgres('a pull killed mid-batch', () => {
  it('resumes after the last committed batch, losing and doubling nothing', async () => {
    const x = await createExchangeDatabase('kill');
    const admin = await x.admin();
    for (const ddl of exchangeSchemaDdl(parsePostgresUrl(x.url))) await admin.query(ddl);
    await admin.query('GRANT ALL ON SCHEMA exchange TO hcc; GRANT ALL ON ALL TABLES IN SCHEMA exchange TO hcc');
    const people = 800;
    const days = 40;
    // Every 50th row is sent twice (a duplicate with its own seq); one row is bad.
    await admin.query(
      `INSERT INTO exchange.checkins (person_id, checked_at, temperature, symptoms)
       SELECT p.id, to_char(timestamp '2020-02-10 08:00' + (d || ' days')::interval, 'YYYY-MM-DD HH24:MI:SS'), '36.5', '0'
       FROM unnest($1::text[]) WITH ORDINALITY AS p(id, k), generate_series(0, ${days - 1}) AS d
       CROSS JOIN LATERAL generate_series(1, CASE WHEN (p.k * ${days} + d) % 50 = 0 THEN 2 ELSE 1 END)
       ORDER BY d, p.k`,
      [Array.from({ length: people }, (_, i) => personId(i))],
    );
    await admin.query(`INSERT INTO exchange.checkins (person_id, checked_at, temperature) VALUES ('bad', '2020-02-10 08:00:00', '36.5')`);
    const total = Number((await admin.query('SELECT count(*) AS n FROM exchange.checkins')).rows[0].n);
    const distinct = people * days;
    await admin.end();
    const dbFile = join(tempDir(), 'c.db');
    // Small batches and groups (many points for a kill to land), read by the pull worker as a big table is.
    const env = { PGPASSWORD: x.password, HCC_PULL_ROWS: '700', HCC_COMMIT_ROWS: '1400', HCC_PULL_WORKER_ROWS: '1000' };
    const kills: number[] = [];
    for (const target of [3_000, 9_000, 17_000, 26_000]) {
      let poll: NodeJS.Timeout | undefined;
      const r = await runCli(['sync', '--db', dbFile, '--source', x.url], {
        env,
        onStart: (child) => {
          poll = setInterval(() => {
            try {
              const watcher = openDatabase(dbFile, { skipIntegrityCheck: true });
              const n = watcher.prepare('SELECT coalesce(sum(rows_read), 0) FROM import_batches').pluck().get() as number;
              watcher.close();
              if (n >= target) child.kill('SIGKILL');
            } catch {
              // not created yet
            }
          }, 5);
        },
      });
      clearInterval(poll);
      if (r.signal === 'SIGKILL') kills.push(target);
    }
    expect(kills.length).toBeGreaterThanOrEqual(3);
    const last = await runCli(['sync', '--db', dbFile, '--source', x.url, '--json'], { env });
    expect(last.code, last.stderr).toBe(0);
    const db = openDatabase(dbFile);
    try {
      expect(db.prepare('SELECT count(*) FROM checkins').pluck().get()).toBe(distinct);
      const b = db
        .prepare(
          'SELECT count(*) AS batches, sum(rows_read) AS read, sum(accepted) AS accepted, sum(duplicates) AS dup, sum(rejected) AS rej ' +
            "FROM import_batches WHERE feed = 'checkins'",
        )
        .get();
      // One batch for the table, continued by every run after a kill.
      expect(b).toEqual({ batches: 1, read: total, accepted: distinct, dup: total - distinct - 1, rej: 1 });
      expect(db.prepare('SELECT count(*) FROM rejected_rows').pluck().get()).toBe(1);
      expect(db.prepare("SELECT status FROM import_batches WHERE feed = 'checkins'").pluck().get()).toBe('done');
    } finally {
      db.close();
    }
  }, 180_000);
});
