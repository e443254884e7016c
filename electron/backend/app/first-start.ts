/**
 * First start on an empty database: write the demo city into the data folder and sync it, so a
 * newcomer sees a working console at once. Runs once; a database that has ever imported anything
 * is left alone.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.ts';
import { writeDemoCity } from '../demo/demo-city.ts';
import { recomputeColours } from '../rules/recompute.ts';
import { type SyncEvent, syncDirectory } from '../sync/sync-directory.ts';

export const DEMO_PEOPLE = 20_000;
export const DEMO_DAYS = 14;

export function isEmptyDatabase(db: Db): boolean {
  const batches = db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number };
  return batches.n === 0;
}

export async function loadDemoCity(db: Db, dataDir: string, onEvent?: (e: SyncEvent | { type: 'demo-writing' }) => void): Promise<string> {
  const dir = join(dataDir, 'demo-exchange');
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    onEvent?.({ type: 'demo-writing' });
    await writeDemoCity({ out: dir, people: DEMO_PEOPLE, days: DEMO_DAYS, seed: 1, start: '2020-02-10' });
  }
  await syncDirectory(db, { source: dir, ...(onEvent ? { onEvent } : {}) });
  await recomputeColours(db);
  return dir;
}
