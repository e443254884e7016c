/**
 * Files dropped on the Data screen arrive in pieces through the API (the same way over IPC and
 * HTTP) into this process's folder under the data folder's uploads/, checked for size and order,
 * then imported like any file. They hold a department's full IDs and phones, so they live no longer
 * than needed: removed when their import ends, after `idleMs` without a piece or a preview, and at
 * the next start (files/scratch-folders.ts); 0600 in a 0700 folder. What they may take is announced
 * before the first byte and checked against quotas and the disk's free space.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statfsSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ApiFailure } from '../failures/api-failure.ts';
import { writePrivateFile } from '../files/private-files.ts';
import { claimScratchFolder, ensureScratchFolder, removeScratchFile } from '../files/scratch-folders.ts';
import type { ImportStatus } from '../import/import-file.ts';

export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface UploadLimits {
  /** Announced bytes one user may hold in uploads at once (one 1 GB file importing, the next arriving). */
  perUserBytes: number;
  /** Announced bytes of everyone's uploads at once. */
  totalBytes: number;
  /** Left free on the disk beyond every announced upload: the import writes the rows into the database. */
  keepFreeBytes: number;
  /** An upload without a piece, a preview or an import for this long is abandoned. */
  idleMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  perUserBytes: 2 * MAX_UPLOAD_BYTES,
  totalBytes: 4 * MAX_UPLOAD_BYTES,
  keepFreeBytes: MAX_UPLOAD_BYTES,
  idleMs: 30 * 60_000,
};

export interface Upload {
  id: string;
  name: string;
  path: string;
  size: number;
  received: number;
  user: string;
}

interface HeldUpload extends Upload {
  lastUsedAt: number;
  /** The import job reading the file; it is not idle meanwhile. */
  importJob: number | null;
}

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= 1024 * MB ? `${+(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.ceil(bytes / MB)} MB`);

export class Uploads {
  private readonly items = new Map<string, HeldUpload>();
  private readonly dir: string;
  private readonly now: () => number;
  private readonly limits: UploadLimits;
  private readonly timer: NodeJS.Timeout;

  constructor(dataDir: string, options: { now?: () => number; limits?: Partial<UploadLimits> } = {}) {
    this.now = options.now ?? Date.now;
    this.limits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits };
    this.dir = claimScratchFolder(join(dataDir, 'uploads'));
    this.timer = setInterval(() => this.sweep(), Math.min(this.limits.idleMs, 60_000));
    this.timer.unref();
  }

  begin(name: string, size: number, user: string): Upload {
    if (size <= 0 || size > MAX_UPLOAD_BYTES) throw ApiFailure.because('bad_request', { code: 'uploads.badSize' });
    const ext = extname(name).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw ApiFailure.because('bad_request', { code: 'uploads.notCsvOrXlsx', params: { name } });
    this.sweep();
    this.makeRoom(size, user);
    const id = randomBytes(12).toString('base64url');
    // The original name is kept for messages and the batch log; the stored file gets a safe one.
    const u: HeldUpload = {
      id,
      name,
      path: join(ensureScratchFolder(this.dir), `${id}${ext}`),
      size,
      received: 0,
      user,
      lastUsedAt: this.now(),
      importJob: null,
    };
    writePrivateFile(u.path, '', 'wx');
    this.items.set(id, u);
    return u;
  }

  chunk(id: string, offset: number, data: Buffer, user: string): Upload {
    const u = this.get(id, user);
    if (offset !== u.received) throw ApiFailure.because('bad_request', { code: 'uploads.wrongOffset', params: { offset: u.received } });
    if (u.received + data.length > u.size) throw ApiFailure.because('bad_request', { code: 'uploads.tooMuchData' });
    const fd = openSync(u.path, 'r+');
    try {
      writeSync(fd, data, 0, data.length, offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      this.remove(u);
      throw ApiFailure.because('conflict', { code: 'uploads.diskFull' });
    } finally {
      closeSync(fd);
    }
    u.received += data.length;
    u.lastUsedAt = this.now();
    return u;
  }

  /** A complete upload of this user. */
  complete(id: string, user: string): Upload {
    const u = this.get(id, user);
    if (u.received !== u.size) throw ApiFailure.because('bad_request', { code: 'uploads.incomplete' });
    u.lastUsedAt = this.now();
    return u;
  }

  /** The upload is being imported by `jobId`: kept (not idle) until that job ends. */
  importing(id: string, jobId: number): void {
    const u = this.items.get(id);
    if (u) u.importJob = jobId;
  }

  /**
   * An import job ended. Its file goes, unless the importer asked to confirm replacing stored
   * values: the confirmed import reads the same upload again.
   */
  importEnded(jobId: number, status: ImportStatus | null): void {
    for (const u of this.items.values()) {
      if (u.importJob !== jobId) continue;
      u.importJob = null;
      u.lastUsedAt = this.now();
      if (status !== 'needs_confirmation') this.remove(u);
    }
  }

  /** Removes abandoned uploads (also every minute on its own). */
  sweep(): void {
    const now = this.now();
    for (const u of this.items.values()) if (u.importJob === null && now - u.lastUsedAt > this.limits.idleMs) this.remove(u);
  }

  close(): void {
    clearInterval(this.timer);
  }

  /**
   * Room for `bytes` more of `user`: their older uploads not being imported give way (the Data
   * screen handles one file at a time, so a new drop means the last was left), then the quotas and
   * the disk decide.
   */
  private makeRoom(bytes: number, user: string): void {
    const held = (only?: (u: HeldUpload) => boolean) =>
      [...this.items.values()].filter((u) => !only || only(u)).reduce((n, u) => n + u.size, 0);
    const { perUserBytes, totalBytes, keepFreeBytes, idleMs } = this.limits;
    const importing = held((u) => u.user === user && u.importJob !== null);
    if (importing + bytes > perUserBytes) {
      throw ApiFailure.because('busy', {
        code: 'uploads.userQuota',
        params: { perUserBytes: size(perUserBytes), importing: size(importing), bytes: size(bytes) },
      });
    }
    for (const u of [...this.items.values()].sort((a, b) => a.lastUsedAt - b.lastUsedAt)) {
      if (held((h) => h.user === user) + bytes <= perUserBytes) break;
      if (u.user === user && u.importJob === null) this.remove(u);
    }
    const minutes = Math.round(idleMs / 60_000);
    if (held() + bytes > totalBytes) {
      throw ApiFailure.because('busy', {
        code: 'uploads.totalQuota',
        params: { held: size(held()), totalBytes: size(totalBytes), minutes },
      });
    }
    const disk = statfsSync(this.dir);
    const free = disk.bavail * disk.bsize;
    const promised = [...this.items.values()].reduce((n, u) => n + u.size - u.received, 0);
    if (free - promised - bytes < keepFreeBytes) {
      throw ApiFailure.because('conflict', {
        code: 'uploads.diskSpace',
        params: { free: size(free), bytes: size(bytes), keepFreeBytes: size(keepFreeBytes) },
      });
    }
  }

  private remove(u: HeldUpload): void {
    this.items.delete(u.id);
    removeScratchFile(u.path);
  }

  private get(id: string, user: string): HeldUpload {
    const u = this.items.get(id);
    if (!u || u.user !== user) throw ApiFailure.because('not_found', { code: 'uploads.notFound' });
    return u;
  }
}
