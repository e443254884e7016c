/**
 * Why a job (sync, import, demo city, colour evaluation) stopped, as the page shows it: in both
 * languages, saying what to do. The system's own text (`ENOENT: no such file or directory, lstat
 * ...`, a SQLite message) never reaches the page; what is not recognised gets a general message,
 * and its details go to the log only, with any ID number or phone in them masked.
 */
import { maskIdentifiers } from '../../../shared/domain/masking.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { DatabaseOpenError } from '../db/database.ts';
import { FileAccessError, systemFileError } from '../files/file-errors.ts';
import { UnreadableFileError } from '../import/unreadable-file.ts';
import { SyncBusyError } from '../sync/sync-lock.ts';
import type { JobFailure, JobRequest } from './job-messages.ts';

/** SQLite's codes (better-sqlite3's SqliteError) that a person can do something about. */
function databaseFailure(code: string): JobFailure | null {
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return {
      en: 'the database is busy with another program (a command-line sync or backup?); try again when it has finished',
      zh: '数据库正被其他程序（命令行同步或备份？）占用，请在其完成后重试',
    };
  }
  if (code === 'SQLITE_FULL')
    return {
      en: "the disk holding the console's database is full; free some space and try again",
      zh: '控制台数据库所在磁盘已满，请清理空间后重试',
    };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return {
      en: "the console may not write its database; check the data folder's permissions",
      zh: '控制台无法写入其数据库，请检查数据文件夹的权限',
    };
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return {
      en: "the console's database is damaged; restore it from a backup (hcc backup)",
      zh: '控制台数据库已损坏，请从备份恢复（hcc backup）',
    };
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_'))
    return {
      en: "the disk failed while writing the console's database; check the disk and try again",
      zh: '写入控制台数据库时磁盘出错，请检查磁盘后重试',
    };
  return null;
}

export const JOB_FAILED: JobFailure = {
  en: 'the job stopped on an unexpected error; what was committed is kept. Try again, and tell support if it happens again',
  zh: '任务因意外错误中止，已提交的数据保留。请重试；如再次出现，请联系技术支持',
};

/** The file the user knows: an upload is stored under our own name, a sync reads its folder's files. */
function pathShown(request: JobRequest, err: unknown): string | undefined {
  if (request.kind === 'import') return request.fileName;
  return (err as NodeJS.ErrnoException | null)?.path;
}

export function jobFailure(err: unknown, request: JobRequest): JobFailure {
  if (err instanceof ApiFailure) return { en: err.error.message, zh: err.error.messageZh };
  if (err instanceof FileAccessError) return { en: err.message, zh: err.messageZh };
  if (err instanceof UnreadableFileError) return { en: err.problem.en, zh: err.problem.zh };
  if (err instanceof SyncBusyError)
    return {
      en: 'another sync is running on this database (perhaps from the command line); wait for it to finish',
      zh: '此数据库上另有同步正在进行（可能来自命令行），请等待其完成',
    };
  if (err instanceof DatabaseOpenError) {
    // A missing or wrong key says what to do (which key file); the rest are one message.
    if (err.messageZh !== null && (err.code === 'wrong_key' || err.code === 'key_missing' || err.code === 'key_unreadable'))
      return { en: err.message, zh: err.messageZh };
    return err.code === 'newer_schema'
      ? {
          en: 'the database was written by a newer version of the console; install that version',
          zh: '数据库由更新版本的控制台写入，请安装该版本',
        }
      : {
          en: "the console's database cannot be opened; restore it from a backup (hcc backup)",
          zh: '无法打开控制台数据库，请从备份恢复（hcc backup）',
        };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const db = databaseFailure(code);
    if (db) return db;
  }
  const file = systemFileError(err, pathShown(request, err));
  if (file) return { en: file.message, zh: file.messageZh };
  console.error(`job ${request.kind} failed: ${maskIdentifiers(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
  return JOB_FAILED;
}
