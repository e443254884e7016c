/**
 * No system text reaches the page (issue 11 §6): every failure a job can end with is said in both
 * languages with what to do; the system's codes and calls, and anything unknown, stay in the log.
 */
import { lstatSync, opendirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { systemFileError } from '../../../../electron/backend/files/file-errors.ts';
import { JOB_FAILED, jobFailure } from '../../../../electron/backend/jobs/job-failure.ts';
import type { JobRequest } from '../../../../electron/backend/jobs/job-messages.ts';
import { SyncBusyError } from '../../../../electron/backend/sync/sync-lock.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const SYNC: JobRequest = { kind: 'sync', source: '/srv/exchange' };
const IMPORT: JobRequest = { kind: 'import', path: '/data/uploads/u-1234.part', fileName: '健康打卡.csv', feed: 'checkins', strict: false };
const RAW = /\bE[A-Z]{3,}\b|lstat|opendir|scandir|SQLITE|no such file or directory/;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

/** A Node error as fs throws it, without touching the disk. */
function nodeError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: some system text, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('job failures', () => {
  test('the issue\'s ENOENT … lstat becomes "the folder does not exist; check the path", in both languages', () => {
    const gone = join(tempDir(), 'D:\\健康码交换');
    const err = thrown(() => lstatSync(gone));
    const f = jobFailure(err, SYNC);
    expect(f.en).toBe(`cannot read ${gone}: no such file; check the name`);
    expect(f.zh).toMatch(/文件不存在/);
    const folder = jobFailure(
      thrown(() => opendirSync(gone)),
      SYNC,
    );
    expect(folder.en).toMatch(/^the folder .* does not exist .*check the path/);
    for (const text of [f.en, f.zh, folder.en, folder.zh]) expect(text).not.toMatch(RAW);
  });

  test('each system code a person can act on has its own words; a write is said as a write', () => {
    const cases: [string, string, RegExp, RegExp][] = [
      ['EACCES', 'open', /no permission/, /权限/],
      ['EPERM', 'opendir', /may not read the folder/, /无权读取文件夹/],
      ['ENOTDIR', 'scandir', /is a file, not a folder/, /是文件而不是文件夹/],
      ['EISDIR', 'open', /it is a folder; name a file/, /这是一个文件夹/],
      ['EBUSY', 'open', /another program .* has it open/, /其他程序/],
      ['EMFILE', 'open', /too many files are open/, /打开的文件过多/],
      ['ENOSPC', 'write', /the disk is full/, /磁盘已满/],
      ['EROFS', 'mkdir', /read-only disk/, /只读/],
      ['ELOOP', 'stat', /loop of links/, /循环/],
      ['EIO', 'read', /did not answer; check the connection/, /无响应/],
    ];
    for (const [code, syscall, en, zh] of cases) {
      const f = jobFailure(nodeError(code, syscall, '/srv/exchange/checkins/a.csv'), SYNC);
      expect(f.en, code).toMatch(en);
      expect(f.zh, code).toMatch(zh);
      expect(`${f.en} ${f.zh}`, code).not.toMatch(/some system text/);
    }
  });

  test("an import's file is named as the user dropped it, not by our upload's name", () => {
    const f = jobFailure(nodeError('ENOENT', 'open', IMPORT.kind === 'import' ? IMPORT.path : ''), IMPORT);
    expect(f.en).toContain('健康打卡.csv');
    expect(f.en).not.toContain('u-1234');
  });

  test('SQLite and the sync lock: said with what to do', () => {
    expect(jobFailure(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), SYNC).en).toMatch(
      /busy with another program/,
    );
    expect(jobFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), SYNC).zh).toMatch(/磁盘已满/);
    expect(jobFailure(Object.assign(new Error('malformed'), { code: 'SQLITE_CORRUPT' }), SYNC).en).toMatch(/restore it from a backup/);
    expect(jobFailure(new SyncBusyError('another sync is running'), SYNC).zh).toMatch(/另有同步/);
  });

  test('anything else: the general message; the details go to the log, with ID numbers masked', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = jobFailure(new TypeError("Cannot read properties of undefined (reading 'x') at 371602199001011234"), SYNC);
    expect(f).toEqual(JOB_FAILED);
    expect(log).toHaveBeenCalledTimes(1);
    const logged = String(log.mock.calls[0]![0]);
    expect(logged).toMatch(/Cannot read properties/);
    expect(logged).not.toContain('371602199001011234');
  });

  test('not a file-system error: no mapping', () => {
    expect(systemFileError(new Error('x'))).toBeNull();
    expect(systemFileError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBeNull();
  });
});
