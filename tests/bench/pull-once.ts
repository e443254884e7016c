/**
 * Bench child: pulls an exchange database into a database and prints what it measured as JSON (its
 * own process, so its peak memory is the pull's alone).
 */
import { openDatabase } from '../../electron/backend/db/database.ts';
import { parsePostgresUrl } from '../../electron/backend/exchange-db/pg-source.ts';
import { syncPostgres } from '../../electron/backend/exchange-db/pull-exchange.ts';

const [dbFile, url] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbFile);
const t0 = performance.now();
const r = await syncPostgres(db, { source: { ...parsePostgresUrl(url), password: process.env.PGPASSWORD ?? null } });
const ms = performance.now() - t0;
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
process.stdout.write(
  JSON.stringify({
    ms,
    status: r.status,
    read: r.totals.read,
    accepted: r.totals.accepted,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
