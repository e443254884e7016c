/**
 * Bench child: one run of the fraud detectors on an evaluated city, timed, then every case in the
 * database compared with the demo city's ground truth (planted people found, honest people
 * flagged). Prints JSON.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { runDetectors } from '../../electron/backend/enforcement/detectors/run-detectors.ts';

const [dbFile, truthFile] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbFile, { skipIntegrityCheck: true });
const t0 = performance.now();
const run = runDetectors(db, { now: Date.now() });
const seconds = (performance.now() - t0) / 1000;

const planted = (JSON.parse(readFileSync(truthFile, 'utf8')) as { planted: Record<string, string[]> }).planted;
const truth = new Map<string, string>();
for (const [behavior, ids] of Object.entries(planted)) for (const id of ids) truth.set(id, behavior);
const flagged = new Map<string, Set<string>>();
for (const c of db.prepare('SELECT person_id, behavior FROM cases').all() as { person_id: string; behavior: string }[]) {
  flagged.set(c.person_id, (flagged.get(c.person_id) ?? new Set()).add(c.behavior));
}
const cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
db.close();
const missed = [...truth].filter(([id, behavior]) => !flagged.get(id)?.has(behavior)).length;
process.stdout.write(
  JSON.stringify({
    seconds,
    opened: run.opened.length,
    examined: run.examined,
    cases,
    planted: Object.fromEntries(Object.entries(planted).map(([b, ids]) => [b, ids.length])),
    found: truth.size - missed,
    missed,
    honestFlagged: [...flagged.keys()].filter((id) => !truth.has(id)).length,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
