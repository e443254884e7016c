/**
 * The exchange directory layout (EXCHANGE.md): `<dir>/<feed>/<any name>.csv|.xlsx`. Lists what a
 * sync should consider, in the order it reads them: feeds in dependency order (areas and people
 * before the records that refer to them; the rules do not depend on the order, it only makes
 * progress read naturally), files in name order within a feed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type FeedName, isFeedName } from '../../../shared/domain/feeds/feed-schemas.ts';

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

export function listExchangeDirectory(dir: string): ExchangeListing {
  const entries = readdirSync(dir, { withFileTypes: true });
  const ignored: string[] = [];
  const byFeed = new Map<FeedName, ExchangeFile[]>();
  for (const e of entries) {
    if (isNoise(e.name)) continue;
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
