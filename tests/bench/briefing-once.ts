/**
 * Bench child: writes the daily briefing of one date from an evaluated city, timed, and prints the
 * figures as JSON (the workbook's size, its list lengths and this process's peak memory).
 */
import { statSync } from 'node:fs';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { defaultTrendFrom } from '../../electron/backend/briefing/briefing-period.ts';
import { writeBriefing } from '../../electron/backend/briefing/write-briefing.ts';

const [dbFile, dayText, out] = process.argv.slice(2) as [string, string, string];
const day = Number(dayText);
const db = openDatabase(dbFile, { readonly: true, skipIntegrityCheck: true, cacheMB: 64 });
const t0 = performance.now();
const written = await writeBriefing(db, out, { day, trendFrom: defaultTrendFrom(day), generatedAt: Date.now(), generatedBy: 'bench' });
const seconds = (performance.now() - t0) / 1000;
db.close();
process.stdout.write(
  JSON.stringify({
    seconds,
    rows: written.rows,
    sheets: written.sheets.length,
    fileMB: statSync(out).size / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
