/**
 * Issue 3's benchmark: a city of 4 million residents with 14 days of check-ins. Syncs 13 days once
 * (kept as a base database), then on a copy: the full evaluation of every resident, the county
 * statistics query, and one more day of check-ins synced and evaluated incrementally.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, child, fmt, removeDb, sizeMB } from './bench-util.ts';
import { ensureCity } from './import-bench.ts';

interface SyncRun {
  ms: number;
  totals: { read: number };
  perFeed: Record<string, { rows: number; ms: number }>;
  maxRssMB: number;
}
interface EvalRun {
  mode: string;
  people: number;
  changed: number;
  seconds: number;
  statsMedianMs: number;
  statsMaxMs: number;
  maxRssMB: number;
  total: { red: number; yellow: number; green: number; total: number; no_code: number };
}

/** The evaluated 4-million-resident database the interface benchmark serves. */
export function evaluatedCity(people: number): string {
  return join(BENCH_DIR, `work-${people}.db`);
}

export interface DetectRun {
  seconds: number;
  opened: number;
  examined: { declarations: number; scans: number };
  cases: number;
  planted: Record<string, number>;
  found: number;
  missed: number;
  honestFlagged: number;
  maxRssMB: number;
}

export interface RulesBenchResult {
  people: number;
  days: number;
  baseSync: { seconds: number; rows: number; rowsPerSecond: number; maxRssMB: number; dbSizeMB: number } | null;
  full: EvalRun;
  lastDaySync: { seconds: number; rows: number; rowsPerSecond: number };
  incremental: EvalRun;
  /** The fraud detectors: the first run over the 13 days, then the run after the 14th day's sync. */
  detectFirst: DetectRun;
  detectDay: DetectRun;
}

/** The exchange directory without the last day's check-ins (hard links: no copy of 7 GB). */
function exchangeWithout(cityDir: string, dir: string, lastCheckins: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const feed of readdirSync(cityDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    mkdirSync(join(dir, feed.name), { recursive: true });
    for (const f of readdirSync(join(cityDir, feed.name))) {
      if (`${feed.name}/${f}` !== lastCheckins) linkSync(join(cityDir, feed.name, f), join(dir, feed.name, f));
    }
  }
}

export function runRulesBench(people: number, days: number, statsDay: number, log: (line: string) => void): RulesBenchResult {
  log(`demo city: ${fmt(people)} people x ${days} days`);
  const city = ensureCity(people, days);
  const last = readdirSync(join(city.dir, 'checkins')).sort().pop()!;
  const lastCheckins = `checkins/${last}`;
  const exchange = join(BENCH_DIR, `exchange-${people}`);
  const base = join(BENCH_DIR, `base-${people}.db`);
  let baseSync: RulesBenchResult['baseSync'] = null;
  const baseDone = `${base}.done`;
  if (!existsSync(baseDone)) {
    exchangeWithout(city.dir, exchange, lastCheckins);
    // An interrupted base sync resumes where it stopped (that is what sync does).
    log(`syncing ${days - 1} days into the base database (once; kept as ${base})...`);
    const s = child<SyncRun>('sync-once.ts', [base, exchange]);
    writeFileSync(baseDone, JSON.stringify(s));
    baseSync = {
      seconds: s.ms / 1000,
      rows: s.totals.read,
      rowsPerSecond: s.totals.read / (s.ms / 1000),
      maxRssMB: s.maxRssMB,
      dbSizeMB: sizeMB(base),
    };
    log(`  ${fmt(s.totals.read)} rows in ${fmt(s.ms / 1000, 1)} s`);
  }
  const work = join(BENCH_DIR, `work-${people}.db`);
  removeDb(work);
  log('copying the base database...');
  copyFileSync(base, work);
  // The database is encrypted at rest: its key file goes with it.
  if (existsSync(`${base}.key`)) copyFileSync(`${base}.key`, `${work}.key`);
  log('full evaluation of every resident...');
  const full = child<EvalRun>('evaluate-once.ts', [work, 'full', String(statsDay)]);
  log(`  ${fmt(full.people)} people in ${fmt(full.seconds, 1)} s`);
  const truth = join(city.dir, 'demo-truth.json');
  log('fraud detectors over everything synced...');
  const detectFirst = child<DetectRun>('detect-once.ts', [work, truth]);
  log(`one more day of check-ins (${last})...`);
  exchangeWithout(city.dir, exchange, '');
  const day = child<SyncRun>('sync-once.ts', [work, exchange]);
  const incremental = child<EvalRun>('evaluate-once.ts', [work, 'incremental', String(statsDay + 1)]);
  const detectDay = child<DetectRun>('detect-once.ts', [work, truth]);
  // The evaluated city stays for the interface benchmark (it is removed when the next run starts).
  return {
    people,
    days,
    baseSync,
    full,
    lastDaySync: { seconds: day.ms / 1000, rows: day.totals.read, rowsPerSecond: day.totals.read / (day.ms / 1000) },
    incremental,
    detectFirst,
    detectDay,
  };
}

export function printRulesBench(r: RulesBenchResult, log: (line: string) => void): void {
  log('');
  log(`## Colours (demo city ${fmt(r.people)} people x ${r.days} days)`);
  if (r.baseSync) {
    const b = r.baseSync;
    log(
      `sync of ${r.days - 1} days: ${fmt(b.rows)} rows in ${fmt(b.seconds, 1)} s = ${fmt(b.rowsPerSecond)} rows/s, peak RSS ${fmt(b.maxRssMB)} MB, ` +
        `database ${fmt(b.dbSizeMB / 1024, 1)} GB`,
    );
  }
  const f = r.full;
  log(
    `full evaluation: ${fmt(f.people)} people in ${fmt(f.seconds, 1)} s = ${fmt(f.people / f.seconds)} people/s (target < 60 s), peak RSS ` +
      `${fmt(f.maxRssMB)} MB (target < 1,536 MB)`,
  );
  log(`county stats query: median ${fmt(f.statsMedianMs, 2)} ms, max ${fmt(f.statsMaxMs, 2)} ms (target < 50 ms)`);
  log(
    `one more day: sync ${fmt(r.lastDaySync.rows)} check-ins in ${fmt(r.lastDaySync.seconds, 1)} s (${fmt(r.lastDaySync.rowsPerSecond)} rows/s); ` +
      `incremental evaluation of ${fmt(r.incremental.people)} people in ${fmt(r.incremental.seconds, 1)} s (target < 30 s), peak RSS ` +
      `${fmt(r.incremental.maxRssMB)} MB`,
  );
  const d = r.detectFirst;
  const planted = Object.entries(d.planted)
    .map(([b, n]) => `${b} ${fmt(n)}`)
    .join(', ');
  log(
    `fraud detectors, first run: ${fmt(d.examined.declarations)} declarations and ${fmt(d.examined.scans)} scans in ${fmt(d.seconds, 1)} s, peak RSS ` +
      `${fmt(d.maxRssMB)} MB; ${fmt(d.opened)} cases opened`,
  );
  log(`  planted ${planted}: found ${fmt(d.found)}, missed ${fmt(d.missed)}; honest people flagged ${fmt(d.honestFlagged)}`);
  log(`fraud detectors after the day's sync: ${fmt(r.detectDay.seconds, 2)} s, ${fmt(r.detectDay.opened)} more cases`);
  log(
    `city as of the last day: red ${fmt(r.incremental.total.red)}, yellow ${fmt(r.incremental.total.yellow)}, green ` +
      `${fmt(r.incremental.total.green)}, no code ${fmt(r.incremental.total.no_code)}`,
  );
}
