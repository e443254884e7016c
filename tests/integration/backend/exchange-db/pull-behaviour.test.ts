// The pull of an exchange table (EXCHANGE.md, "The upstream exchange database"): rows after the last
// stored seq, rejects with table and seq, natural column types, rows committed late found by the
// window, a lost connection retried and reported, a table missing a column refused whole.
import { join } from 'node:path';
import type pg from 'pg';
import { beforeEach, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { exchangeSchemaDdl } from '../../../../electron/backend/exchange-db/exchange-schema.ts';
import { parsePostgresUrl } from '../../../../electron/backend/exchange-db/pg-source.ts';
import { syncPostgres } from '../../../../electron/backend/exchange-db/pull-exchange.ts';
import { WINDOW_SEQ } from '../../../../electron/backend/exchange-db/pull-window.ts';
import { type TestExchangeDatabase, createExchangeDatabase, describeWithPostgres } from '../../../support/exchange-postgres.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const n = (db: Db, sql: string, ...p: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...p) as number;

describeWithPostgres('pulling an exchange table', () => {
  let x: TestExchangeDatabase;
  let admin: pg.Client;
  let db: Db;
  const source = () => ({ ...parsePostgresUrl(x.url), password: x.password });
  const pull = (onEvent?: Parameters<typeof syncPostgres>[1]['onEvent']) =>
    syncPostgres(db, { source: source(), ...(onEvent ? { onEvent } : {}) });
  const checkins = async (rows: [number, string, string][], client: pg.Client = admin) => {
    for (const [p, at, t] of rows) {
      await client.query('INSERT INTO exchange.checkins (person_id, checked_at, temperature, symptoms) VALUES ($1, $2, $3, $4)', [
        personId(p),
        at,
        t,
        '0',
      ]);
    }
  };

  beforeEach(async () => {
    x = await createExchangeDatabase('pull');
    admin = await x.admin();
    for (const ddl of exchangeSchemaDdl(source())) await admin.query(ddl);
    await admin.query('GRANT ALL ON SCHEMA exchange TO hcc; GRANT ALL ON ALL TABLES IN SCHEMA exchange TO hcc');
    db = openDatabase(join(tempDir(), 'c.db'));
    return async () => {
      db.close();
      await admin.end();
    };
  });

  it('reads only what is new, keeps a rejected row with its table and seq, and the counts add up', async () => {
    await checkins([
      [1, '2020-02-10 08:00:00', '36.5'],
      [2, '2020-02-10 08:05:00', '36.6'],
      [3, '2020-02-30 08:00:00', '36.6'],
    ]);
    const first = await pull();
    expect(first.status).toBe('done');
    expect(first.feeds.checkins).toMatchObject({ read: 3, accepted: 2, duplicates: 0, rejected: 1 });
    expect(first.unchanged).toBe(11);
    const reject = db.prepare('SELECT file_name, line, column_name, value FROM rejected_rows').get();
    expect(reject).toEqual({ file_name: 'exchange.checkins', line: 3, column_name: 'checked_at', value: '2020-02-30 08:00:00' });
    // A row sent again (a new seq) is a duplicate; nothing already read is read again.
    await checkins([
      [1, '2020-02-10 08:00:00', '36.5'],
      [4, '2020-02-10 09:00:00', '36.4'],
    ]);
    const second = await pull();
    expect(second.feeds.checkins).toMatchObject({ read: 2, accepted: 1, duplicates: 1, rejected: 0 });
    expect((await pull()).totals.read).toBe(0);
    expect(n(db, 'SELECT count(*) FROM checkins')).toBe(3);
    expect(n(db, "SELECT sum(rows_read) FROM import_batches WHERE feed = 'checkins'")).toBe(5);
    expect(n(db, "SELECT sum(accepted + duplicates + rejected) FROM import_batches WHERE feed = 'checkins'")).toBe(5);
  });

  it('reads natural column types as their text would be read from a file', async () => {
    await admin.query(`DROP TABLE exchange.checkins;
      CREATE TABLE exchange.checkins (seq bigserial PRIMARY KEY, loaded_at timestamptz NOT NULL DEFAULT now(), person_id text,
        checked_at timestamptz, temperature numeric(4,1), symptoms boolean, note text);
      GRANT ALL ON exchange.checkins TO hcc`);
    await admin.query(`SET TIME ZONE 'UTC'`);
    await admin.query(
      `INSERT INTO exchange.checkins (person_id, checked_at, temperature, symptoms, note) VALUES
      ($1, '2020-02-10T08:30:00+08:00', 37.9, true, 'x'), ($2, '2020-02-10 00:30:00+00', 36.5, false, null)`,
      [personId(1), personId(2)],
    );
    const r = await pull();
    expect(r.feeds.checkins).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(r.files[0]!.ignoredColumns).toEqual(['note']);
    const rows = db.prepare('SELECT person_id, checked_at, temperature, symptoms FROM checkins ORDER BY person_id').all();
    const at = Date.parse('2020-02-10T08:30:00+08:00');
    expect(rows).toEqual([
      { person_id: personId(1), checked_at: at, temperature: 37.9, symptoms: 1 },
      { person_id: personId(2), checked_at: at, temperature: 36.5, symptoms: 0 },
    ]);
  });

  it('reads values with tabs, line breaks and backslashes as they are', async () => {
    const address = '滨城区\t黄河五路 1 号\n2 单元\\3 室';
    await admin.query(
      `INSERT INTO exchange.residents (person_id, name, phone, county_code, address) VALUES ($1, '李雷', '13800000001', '371602', $2)`,
      [personId(1), address],
    );
    expect((await pull()).feeds.residents).toMatchObject({ read: 1, accepted: 1 });
    expect(db.prepare('SELECT address FROM residents').pluck().get()).toBe(address);
  });

  it('a correction (a new row, a higher seq) replaces the stored version; an older version committed late does not', async () => {
    const resident = (name: string, loadedAt: string, client: pg.Client = admin) =>
      client.query(
        `INSERT INTO exchange.residents (loaded_at, person_id, name, phone, county_code, address) VALUES ($1, $2, $3, '13800000001', '371602', 'a')`,
        [loadedAt, personId(1), name],
      );
    const late = await x.admin();
    await late.query('BEGIN');
    await resident('李雷（旧）', '2020-02-10 08:00+08', late);
    await resident('李雷', '2020-02-11 08:00+08');
    await pull();
    expect(db.prepare('SELECT name FROM residents').pluck().get()).toBe('李雷');
    await late.query('COMMIT');
    await late.end();
    expect((await pull()).feeds.residents).toMatchObject({ read: 1, accepted: 1 });
    // The older version went to the history; the current one stays.
    expect(db.prepare('SELECT name FROM residents').pluck().get()).toBe('李雷');
    expect(db.prepare('SELECT name FROM residents_history').pluck().all()).toEqual(['李雷（旧）']);
  });

  it('a cancelled pull keeps what it committed and the next one goes on from there', async () => {
    const values = Array.from(
      { length: 2000 },
      (_, i) => `('${personId(i % 500)}', '2020-02-${10 + Math.floor(i / 500)} 08:00:00', '36.5', '0')`,
    );
    await admin.query(`INSERT INTO exchange.checkins (person_id, checked_at, temperature, symptoms) VALUES ${values.join(',')}`);
    process.env.HCC_PULL_ROWS = '300';
    const abort = new AbortController();
    const first = await syncPostgres(db, {
      source: source(),
      signal: abort.signal,
      onEvent: (e) => {
        if (e.type === 'progress' && e.read >= 600) abort.abort();
      },
    });
    expect(first.status).toBe('cancelled');
    const kept = n(db, 'SELECT count(*) FROM checkins');
    expect(kept).toBeGreaterThanOrEqual(600);
    expect(kept).toBeLessThan(2000);
    const second = await pull();
    delete process.env.HCC_PULL_ROWS;
    expect(second.status).toBe('done');
    expect(n(db, 'SELECT count(*) FROM checkins')).toBe(2000);
    expect(db.prepare("SELECT count(*) AS batches, sum(rows_read) AS read FROM import_batches WHERE feed = 'checkins'").get()).toEqual({
      batches: 1,
      read: 2000,
    });
  });

  it('finds a row committed late with a lower seq, once, and forgets gaps outside the window', async () => {
    // Two writers share the table's sequence (as shards of a distributed table do): the first takes
    // its seq and commits after the second.
    const late = await x.admin();
    await late.query('BEGIN');
    await checkins([[7, '2020-02-10 08:00:00', '36.5']], late);
    await checkins([
      [8, '2020-02-10 08:00:00', '36.5'],
      [9, '2020-02-10 08:00:00', '36.5'],
    ]);
    expect((await pull()).feeds.checkins).toMatchObject({ read: 2, accepted: 2 });
    expect(db.prepare('SELECT lo, hi FROM exchange_pull_gaps').all()).toEqual([{ lo: 0, hi: 2 }]);
    await late.query('COMMIT');
    await late.end();
    const r = await pull();
    expect(r.feeds.checkins).toMatchObject({ read: 1, accepted: 1, duplicates: 0 });
    expect(n(db, 'SELECT count(*) FROM checkins')).toBe(3);
    expect(n(db, 'SELECT count(*) FROM exchange_pull_gaps')).toBe(0);
    expect((await pull()).totals.read).toBe(0);

    // A gap far behind the mark, both in seq and in loaded_at, is forgotten.
    await admin.query(`SELECT setval(pg_get_serial_sequence('exchange.checkins', 'seq'), 100)`);
    await checkins([[10, '2020-02-10 08:00:00', '36.5']]);
    await pull();
    expect(db.prepare('SELECT lo, hi FROM exchange_pull_gaps').all()).toEqual([{ lo: 3, hi: 101 }]);
    await admin.query(`SELECT setval(pg_get_serial_sequence('exchange.checkins', 'seq'), ${100 + WINDOW_SEQ + 10})`);
    await admin.query(
      `INSERT INTO exchange.checkins (loaded_at, person_id, checked_at, temperature, symptoms)
      VALUES (now() + interval '11 minutes', $1, '2020-02-10 08:00:00', '36.5', '0')`,
      [personId(11)],
    );
    await pull();
    expect(db.prepare('SELECT lo, hi FROM exchange_pull_gaps').all()).toEqual([{ lo: 101, hi: 100 + WINDOW_SEQ + 11 }]);
  });

  it('keeps a gap for ten minutes of loaded_at however far the seq has moved', async () => {
    await admin.query(`SELECT setval(pg_get_serial_sequence('exchange.checkins', 'seq'), 5)`);
    await checkins([[1, '2020-02-10 08:00:00', '36.5']]);
    await admin.query(`SELECT setval(pg_get_serial_sequence('exchange.checkins', 'seq'), ${WINDOW_SEQ * 3})`);
    await checkins([[2, '2020-02-10 08:00:00', '36.5']]);
    await pull();
    expect(db.prepare('SELECT lo, hi FROM exchange_pull_gaps ORDER BY lo').all()).toEqual([
      { lo: 0, hi: 6 },
      { lo: 6, hi: WINDOW_SEQ * 3 + 1 },
    ]);
  });

  it.each([
    ['on the database thread', '1000000'],
    ['in the pull worker', '1'],
  ])('a lost connection mid-pull is retried with a pause and reported; nothing lost or doubled (%s)', async (_, workerFrom) => {
    process.env.HCC_PULL_WORKER_ROWS = workerFrom;
    // 24 batches: the cut (on another connection) lands while most are still to read. With 6 it could
    // land after the last one on a fast run (CI saw no retry once).
    const rows = 12_000;
    const values = Array.from({ length: rows }, (_, i) => {
      const day = String(10 + (Math.floor(i / 600) % 5)).padStart(2, '0');
      return `('${personId(i % 600)}', '2020-02-${day} ${8 + Math.floor(i / 3000)}:00:00', '36.5', '0')`;
    });
    await admin.query(`INSERT INTO exchange.checkins (person_id, checked_at, temperature, symptoms) VALUES ${values.join(',')}`);
    let cut = 0;
    const retries: string[] = [];
    // Batches of 500: the connection is cut with most of the table still to read.
    process.env.HCC_PULL_ROWS = '500';
    const r = await pull((e) => {
      if (e.type === 'progress' && cut === 0) {
        cut = 1;
        void x.cutConnections();
      }
      if (e.type === 'retry') retries.push(e.reason);
    });
    delete process.env.HCC_PULL_ROWS;
    delete process.env.HCC_PULL_WORKER_ROWS;
    expect(r.status).toBe('done');
    expect(r.retries).toBeGreaterThanOrEqual(1);
    expect(retries.length).toBe(r.retries);
    expect(r.feeds.checkins).toMatchObject({ read: rows, accepted: rows, duplicates: 0 });
    expect(n(db, 'SELECT count(*) FROM checkins')).toBe(rows);
    const run = db.prepare('SELECT status, rows_read FROM sync_runs ORDER BY id DESC LIMIT 1').get();
    expect(run).toEqual({ status: 'done', rows_read: rows });
  });

  it('a table without a column of its feed is refused whole with the reason; the others are read', async () => {
    await admin.query('ALTER TABLE exchange.checkins DROP COLUMN temperature');
    await checkins([]);
    await admin.query(`INSERT INTO exchange.checkins (person_id, checked_at, symptoms) VALUES ($1, '2020-02-10 08:00:00', '0')`, [
      personId(1),
    ]);
    await admin.query(
      `INSERT INTO exchange.residents (person_id, name, phone, county_code, address) VALUES ($1, '李雷', '13800000001', '371602', 'a')`,
      [personId(1)],
    );
    const r = await pull();
    const refused = r.files.find((f) => f.feed === 'checkins')!;
    expect(refused.status).toBe('unreadable');
    expect(refused.error!.en).toMatch(/exchange\.checkins: .*temperature/);
    expect(r.feeds.residents).toMatchObject({ read: 1, accepted: 1 });
    expect(n(db, 'SELECT count(*) FROM checkins')).toBe(0);
  });

  it('says clearly when the database cannot be reached or refuses the password, never showing it', async () => {
    const wrongPort = { ...source(), port: 1 };
    await expect(syncPostgres(db, { source: wrongPort })).rejects.toThrow(/cannot reach the exchange database at 127\.0\.0\.1:1/);
    const wrongPassword = { ...source(), password: 'not-the-password-42' };
    const err = await syncPostgres(db, { source: wrongPassword }).catch((e: Error) => e);
    expect(String(err)).toMatch(/refused user hcc: check the user name and password/);
    expect(String(err)).not.toContain('not-the-password-42');
    await expect(syncPostgres(db, { source: { ...source(), schema: 'nothing_here' } })).rejects.toThrow(
      /has no feed tables in the schema nothing_here/,
    );
    const none = await syncPostgres(db, { source: { ...source(), password: null } }).catch((e: Error) => e);
    expect(String(none)).toMatch(/asks for user hcc's password and none was given: set it on the Data screen, or use PGPASSWORD/);
    expect(n(db, 'SELECT count(*) FROM sync_runs')).toBe(0);
  });
});
