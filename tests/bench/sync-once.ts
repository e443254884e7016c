/**
 * Bench child: syncs an exchange directory and prints per-feed rows and seconds as JSON. A third
 * argument `clear` makes a clear (unencrypted) database, for the cost of encryption.
 */
import { openDatabase } from '../../electron/backend/db/database.ts';
import { syncDirectory } from '../../electron/backend/sync/sync-directory.ts';

const [dbFile, source, mode] = process.argv.slice(2) as [string, string, 'clear' | 'encrypted' | undefined];
const db = openDatabase(dbFile, mode === 'clear' ? { key: null } : {});
const perFeed: Record<string, { rows: number; ms: number }> = {};
let fileStart = 0;
const t0 = performance.now();
const r = await syncDirectory(db, {
  source,
  onEvent: (e) => {
    if (e.type === 'file-start') fileStart = performance.now();
    if (e.type === 'file-done') {
      const f = (perFeed[e.outcome.feed] ??= { rows: 0, ms: 0 });
      f.rows += e.outcome.read;
      f.ms += performance.now() - fileStart;
    }
  },
});
const ms = performance.now() - t0;
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
process.stdout.write(
  JSON.stringify({ ms, status: r.status, totals: r.totals, perFeed, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
