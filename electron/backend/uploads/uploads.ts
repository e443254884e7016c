/**
 * Files dropped on the Data screen arrive in pieces through the API (the same way over IPC and
 * HTTP) into the data folder's uploads/, checked for size and order, then imported like any file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ApiFailure } from '../api/api-failure.ts';

export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface Upload {
  id: string;
  name: string;
  path: string;
  size: number;
  received: number;
  user: string;
}

export class Uploads {
  private readonly items = new Map<string, Upload>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
  }

  begin(name: string, size: number, user: string): Upload {
    if (size <= 0 || size > MAX_UPLOAD_BYTES) throw ApiFailure.badRequest('a file to import is between 1 byte and 1 GB', '导入文件大小应在1字节到1GB之间');
    const ext = extname(name).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw ApiFailure.badRequest(`${name} is not a CSV or XLSX file`, `${name} 不是 CSV 或 XLSX 文件`);
    mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(12).toString('base64url');
    // The original name is kept for messages and the batch log; the stored file gets a safe one.
    const u: Upload = { id, name, path: join(this.dir, `${id}${ext}`), size, received: 0, user };
    closeSync(openSync(u.path, 'w'));
    this.items.set(id, u);
    return u;
  }

  chunk(id: string, offset: number, data: Buffer, user: string): Upload {
    const u = this.get(id, user);
    if (offset !== u.received) throw ApiFailure.badRequest(`expected the piece at byte ${u.received}`, `应上传第${u.received}字节处的分片`);
    if (u.received + data.length > u.size) throw ApiFailure.badRequest('more data than the file size announced', '上传数据超过声明的文件大小');
    const fd = openSync(u.path, 'r+');
    try {
      writeSync(fd, data, 0, data.length, offset);
    } finally {
      closeSync(fd);
    }
    u.received += data.length;
    return u;
  }

  /** A complete upload of this user. */
  complete(id: string, user: string): Upload {
    const u = this.get(id, user);
    if (u.received !== u.size) throw ApiFailure.badRequest('the file has not been uploaded completely', '文件尚未上传完整');
    return u;
  }

  private get(id: string, user: string): Upload {
    const u = this.items.get(id);
    if (!u || u.user !== user) throw ApiFailure.notFound('no such upload (it may have expired); drop the file again', '找不到该上传文件，请重新拖入');
    return u;
  }
}
