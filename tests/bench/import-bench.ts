/**
 * Issue 2's benchmark: sync a whole demo city (rows/s per feed, peak memory, database size), then
 * import all its check-ins as one CSV and compare with the sqlite3 shell's bare `.import`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, CLI, child, dirSizeMB, fmt, removeDb, sizeMB } from './bench-util.ts';

export interface ImportBenchResult {
  city: { people: number; days: number; files: number; sizeMB: number; generateSeconds: number };
  sync: {
    seconds: number;
    rows: number;
    rowsPerSecond: number;
    maxRssMB: number;
    dbSizeMB: number;
    perFeed: Record<string, { rows: number; rowsPerSecond: number }>;
  };
  checkins: { rows: number; seconds: number; rowsPerSecond: number; maxRssMB: number; sqliteImportSeconds: number; ratio: number };
}

export function ensureCity(people: number, days: number): { dir: string; generateSeconds: number } {
  const dir = join(BENCH_DIR, `city-${people}x${days}`);
  if (existsSync(join(dir, 'demo-truth.json'))) return { dir, generateSeconds: NaN };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'demo', '--out', dir, '--people', String(people), '--days', String(days), '--json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('demo city generation failed');
  return { dir, generateSeconds: (performance.now() - t0) / 1000 };
}

/** All of the city's check-in files as one CSV (one header), as a department would send a month. */
export function concatCheckins(cityDir: string, out: string): number {
  const fd = openSync(out, 'w');
  let rows = 0;
  let first = true;
  for (const name of readdirSync(join(cityDir, 'checkins')).sort()) {
    let text = readFileSync(join(cityDir, 'checkins', name), 'utf8').replace(/^\uFEFF/, '');
    const nl = text.indexOf('\n');
    if (!first) text = text.slice(nl + 1);
    first = false;
    rows += (text.match(/\n/g)?.length ?? 0) - (rows === 0 ? 1 : 0);
    writeSync(fd, text);
  }
  closeSync(fd);
  return rows;
}

export function runImportBench(people: number, days: number, log: (line: string) => void): ImportBenchResult {
  log(`demo city: ${fmt(people)} people x ${days} days`);
  const city = ensureCity(people, days);
  const files = readdirSync(city.dir, { recursive: true }).filter((f) => /\.(csv|xlsx)$/.test(String(f))).length;

  const syncDb = join(BENCH_DIR, 'sync.db');
  removeDb(syncDb);
  log('syncing the city into a fresh database...');
  const sync = child<{ ms: number; totals: { read: number }; perFeed: Record<string, { rows: number; ms: number }>; maxRssMB: number }>(
    'sync-once.ts',
    [syncDb, city.dir],
  );

  const all = join(BENCH_DIR, 'checkins-all.csv');
  const rows = concatCheckins(city.dir, all);
  const importDb = join(BENCH_DIR, 'checkins.db');
  removeDb(importDb);
  log(`importing ${fmt(rows)} check-ins as one CSV...`);
  const imp = child<{ ms: number; read: number; maxRssMB: number }>('import-once.ts', [importDb, 'checkins', all]);

  const bare = join(BENCH_DIR, 'bare.db');
  removeDb(bare);
  log('the same file with the sqlite3 shell .import into a bare table...');
  const t0 = performance.now();
  const s = spawnSync(
    'sqlite3',
    [
      bare,
      'CREATE TABLE checkins (person_id TEXT, checked_at TEXT, temperature TEXT, symptoms TEXT);',
      '.import --csv --skip 1 ' + all + ' checkins',
    ],
    { stdio: 'inherit' },
  );
  if (s.status !== 0) throw new Error('sqlite3 .import failed (is the sqlite3 shell installed?)');
  const sqliteSeconds = (performance.now() - t0) / 1000;

  return {
    city: { people, days, files, sizeMB: dirSizeMB(city.dir), generateSeconds: city.generateSeconds },
    sync: {
      seconds: sync.ms / 1000,
      rows: sync.totals.read,
      rowsPerSecond: sync.totals.read / (sync.ms / 1000),
      maxRssMB: sync.maxRssMB,
      dbSizeMB: sizeMB(syncDb),
      perFeed: Object.fromEntries(
        Object.entries(sync.perFeed).map(([f, v]) => [f, { rows: v.rows, rowsPerSecond: v.rows / (v.ms / 1000) }]),
      ),
    },
    checkins: {
      rows: imp.read,
      seconds: imp.ms / 1000,
      rowsPerSecond: imp.read / (imp.ms / 1000),
      maxRssMB: imp.maxRssMB,
      sqliteImportSeconds: sqliteSeconds,
      ratio: imp.ms / 1000 / sqliteSeconds,
    },
  };
}

export function printImportBench(r: ImportBenchResult, log: (line: string) => void): void {
  log('');
  log(`## Import (demo city ${fmt(r.city.people)} people x ${r.city.days} days, ${r.city.files} files, ${fmt(r.city.sizeMB, 1)} MB)`);
  log(
    `sync of the whole city: ${fmt(r.sync.rows)} rows in ${fmt(r.sync.seconds, 1)} s = ${fmt(r.sync.rowsPerSecond)} rows/s, peak RSS ` +
      `${fmt(r.sync.maxRssMB)} MB, database ${fmt(r.sync.dbSizeMB, 1)} MB`,
  );
  for (const [feed, v] of Object.entries(r.sync.perFeed))
    log(`  ${feed.padEnd(15)} ${fmt(v.rows).padStart(11)} rows  ${fmt(v.rowsPerSecond).padStart(9)} rows/s`);
  const c = r.checkins;
  log(
    `check-ins as one CSV: ${fmt(c.rows)} rows in ${fmt(c.seconds, 2)} s = ${fmt(c.rowsPerSecond)} rows/s (target >= 150,000), peak RSS ` +
      `${fmt(c.maxRssMB)} MB (target < 500)`,
  );
  log(
    `sqlite3 shell .import of the same file into a bare table: ${fmt(c.sqliteImportSeconds, 2)} s; ours / bare = ${fmt(c.ratio, 2)}x (target <= 3x)`,
  );
}
