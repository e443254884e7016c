/**
 * Issue 12: uploaded department files (full IDs and phones) and browser exports must not stay on
 * disk. An upload is removed when its import ends, when it is abandoned, and at the next start; it
 * is private (0600 in a 0700 folder) and counted against quotas and the disk's free space before
 * a byte is accepted. An export is removed once downloaded, when it expires, and at the next start.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DownloadStore } from '../../../../electron/backend/files/download-store.ts';
import { Uploads } from '../../../../electron/backend/uploads/uploads.ts';
import { REPLACE_CONFIRM_AT } from '../../../../shared/domain/feeds/replace-confirmation.ts';
import { testConsole, type TestConsole } from '../../../support/console.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const posix = process.platform !== 'win32';
const MB = 1024 * 1024;

/** Every file under `dir`, at any depth. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const mode = (path: string) => statSync(path).mode & 0o777;

function errorOf(f: () => unknown): { code: string; message: string; messageZh: string } {
  try {
    f();
  } catch (err) {
    return (err as { error: { code: string; message: string; messageZh: string } }).error;
  }
  throw new Error('expected a refusal');
}

async function upload(c: TestConsole, user: string, name: string, bytes: Buffer): Promise<string> {
  const { uploadId } = await c.ok(user, 'upload.begin', { name, size: bytes.length });
  await c.ok(user, 'upload.chunk', { uploadId, offset: 0, base64: bytes.toString('base64') });
  return uploadId;
}

const CHECKINS = ['身份证号', '打卡时间', '体温'];

describe('uploads', () => {
  test('an imported upload is removed from disk when its import ends; the upload is gone', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const bytes = readFileSync(writeCsv(join(dir, 'in.csv'), [CHECKINS, [personId(1), '2020-02-10 08:00:00', '36.5']]));
    const uploadId = await upload(c, 'ofc', '健康打卡-2020-02-10.csv', bytes);
    expect(filesUnder(join(dir, 'uploads'))).toHaveLength(1);
    await c.ok('ofc', 'import.commit', { uploadId, feed: 'checkins' });
    await c.services.jobs.idle();
    expect(filesUnder(join(dir, 'uploads'))).toEqual([]);
    const again = await c.call('ofc', 'import.preview', { uploadId });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });

  test('an import that asks for confirmation keeps its file for the confirmed import, then removes it', async () => {
    const dir = tempDir();
    const c = await testConsole(dir, { users: [{ name: 'ofc', role: 'officer' }] });
    const header = ['身份证号', '姓名', '手机号', '县区代码', '住址'];
    const residents = (phone: string) =>
      readFileSync(
        writeCsv(join(dir, `r-${phone}.csv`), [
          header,
          ...Array.from({ length: REPLACE_CONFIRM_AT + 5 }, (_, i) => [
            personId(i + 1),
            `居民${i}`,
            `${phone}${String(i).padStart(8, '0')}`,
            '371602',
            '址',
          ]),
        ]),
      );
    await c.ok('ofc', 'import.commit', { uploadId: await upload(c, 'ofc', 'residents-1.csv', residents('138')), feed: 'residents' });
    await c.services.jobs.idle();
    const uploadId = await upload(c, 'ofc', 'residents-2.csv', residents('139'));
    const asked = await c.ok('ofc', 'import.commit', { uploadId, feed: 'residents' });
    await c.services.jobs.idle();
    expect((await c.ok('ofc', 'import.result', { jobId: asked.id }))?.status).toBe('needs_confirmation');
    expect(filesUnder(join(dir, 'uploads'))).toHaveLength(1);
    const confirmed = await c.ok('ofc', 'import.commit', { uploadId, feed: 'residents', confirmReplace: true });
    await c.services.jobs.idle();
    expect((await c.ok('ofc', 'import.result', { jobId: confirmed.id }))?.status).toBe('done');
    expect(filesUnder(join(dir, 'uploads'))).toEqual([]);
  });

  test('an abandoned upload is removed after the idle time; one in use stays', () => {
    const dir = tempDir();
    let now = 1_000_000;
    const uploads = new Uploads(dir, { now: () => now, limits: { idleMs: 30 * 60_000 } });
    const left = uploads.begin('a.csv', 10, 'ofc');
    uploads.chunk(left.id, 0, Buffer.from('12345'), 'ofc');
    const used = uploads.begin('b.csv', 5, 'ofc');
    now += 20 * 60_000;
    uploads.chunk(used.id, 0, Buffer.from('12345'), 'ofc');
    now += 15 * 60_000;
    uploads.sweep();
    expect(existsSync(left.path)).toBe(false);
    expect(errorOf(() => uploads.chunk(left.id, 5, Buffer.from('67890'), 'ofc')).code).toBe('not_found');
    expect(existsSync(used.path)).toBe(true);
    uploads.close();
  });

  test('at start, uploads left by an earlier run or an ended process are removed; a running process keeps its own', async () => {
    const dir = tempDir();
    const root = join(dir, 'uploads');
    mkdirSync(join(root, 'p999999999'), { recursive: true });
    writeFileSync(join(root, 'old-layout.csv'), 'person_id\n');
    writeFileSync(join(root, 'p999999999', 'ended.csv'), 'person_id\n');
    // A process that is still running (another console on the same data folder) keeps its uploads.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(root, `p${other.pid}`));
      writeFileSync(join(root, `p${other.pid}`, 'running.csv'), 'person_id\n');
      new Uploads(dir).close();
      expect(filesUnder(root).map((f) => f.slice(root.length + 1))).toEqual([join(`p${other.pid}`, 'running.csv')]);
    } finally {
      other.kill();
    }
  });

  test.skipIf(!posix)('an upload is 0600 in a 0700 folder', () => {
    const dir = tempDir();
    const uploads = new Uploads(dir);
    const u = uploads.begin('a.csv', 3, 'ofc');
    uploads.chunk(u.id, 0, Buffer.from('abc'), 'ofc');
    expect(mode(u.path)).toBe(0o600);
    expect(mode(join(dir, 'uploads'))).toBe(0o700);
    expect(mode(join(u.path, '..'))).toBe(0o700);
    uploads.close();
  });

  test('announced sizes count against a quota per user and in all; a user’s own idle upload gives way', () => {
    const dir = tempDir();
    const uploads = new Uploads(dir, { limits: { perUserBytes: 100 * MB, totalBytes: 150 * MB } });
    const first = uploads.begin('a.csv', 60 * MB, 'ofc');
    uploads.begin('b.csv', 50 * MB, 'cre');
    // A new file of the same user replaces the one they left (the Data screen imports one at a time)...
    uploads.begin('c.csv', 50 * MB, 'ofc');
    expect(errorOf(() => uploads.chunk(first.id, 0, Buffer.from('x'), 'ofc')).code).toBe('not_found');
    // ...but the console's total is shared: 50 + 50 held, 60 more is over 150.
    const total = errorOf(() => uploads.begin('d.csv', 60 * MB, 'third'));
    expect(total.code).toBe('busy');
    expect(total.message).toMatch(/150 MB/);
    expect(total.messageZh).toMatch(/150 MB/);
    // One file over a user's quota is refused outright.
    const mine = errorOf(() => uploads.begin('e.csv', 101 * MB, 'ofc'));
    expect(mine.code).toBe('busy');
    expect(mine.message).toMatch(/100 MB/);
    uploads.close();
  });

  test('an upload the disk cannot hold (with room left for the database) is refused before it starts', () => {
    const dir = tempDir();
    const disk = statfsSync(dir);
    const free = disk.bavail * disk.bsize;
    const uploads = new Uploads(dir, { limits: { keepFreeBytes: free } });
    const r = errorOf(() => uploads.begin('a.csv', 10 * MB, 'ofc'));
    expect(r.code).toBe('conflict');
    expect(r.message).toMatch(/free/);
    expect(r.messageZh).toMatch(/磁盘/);
    expect(filesUnder(join(dir, 'uploads'))).toEqual([]);
    uploads.close();
  });
});

describe('browser exports', () => {
  test('an export not downloaded is removed when it expires, and at the next start; it is 0600 in a 0700 folder', () => {
    const dir = tempDir();
    let now = 5_000_000;
    const store = new DownloadStore(dir, () => now);
    const path = store.newPath('checkins-rejects.csv');
    writeFileSync(path, 'person_id\n370000000000000000\n');
    store.register(path, 'checkins-rejects.csv', 'token');
    if (posix) {
      expect(mode(path)).toBe(0o600);
      expect(mode(join(dir, 'downloads'))).toBe(0o700);
    }
    now += 11 * 60_000;
    store.sweep();
    expect(existsSync(path)).toBe(false);
    // A restart: whatever the last run left (a crash, a kill) goes.
    const leftover = store.newPath('credit-report.xlsx');
    writeFileSync(leftover, 'x');
    store.close();
    new DownloadStore(dir).close();
    expect(filesUnder(join(dir, 'downloads'))).toEqual([]);
  });
});
