/**
 * Issue 15's benchmark: one million check-ins pulled from a local PostgreSQL (a private cluster
 * started here) side by side with the directory import of the same rows as one CSV, both into a
 * fresh database, each in its own process (rows/s, peak memory). Also the raw read of the same table
 * by the two ways the `pg` client offers (keyset SELECT batches, as the pull reads, and COPY TO
 * STDOUT through pg-copy-streams), the measurement the choice of reading rests on.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { join } from 'node:path';
import { exchangeSchemaDdl } from '../../electron/backend/exchange-db/exchange-schema.ts';
import { parsePostgresUrl } from '../../electron/backend/exchange-db/pg-source.ts';
import { startPostgresCluster } from '../support/postgres-cluster.ts';
import { BENCH_DIR, child, fmt, removeDb } from './bench-util.ts';
import { concatCheckins, ensureCity } from './import-bench.ts';

export interface ExchangeBenchResult {
  rows: number;
  pull: { seconds: number; rowsPerSecond: number; maxRssMB: number };
  directory: { seconds: number; rowsPerSecond: number; maxRssMB: number };
  ratio: number;
  read: { selectBatchesRowsPerSecond: number; copyRowsPerSecond: number };
}

export async function runExchangeBench(people: number, days: number, log: (line: string) => void): Promise<ExchangeBenchResult> {
  const city = ensureCity(people, days);
  const csv = join(BENCH_DIR, 'checkins-all.csv');
  const rows = concatCheckins(city.dir, csv);
  log(`starting a private PostgreSQL and loading ${fmt(rows)} check-ins...`);
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client(cluster.adminConfig);
    await admin.connect();
    await admin.query('CREATE DATABASE bench OWNER hcc');
    await admin.end();
    const url = `postgres://hcc@${cluster.host}:${cluster.port}/bench`;
    const source = { ...parsePostgresUrl(url), password: cluster.password };
    const c = new pg.Client({ host: cluster.host, port: cluster.port, user: 'hcc', password: cluster.password, database: 'bench' });
    await c.connect();
    for (const ddl of exchangeSchemaDdl(source)) await c.query(ddl);
    await pipeline(
      createReadStream(csv),
      c.query(
        pgCopy.from('COPY exchange.checkins (person_id, checked_at, temperature, symptoms) FROM STDIN WITH (FORMAT csv, HEADER true)'),
      ),
    );
    await c.query('VACUUM ANALYZE exchange.checkins');

    // The raw read, both ways, of the whole table (nothing written).
    let t0 = performance.now();
    let after = 0;
    let n = 0;
    for (;;) {
      const r = await c.query<string[]>({
        text: 'SELECT seq::text AS s, person_id, checked_at, temperature, symptoms FROM exchange.checkins WHERE seq > $1 ORDER BY seq LIMIT 20000',
        values: [after],
        rowMode: 'array',
      });
      if (r.rows.length === 0) break;
      n += r.rows.length;
      after = Number(r.rows[r.rows.length - 1]![0]);
    }
    const selectRate = n / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    let copied = 0;
    await pipeline(
      c.query(pgCopy.to('COPY (SELECT seq, person_id, checked_at, temperature, symptoms FROM exchange.checkins ORDER BY seq) TO STDOUT')),
      new Writable({
        write(chunk: Buffer, _e, done) {
          for (const b of chunk) if (b === 10) copied++;
          done();
        },
      }),
    );
    const copyRate = copied / ((performance.now() - t0) / 1000);
    await c.end();

    const pullDb = join(BENCH_DIR, 'pull.db');
    removeDb(pullDb);
    log('pulling them into a fresh database...');
    process.env.PGPASSWORD = cluster.password;
    const pull = child<{ ms: number; read: number; maxRssMB: number }>('pull-once.ts', [pullDb, url]);
    const dirDb = join(BENCH_DIR, 'checkins.db');
    removeDb(dirDb);
    log('importing the same rows as one CSV into a fresh database...');
    const imp = child<{ ms: number; read: number; maxRssMB: number }>('import-once.ts', [dirDb, 'checkins', csv]);
    const pullRate = pull.read / (pull.ms / 1000);
    const dirRate = imp.read / (imp.ms / 1000);
    return {
      rows: pull.read,
      pull: { seconds: pull.ms / 1000, rowsPerSecond: pullRate, maxRssMB: pull.maxRssMB },
      directory: { seconds: imp.ms / 1000, rowsPerSecond: dirRate, maxRssMB: imp.maxRssMB },
      ratio: pullRate / dirRate,
      read: { selectBatchesRowsPerSecond: selectRate, copyRowsPerSecond: copyRate },
    };
  } finally {
    cluster.stop();
  }
}

export function printExchangeBench(r: ExchangeBenchResult, log: (line: string) => void): void {
  log('');
  log(`## Exchange database (${fmt(r.rows)} check-ins, local PostgreSQL)`);
  log(`pull:      ${fmt(r.pull.seconds, 1)} s = ${fmt(r.pull.rowsPerSecond)} rows/s, peak RSS ${fmt(r.pull.maxRssMB)} MB (target < 500)`);
  log(`directory: ${fmt(r.directory.seconds, 1)} s = ${fmt(r.directory.rowsPerSecond)} rows/s, peak RSS ${fmt(r.directory.maxRssMB)} MB`);
  log(`pull / directory = ${fmt(r.ratio * 100)} % (target >= 80 %)`);
  log(
    `raw read of the table: keyset SELECT batches ${fmt(r.read.selectBatchesRowsPerSecond)} rows/s, COPY TO STDOUT ${fmt(r.read.copyRowsPerSecond)} rows/s`,
  );
}
