/**
 * Files made for a browser to download (exports in browser mode): written to the data folder's
 * downloads/, fetched once by the session that made them within 10 minutes, then deleted.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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

  constructor(dataDir: string, now: () => number = Date.now) {
    this.dir = join(dataDir, 'downloads');
    this.now = now;
  }

  /** A fresh path to write an export to. */
  newPath(fileName: string): string {
    mkdirSync(this.dir, { recursive: true });
    return join(this.dir, `${randomBytes(8).toString('hex')}-${fileName.replace(/[^\p{L}\p{N}._-]/gu, '_')}`);
  }

  register(path: string, fileName: string, sessionToken: string): string {
    this.sweep();
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

  private sweep(): void {
    for (const [id, d] of this.items) {
      if (d.expiresAt < this.now()) {
        rmSync(d.path, { force: true });
        this.items.delete(id);
      }
    }
  }
}
