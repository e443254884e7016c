/**
 * The exchange directory layout (EXCHANGE.md): `<dir>/<feed>/<any name>.csv|.xlsx`. Lists what a
 * sync should consider, in the order it reads them: feeds in dependency order (areas and people
 * before the records that refer to them; the rules do not depend on the order, it only makes
 * progress read naturally), files in name order within a feed.
 */
import { opendirSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { type FeedName, isFeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import { FileAccessError, fileAccessError } from '../files/file-errors.ts';

export const SYNC_FEED_ORDER: readonly FeedName[] = [
  'key_areas',
  'residents',
  'enterprises',
  'sites',
  'staff',
  'declarations',
  'health_records',
  'roaming',
  'travel',
  'medical',
  'checkins',
  'scans',
];

/** `<dir>/outbox/`: where the console writes its decisions for the platform. */
export const OUTBOX_FOLDER = 'outbox';

export interface ExchangeFile {
  feed: FeedName;
  /** `<feed>/<name>`, with forward slashes: the key of the sync state. */
  relativePath: string;
  path: string;
  size: number;
  mtimeMs: number;
}

export interface ExchangeListing {
  files: ExchangeFile[];
  /** Entries that are not feed folders (reported, never read). */
  ignored: string[];
}

/** Hidden files and office lock files (`~$book.xlsx`) are never exchange files. */
function isNoise(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name === 'Thumbs.db' || name === 'desktop.ini';
}

/**
 * Why `dir` cannot serve as the exchange directory, or null: it must exist, be a folder and be
 * readable; the console's setting must also be a full path (`absolute`), because the console has
 * no working folder of its own: a relative path (or, on Linux, `D:\健康码交换`) would be read
 * below wherever it happened to be started. Checked when the setting is saved, when a sync starts,
 * and by the sync itself (the folder may be gone since).
 */
export function exchangeDirectoryProblem(dir: string, options: { absolute?: boolean } = {}): FileAccessError | null {
  if (options.absolute && !isAbsolute(dir)) {
    const example = process.platform === 'win32' ? 'D:\\健康码交换' : '/srv/exchange';
    return new FileAccessError(
      `the exchange directory must be a full path on the computer the console runs on, such as ${example}; ${dir} is not one`,
      `交换目录须为控制台所在计算机上的完整路径，例如 ${example}；${dir} 不是完整路径`,
    );
  }
  try {
    if (!statSync(dir).isDirectory()) return fileAccessError(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), dir, 'folder');
    // Opening it is the test of reading it that holds everywhere (Windows ACLs, network shares).
    opendirSync(dir).closeSync();
    return null;
  } catch (err) {
    return (
      fileAccessError(err, dir, 'folder') ??
      new FileAccessError(`cannot read the folder ${dir}; check the path`, `无法读取文件夹 ${dir}，请检查路径`)
    );
  }
}

export function listExchangeDirectory(dir: string): ExchangeListing {
  const entries = readdirSync(dir, { withFileTypes: true });
  const ignored: string[] = [];
  const byFeed = new Map<FeedName, ExchangeFile[]>();
  for (const e of entries) {
    if (isNoise(e.name)) continue;
    // The console's own decisions for the platform (EXCHANGE.md), not a feed.
    if (e.isDirectory() && e.name === OUTBOX_FOLDER) continue;
    if (!e.isDirectory() || !isFeedName(e.name)) {
      ignored.push(e.name);
      continue;
    }
    const feed = e.name;
    const files: ExchangeFile[] = [];
    for (const f of readdirSync(join(dir, feed), { withFileTypes: true })) {
      if (isNoise(f.name)) continue;
      if (!f.isFile()) {
        ignored.push(`${feed}/${f.name}`);
        continue;
      }
      const path = join(dir, feed, f.name);
      const st = statSync(path);
      files.push({ feed, relativePath: `${feed}/${f.name}`, path, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
    }
    files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
    byFeed.set(feed, files);
  }
  const files = SYNC_FEED_ORDER.flatMap((feed) => byFeed.get(feed) ?? []);
  return { files, ignored: ignored.sort() };
}
