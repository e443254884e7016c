/**
 * One sync at a time per database: a row in `settings` names the process holding it. A lock whose
 * process is gone (killed, power cut) is taken over, which is what makes a killed sync resumable.
 * Another machine's lock (a database on a shared drive) is never trusted to be alive or dead: it
 * is taken over too, as before.
 */
import { hostname, uptime } from 'node:os';
import type { Db } from '../db/database.ts';

const KEY = 'sync.lock';

export class SyncBusyError extends Error {}

export function acquireSyncLock(db: Db): () => void {
  const me = { pid: process.pid, host: hostname(), at: Date.now() };
  db.transaction(() => {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    if (row) {
      const holder = JSON.parse(row.value) as typeof me;
      // A lock taken before this machine started is from before a power cut or restart: its process
      // number may belong to some other program by now.
      const beforeBoot = holder.at < Date.now() - uptime() * 1000;
      if (holder.pid !== me.pid && holder.host === me.host && !beforeBoot && processAlive(holder.pid)) {
        throw new SyncBusyError(`another sync is running on this database (process ${holder.pid}); wait for it to finish`);
      }
    }
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      KEY,
      JSON.stringify(me),
    );
  }).immediate();
  return () => {
    db.prepare('DELETE FROM settings WHERE key = ? AND value = ?').run(KEY, JSON.stringify(me));
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
