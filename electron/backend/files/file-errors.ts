/**
 * A file the user named could not be read or written: say which file and what to do, in both
 * languages, instead of the system's message (which names our temporary file and no remedy).
 */
import { basename, dirname } from 'node:path';

export class FileAccessError extends Error {
  readonly messageZh: string;
  constructor(en: string, zh: string) {
    super(en);
    this.messageZh = zh;
  }
}

type Doing = 'write' | 'read';

/** The user-facing error for a failed read or write of `path`, or null if `err` is not a file-system error. */
export function fileAccessError(err: unknown, path: string, doing: Doing): FileAccessError | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  const name = basename(path);
  const folder = dirname(path);
  const verb = doing === 'write' ? 'write' : 'read';
  const verbZh = doing === 'write' ? '写入' : '读取';
  switch (code) {
    case 'ENOENT':
      return doing === 'write'
        ? new FileAccessError(`cannot write ${name}: the folder ${folder} does not exist; choose another folder`, `无法写入 ${name}：文件夹 ${folder} 不存在，请选择其他位置`)
        : new FileAccessError(`cannot read ${path}: no such file; check the name`, `无法读取 ${path}：文件不存在，请检查文件名`);
    case 'EISDIR':
      return new FileAccessError(`cannot ${verb} ${path}: it is a folder; name a file`, `无法${verbZh} ${path}：这是一个文件夹，请指定文件`);
    case 'ENOTDIR':
      return new FileAccessError(`cannot ${verb} ${path}: part of the path is a file, not a folder`, `无法${verbZh} ${path}：路径中有一部分是文件而不是文件夹`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FileAccessError(`cannot ${verb} ${name}: no permission in ${folder}; choose a folder you may ${verb}, or close the file if another program has it open`, `无法${verbZh} ${name}：没有 ${folder} 的权限；请选择有权限的文件夹，或关闭正在打开该文件的程序`);
    case 'EBUSY':
      return new FileAccessError(`cannot ${verb} ${name}: another program (Excel?) has it open; close it and try again`, `无法${verbZh} ${name}：文件正被其他程序（如 Excel）打开，请关闭后重试`);
    case 'ENOSPC':
      return new FileAccessError(`cannot write ${name}: the disk is full; free some space or choose another disk`, `无法写入 ${name}：磁盘已满，请清理空间或选择其他磁盘`);
    default:
      return null;
  }
}
