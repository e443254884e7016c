/**
 * `npm run bench`: the performance figures of the console, on this machine. Not a test: it prints
 * what it measured (and writes .bench/results.json); the README records the figures.
 *   npm run bench                      all sections at their default sizes
 *   npm run bench -- --people 45000 --days 14
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, machine } from './bench-util.ts';
import { printImportBench, runImportBench } from './import-bench.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const log = (line: string) => process.stdout.write(line + '\n');

mkdirSync(BENCH_DIR, { recursive: true });
log(`# hcc bench on ${machine()}`);
// 45,000 people x 14 days gives about one million check-in rows.
const importResult = runImportBench(opt('people', 45_000), opt('days', 14), log);
printImportBench(importResult, log);
writeFileSync(join(BENCH_DIR, 'results.json'), JSON.stringify({ machine: machine(), import: importResult }, null, 2));
