/**
 * Bench child: a full (or incremental) evaluation of the colours in a synced database, then the
 * county-stats query timed over several dates. Prints JSON.
 */
import { openDatabase } from '../../electron/backend/db/database.ts';
import { countyStats } from '../../electron/backend/rules/county-stats.ts';
import { recomputeColours } from '../../electron/backend/rules/recompute.ts';

const [dbFile, mode, statsDay] = process.argv.slice(2) as [string, 'full' | 'incremental', string];
const db = openDatabase(dbFile, { skipIntegrityCheck: true });
const r = await recomputeColours(db, { full: mode === 'full' });
const day = Number(statsDay);
const times: number[] = [];
let rows = countyStats(db, day);
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  rows = countyStats(db, day - (i % 14));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const total = rows[rows.length - 1]!;
db.close();
process.stdout.write(
  JSON.stringify({
    ...r,
    statsMedianMs: times[10],
    statsMaxMs: times[times.length - 1],
    total,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
