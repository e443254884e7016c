/**
 * Issue 12's cost of encryption at rest: the same demo city synced into a clear database and into
 * an encrypted one (SQLCipher 4 format, sqlite3mc), then the colours evaluated in full on each, in
 * one run on one machine, alternating so that neither always has the warmer disk cache.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, child, fmt, removeDb, sizeMB } from './bench-util.ts';
import { ensureCity } from './import-bench.ts';

interface Measured {
  syncSeconds: number;
  rows: number;
  rowsPerSecond: number;
  syncMaxRssMB: number;
  evaluateSeconds: number;
  people: number;
  evaluateMaxRssMB: number;
  dbSizeMB: number;
  header: 'SQLite format 3' | 'random';
}

export interface EncryptionBenchResult {
  city: { people: number; days: number };
  clear: Measured;
  encrypted: Measured;
  syncSlowdown: number;
  evaluateSlowdown: number;
}

function measure(cityDir: string, file: string, mode: 'clear' | 'encrypted', log: (line: string) => void): Measured {
  removeDb(file);
  rmSync(`${file}.key`, { force: true });
  log(`  ${mode}: sync...`);
  const sync = child<{ ms: number; totals: { read: number }; maxRssMB: number }>('sync-once.ts', [file, cityDir, mode]);
  log(`  ${mode}: full evaluation...`);
  const ev = child<{ seconds: number; people: number; maxRssMB: number }>('evaluate-once.ts', [file, 'full', '18314']);
  const header = readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3' ? 'SQLite format 3' : 'random';
  return {
    syncSeconds: sync.ms / 1000,
    rows: sync.totals.read,
    rowsPerSecond: sync.totals.read / (sync.ms / 1000),
    syncMaxRssMB: sync.maxRssMB,
    evaluateSeconds: ev.seconds,
    people: ev.people,
    evaluateMaxRssMB: ev.maxRssMB,
    dbSizeMB: sizeMB(file),
    header,
  };
}

export function runEncryptionBench(people: number, days: number, log: (line: string) => void): EncryptionBenchResult {
  log(`encryption at rest: demo city ${fmt(people)} people x ${days} days, clear and encrypted`);
  const city = ensureCity(people, days);
  const clearDb = join(BENCH_DIR, 'clear.db');
  const encryptedDb = join(BENCH_DIR, 'encrypted.db');
  // Two rounds, alternating; each mode keeps its faster round (the least disturbed by the others on the machine).
  const rounds: Record<'clear' | 'encrypted', Measured[]> = { clear: [], encrypted: [] };
  for (const order of [
    ['clear', 'encrypted'],
    ['encrypted', 'clear'],
  ] as const) {
    for (const mode of order) rounds[mode].push(measure(city.dir, mode === 'clear' ? clearDb : encryptedDb, mode, log));
  }
  const best = (ms: Measured[]): Measured => ({
    ...ms[0]!,
    syncSeconds: Math.min(...ms.map((m) => m.syncSeconds)),
    rowsPerSecond: Math.max(...ms.map((m) => m.rowsPerSecond)),
    evaluateSeconds: Math.min(...ms.map((m) => m.evaluateSeconds)),
  });
  const clear = best(rounds.clear);
  const encrypted = best(rounds.encrypted);
  return {
    city: { people, days },
    clear,
    encrypted,
    syncSlowdown: encrypted.syncSeconds / clear.syncSeconds,
    evaluateSlowdown: encrypted.evaluateSeconds / clear.evaluateSeconds,
  };
}

export function printEncryptionBench(r: EncryptionBenchResult, log: (line: string) => void): void {
  log('');
  log(`## Encryption at rest (demo city ${fmt(r.city.people)} people x ${r.city.days} days; best of two alternating rounds)`);
  log('| | clear | encrypted | encrypted / clear |');
  log('| --- | --- | --- | --- |');
  const row = (name: string, c: string, e: string, ratio: string) => log(`| ${name} | ${c} | ${e} | ${ratio} |`);
  row(
    'sync of the whole city',
    `${fmt(r.clear.syncSeconds, 1)} s (${fmt(r.clear.rowsPerSecond)} rows/s)`,
    `${fmt(r.encrypted.syncSeconds, 1)} s (${fmt(r.encrypted.rowsPerSecond)} rows/s)`,
    `${fmt(r.syncSlowdown, 2)}x`,
  );
  row(
    `full colour evaluation (${fmt(r.clear.people)} people)`,
    `${fmt(r.clear.evaluateSeconds, 1)} s`,
    `${fmt(r.encrypted.evaluateSeconds, 1)} s`,
    `${fmt(r.evaluateSlowdown, 2)}x`,
  );
  row(
    'peak RSS sync / evaluation',
    `${fmt(r.clear.syncMaxRssMB)} / ${fmt(r.clear.evaluateMaxRssMB)} MB`,
    `${fmt(r.encrypted.syncMaxRssMB)} / ${fmt(r.encrypted.evaluateMaxRssMB)} MB`,
    '',
  );
  row(
    'database size',
    `${fmt(r.clear.dbSizeMB, 1)} MB`,
    `${fmt(r.encrypted.dbSizeMB, 1)} MB`,
    `${fmt(r.encrypted.dbSizeMB / r.clear.dbSizeMB, 2)}x`,
  );
  row('first 16 bytes of the file', r.clear.header, r.encrypted.header, '');
}
