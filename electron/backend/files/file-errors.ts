/**
 * A file or folder the user named could not be read or written: say which one and what to do, in
 * both languages, instead of the system's message (`ENOENT: no such file or directory, lstat
 * '/install/dir/D:\健康码交换'` names our temporary file or a resolved path, and no remedy). The one
 * place where system error codes become words: the API's dispatch, the job worker and the sync all
 * come here.
 */
import { basename, dirname } from 'node:path';

export class FileAccessError extends Error {
  readonly messageZh: string;
  constructor(en: string, zh: string) {
    super(en);
    this.messageZh = zh;
  }
}

/** `folder`: a folder read as a whole (the exchange directory), not a file in it. */
export type Doing = 'write' | 'read' | 'folder';

/** The system's code of a failed file operation (ENOENT, EACCES, ...), or null. */
export function systemErrorCode(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** The user-facing error for a failed read or write of `path`, or null if `err` is not a file-system error. */
export function fileAccessError(err: unknown, path: string, doing: Doing): FileAccessError | null {
  const code = systemErrorCode(err);
  if (code === null) return null;
  if (doing === 'folder') return folderError(code, path);
  const name = basename(path);
  const folder = dirname(path);
  const verb = doing === 'write' ? 'write' : 'read';
  const verbZh = doing === 'write' ? '写入' : '读取';
  switch (code) {
    case 'ENOENT':
      return doing === 'write'
        ? new FileAccessError(
            `cannot write ${name}: the folder ${folder} does not exist; choose another folder`,
            `无法写入 ${name}：文件夹 ${folder} 不存在，请选择其他位置`,
          )
        : new FileAccessError(`cannot read ${path}: no such file; check the name`, `无法读取 ${path}：文件不存在，请检查文件名`);
    case 'EISDIR':
      return new FileAccessError(
        `cannot ${verb} ${path}: it is a folder; name a file`,
        `无法${verbZh} ${path}：这是一个文件夹，请指定文件`,
      );
    case 'ENOTDIR':
      return new FileAccessError(
        `cannot ${verb} ${path}: part of the path is a file, not a folder`,
        `无法${verbZh} ${path}：路径中有一部分是文件而不是文件夹`,
      );
    case 'EACCES':
    case 'EPERM':
      return new FileAccessError(
        `cannot ${verb} ${name}: no permission in ${folder}; choose a folder you may ${verb}, or close the file if another program has it open`,
        `无法${verbZh} ${name}：没有 ${folder} 的权限；请选择有权限的文件夹，或关闭正在打开该文件的程序`,
      );
    case 'EROFS':
      return new FileAccessError(
        `cannot write ${name}: ${folder} is on a read-only disk; choose another folder`,
        `无法写入 ${name}：${folder} 所在磁盘为只读，请选择其他位置`,
      );
    case 'EBUSY':
      return new FileAccessError(
        `cannot ${verb} ${name}: another program (Excel?) has it open; close it and try again`,
        `无法${verbZh} ${name}：文件正被其他程序（如 Excel）打开，请关闭后重试`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileAccessError(
        `cannot write ${name}: the disk is full; free some space or choose another disk`,
        `无法写入 ${name}：磁盘已满，请清理空间或选择其他磁盘`,
      );
    default:
      return anyPathError(code, path, `cannot ${verb} ${name}`, `无法${verbZh} ${name}`);
  }
}

/** A folder that cannot be read as a whole: the exchange directory, when saved or synced. */
function folderError(code: string, path: string): FileAccessError {
  switch (code) {
    case 'ENOENT':
      return new FileAccessError(
        `the folder ${path} does not exist (or its network share is not connected); check the path, or choose the folder again`,
        `文件夹 ${path} 不存在（或其网络共享未连接），请检查路径或重新选择文件夹`,
      );
    case 'ENOTDIR':
      return new FileAccessError(
        `${path} is a file, not a folder; name the folder that holds the feeds' folders`,
        `${path} 是文件而不是文件夹，请填写存放各数据类别文件夹的目录`,
      );
    case 'EACCES':
    case 'EPERM':
      return new FileAccessError(
        `the console may not read the folder ${path}; ask for read access to it, or choose another folder`,
        `控制台无权读取文件夹 ${path}，请申请读取权限或选择其他文件夹`,
      );
    case 'EBUSY':
      return new FileAccessError(
        `the folder ${path} is in use by another program; try again in a moment`,
        `文件夹 ${path} 正被其他程序占用，请稍后重试`,
      );
    default:
      return anyPathError(code, path, `cannot read the folder ${path}`, `无法读取文件夹 ${path}`);
  }
}

/** Codes that mean the same whatever was done. */
function anyPathError(code: string, path: string, what: string, whatZh: string): FileAccessError {
  switch (code) {
    case 'EMFILE':
    case 'ENFILE':
      return new FileAccessError(
        `${what}: too many files are open on this computer; close some programs and try again`,
        `${whatZh}：本机打开的文件过多，请关闭部分程序后重试`,
      );
    case 'ELOOP':
      return new FileAccessError(
        `${what}: the path ${path} leads round a loop of links; name the real folder`,
        `${whatZh}：路径 ${path} 中的链接形成循环，请填写实际文件夹`,
      );
    case 'ENAMETOOLONG':
      return new FileAccessError(`${what}: the path is too long; choose a shorter one`, `${whatZh}：路径过长，请选择较短的路径`);
    case 'EIO':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'ENOTCONN':
      return new FileAccessError(
        `${what}: the disk or network share did not answer; check the connection and try again`,
        `${whatZh}：磁盘或网络共享无响应，请检查连接后重试`,
      );
    default:
      return new FileAccessError(
        `${what}: the system refused (${code}); check the path and your access to it, then try again`,
        `${whatZh}：系统拒绝了操作（${code}），请检查路径和访问权限后重试`,
      );
  }
}

/** Write-like system calls: the rest read. */
const WRITING_CALLS = new Set([
  'write',
  'mkdir',
  'rename',
  'unlink',
  'rmdir',
  'rm',
  'copyfile',
  'ftruncate',
  'fsync',
  'symlink',
  'utime',
  'chmod',
]);

/**
 * Any file-system error thrown somewhere below a handler or a job, mapped by its code and its own
 * path and system call; `pathShown` replaces the path where the user knows the file by another name
 * (an upload is stored under our name). Null if `err` is not a file-system error.
 */
export function systemFileError(err: unknown, pathShown?: string): FileAccessError | null {
  const e = err as NodeJS.ErrnoException | null;
  if (systemErrorCode(err) === null) return null;
  const path = pathShown ?? e?.path ?? '?';
  const doing: Doing =
    e?.syscall === 'scandir' || e?.syscall === 'opendir' ? 'folder' : WRITING_CALLS.has(e?.syscall ?? '') ? 'write' : 'read';
  return fileAccessError(err, path, doing);
}
