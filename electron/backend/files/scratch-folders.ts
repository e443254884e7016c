/**
 * Folders of passing files that hold people's data (uploads waiting to be imported, exports
 * waiting to be downloaded). Each process keeps its own, `p<pid>`, under the data folder's
 * uploads/ or downloads/: a console that starts removes what ended processes left (a crash, a kill,
 * a power cut), and never what another console running on the same data folder is using.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeOwnPrivateDir, makePrivateDir } from './private-files.ts';

/** A folder not touched for this long belongs to nobody, whatever process now has its number. */
const ABANDONED_AFTER_MS = 24 * 60 * 60_000;

function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function leftBehind(path: string, name: string): boolean {
  const owner = /^p(\d+)$/.exec(name);
  if (!owner) return true;
  const pid = Number(owner[1]);
  // Our own number: a process before us had it (a container's pid 1), or an earlier console of ours.
  if (pid === process.pid || !processRunning(pid)) return true;
  // File times are real time, whatever clock the console runs on.
  return Date.now() - statSync(path).mtimeMs > ABANDONED_AFTER_MS;
}

/**
 * This process's folder under `parent`, 0700, after removing everything in `parent` that a running
 * console does not own. Called once at start.
 */
export function claimScratchFolder(parent: string): string {
  makeOwnPrivateDir(parent);
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const path = join(parent, entry.name);
    try {
      if (leftBehind(path, entry.name)) rmSync(path, { recursive: true, force: true });
    } catch (err) {
      // Gone meanwhile, or held open (Windows): the next start tries again.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        console.error(`cannot remove ${entry.name} from ${parent}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  return makePrivateDir(join(parent, `p${process.pid}`));
}

/** The folder again, before a file is made in it: another console may have removed it as idle. */
export function ensureScratchFolder(dir: string): string {
  return makePrivateDir(dir);
}

/** Removes a passing file; one held open (Windows) is left for the start sweep. */
export function removeScratchFile(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the next start's sweep.
  }
}
