/**
 * Bench child: imports one file into a database and prints what it measured as JSON. Run in its
 * own process so its peak memory is the import's alone.
 */
import { openDatabase } from '../../electron/backend/db/database.ts';
import { importFile } from '../../electron/backend/import/import-file.ts';
import type { FeedName } from '../../shared/domain/feeds/feed-schemas.ts';

const [dbFile, feed, file] = process.argv.slice(2) as [string, FeedName, string];
const db = openDatabase(dbFile);
const t0 = performance.now();
const r = await importFile(db, { path: file, feed, origin: 'import' });
const ms = performance.now() - t0;
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
process.stdout.write(
  JSON.stringify({
    ms,
    status: r.status,
    read: r.read,
    accepted: r.accepted,
    rejected: r.rejected,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
