/**
 * The first start, one for both shells (the Electron window and `hcc serve`, which `npm run serve`
 * runs): on an empty database the page asks for the first administrator's password (auth.setup),
 * then offers the demo city (CONSOLE.md), and the demo city, if taken, loads as a job
 * (pipelines/load-demo-city.ts) that syncs, evaluates and runs the detectors. Nothing is loaded
 * before the administrator exists: a city loaded behind the set-up screen made the offer vanish
 * and left a console whose first user never chose it.
 */
import type { AuthStatus } from '../../../shared/contract/auth.ts';
import { countUsers } from '../auth/users.ts';
import { latestDataDay } from '../clock/data-days.ts';
import type { Db } from '../db/database.ts';

/**
 * The demo city goes only into a database without data: nothing ever imported, or no residents and
 * no dated record (what the dashboard shows as empty, where it is offered). A file that was read
 * but gave nothing (every row rejected) does not count as data.
 */
export function demoAllowed(db: Db): boolean {
  if (db.prepare('SELECT 1 FROM import_batches LIMIT 1').get() === undefined) return true;
  return db.prepare('SELECT 1 FROM residents LIMIT 1').get() === undefined && latestDataDay(db) === null;
}

/** Where the first start stands: what auth.status tells the page to show. */
export function firstStartStatus(db: Db): Pick<AuthStatus, 'setupRequired' | 'emptyDatabase'> {
  return { setupRequired: countUsers(db) === 0, emptyDatabase: demoAllowed(db) };
}
