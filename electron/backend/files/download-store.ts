/**
 * Files made for a browser to download (exports in browser mode, which carry full IDs for the
 * departments): written to this process's folder under the data folder's downloads/, fetched once
 * by the session that made them within 10 minutes, then deleted. One not fetched is deleted when
 * it expires (checked every minute), and whatever a stopped console left is deleted at the next
 * start (files/scratch-folders.ts). 0600 in a 0700 folder.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { restrictFile } from './private-files.ts';
import { claimScratchFolder, ensureScratchFolder, removeScratchFile } from './scratch-folders.ts';

export interface Download {
  path: string;
  fileName: string;
  sessionToken: string;
  expiresAt: number;
}

const TTL_MS = 10 * 60_000;

export class DownloadStore {
  private readonly items = new Map<string, Download>();
  private readonly dir: string;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;

  constructor(dataDir: string, now: () => number = Date.now) {
    this.dir = claimScratchFolder(join(dataDir, 'downloads'));
    this.now = now;
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  /** A fresh path to write an export to. */
  newPath(fileName: string): string {
    return join(ensureScratchFolder(this.dir), `${randomBytes(8).toString('hex')}-${fileName.replace(/[^\p{L}\p{N}._-]/gu, '_')}`);
  }

  register(path: string, fileName: string, sessionToken: string): string {
    this.sweep();
    // The exporters create their files with the process's umask; the folder is 0700 in any case.
    restrictFile(path);
    const id = randomBytes(18).toString('base64url');
    this.items.set(id, { path, fileName, sessionToken, expiresAt: this.now() + TTL_MS });
    return id;
  }

  /** The download for this session, removed from the store (the caller deletes the file after sending). */
  take(id: string, sessionToken: string | null): Download | null {
    this.sweep();
    const d = this.items.get(id);
    if (!d || d.sessionToken !== sessionToken) return null;
    this.items.delete(id);
    return d;
  }

  /** Deletes expired downloads, and files of exports that failed before they were registered. */
  sweep(): void {
    for (const [id, d] of this.items) {
      if (d.expiresAt < this.now()) {
        removeScratchFile(d.path);
        this.items.delete(id);
      }
    }
    const registered = new Set([...this.items.values()].map((d) => d.path));
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(this.dir, name);
      // File times are real time, whatever clock the console runs on; an export being written is younger.
      if (!registered.has(path) && Date.now() - statMtime(path) > TTL_MS) removeScratchFile(path);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
