/**
 * `npm run bench`: the performance figures of the console, on this machine. Not a test: it prints
 * what it measured (and writes .bench/results.json); the README records the figures.
 *   npm run bench                                 every section at its default size
 *   npm run bench -- --only import --people 45000 --days 14
 *   npm run bench -- --only encryption      (the same city clear and encrypted: sync and evaluation)
 *   npm run bench -- --only colours --city 4000000
 *   npm run bench -- --only interface        (after colours: the dashboard on that city)
 *   npm run bench -- --only briefing         (after colours: the daily Excel briefing of that city)
 *   npm run bench -- --only enterprises --city 200000   (the colours city if made, else a demo city of that size)
 *   npm run bench -- --only enterprises-ui  (after colours: the Enterprises screen in Chromium through hcc serve)
 *   npm run bench -- --only figures         (after colours: the lists behind figures and a 100,000-row export)
 *   npm run bench -- --only exchange        (a million check-ins pulled from a private PostgreSQL vs the same CSV)
 *   npm run bench -- --only whatif --city 20000   (the key-area what-if: on work-N.db if there, else a demo city)
 *   npm run bench -- --only forecast --city 20000 (the green forecast and the dashboard summary with it: likewise)
 * The colours section syncs a 4-million-resident city once into .bench/base-<N>.db (about half an
 * hour the first time) and reuses it afterwards.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, machine } from './bench-util.ts';
import { printBriefingBench, runBriefingBench } from './briefing-bench.ts';
import { printEncryptionBench, runEncryptionBench } from './encryption-bench.ts';
import { printEnterprisesBench, runEnterprisesBench } from './enterprises-bench.ts';
import { printExchangeBench, runExchangeBench } from './exchange-bench.ts';
import { runFiguresBench } from './figures-bench.ts';
import { runForecastBench } from './forecast-bench.ts';
import { runWhatIfBench } from './whatif-bench.ts';
import { printEnterprisesUiBench, runEnterprisesUiBench } from './enterprises-ui-bench.ts';
import { printImportBench, runImportBench } from './import-bench.ts';
import { printRulesBench, runRulesBench } from './rules-bench.ts';
import { runUiBench } from './ui-bench.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const log = (line: string) => process.stdout.write(line + '\n');

mkdirSync(BENCH_DIR, { recursive: true });
log(`# hcc bench on ${machine()}`);
// A run of one section keeps the other sections' figures from earlier runs (each section says when).
const resultsFile = join(BENCH_DIR, 'results.json');
const results: Record<string, unknown> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
results.machine = machine();
results.at = new Date().toISOString();
if (!only || only === 'import') {
  // 45,000 people x 14 days gives about one million check-in rows.
  const r = runImportBench(opt('people', 45_000), opt('days', 14), log);
  printImportBench(r, log);
  results.import = r;
}
if (!only || only === 'encryption') {
  // The cost of encryption at rest (issue 12): the import's city, clear and encrypted, same run.
  const r = runEncryptionBench(opt('people', 45_000), opt('days', 14), log);
  printEncryptionBench(r, log);
  results.encryption = r;
}
if (!only || only === 'colours') {
  // Statistics are queried for the 13th day (2020-02-22), then the 14th after it is synced.
  const r = runRulesBench(opt('city', 4_000_000), 14, 18_314, log);
  printRulesBench(r, log);
  results.colours = r;
}
if (!only || only === 'interface') {
  results.interface = await runUiBench(opt('city', 4_000_000), log);
}
if (!only || only === 'briefing') {
  // The last day the colours section synced (2020-02-23).
  const r = runBriefingBench(opt('city', 4_000_000), 18_315, log);
  printBriefingBench(r, log);
  results.briefing = r;
}
if (!only || only === 'enterprises') {
  const r = await runEnterprisesBench(opt('city', 4_000_000), log);
  printEnterprisesBench(r, log);
  results.enterprises = r;
}
if (!only || only === 'enterprises-ui') {
  const r = await runEnterprisesUiBench(opt('city', 4_000_000), log);
  printEnterprisesUiBench(r, log);
  results.enterprisesUi = r;
}
if (!only || only === 'figures') {
  log('figures: the people behind a figure, at the colours city');
  results.figures = await runFiguresBench(opt('city', 4_000_000), log);
}
if (!only || only === 'whatif') {
  log('whatif: the dry run of a key-area change');
  results.whatif = await runWhatIfBench(opt('city', 4_000_000), log);
}
if (!only || only === 'forecast') {
  log('forecast: the green forecast kept and read, and the dashboard summary with it');
  results.forecast = await runForecastBench(opt('city', 4_000_000), log);
}
if (!only || only === 'exchange') {
  // The import section's city: about a million check-ins.
  const r = await runExchangeBench(opt('people', 45_000), opt('days', 14), log);
  printExchangeBench(r, log);
  results.exchange = r;
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
