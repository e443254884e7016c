/**
 * How well a file's header matches each feed: which of the feed's columns it has and which it lacks.
 * The preview and the CLI use it to guess a file's feed and to say plainly when a file is probably
 * of another feed ("matches 1 of 5 columns of 户籍人口; it looks like 健康打卡 without 打卡时间").
 */
import { FEEDS, type FeedColumn, type FeedName, type FeedSchema, feedSchema, headerNeeds } from './feed-schemas.ts';
import { columnLabel } from './field-parsers.ts';
import { normalizeHeaderCell } from './header-mapping.ts';

export interface FeedMatch {
  feed: FeedSchema;
  /** The feed's columns the header has. */
  matched: number;
  /** The feed's columns. */
  total: number;
  /** Columns a file of this feed must have and this header lacks. */
  missing: readonly FeedColumn[];
}

export function matchFeed(feed: FeedSchema, header: readonly string[]): FeedMatch {
  const cells = new Set(header.map(normalizeHeaderCell));
  const has = (c: FeedColumn) => cells.has(c.name) || cells.has(c.zh);
  const matched = feed.columns.filter(has).length;
  return { feed, matched, total: feed.columns.length, missing: feed.columns.filter((c) => headerNeeds(feed, c) && !has(c)) };
}

/** Feeds the header could be (complete ones first), then by how much of them it has; ties keep the spec's order. */
export function rankFeeds(header: readonly string[]): FeedMatch[] {
  return FEEDS.map((f) => matchFeed(f, header))
    .filter((m) => m.matched > 0)
    .sort(
      (a, b) =>
        (b.missing.length === 0 ? 1 : 0) - (a.missing.length === 0 ? 1 : 0) ||
        b.matched / b.total - a.matched / a.total ||
        b.matched - a.matched,
    );
}

/** The feed named in the file name (longest name first: `health_records` before `records`). */
export function feedFromFileName(fileName: string): FeedName | null {
  const lower = fileName.toLowerCase();
  const found = [...FEEDS].sort((a, b) => b.name.length - a.name.length).find((f) => lower.includes(f.name) || fileName.includes(f.zh));
  return found?.name ?? null;
}

/** The feed named in the file name, else the feed whose columns the header has most completely. */
export function guessFeed(fileName: string, header: readonly string[]): FeedName | null {
  return feedFromFileName(fileName) ?? rankFeeds(header)[0]?.feed.name ?? null;
}

/**
 * A header that lacks columns of `feed`: how much of the feed it matches and, when another feed
 * fits it better, which one and what that one lacks. Null when the header has every column.
 */
export function poorMatch(feedName: FeedName, header: readonly string[]): { en: string; zh: string } | null {
  const feed = feedSchema(feedName)!;
  const m = matchFeed(feed, header);
  if (m.missing.length === 0) return null;
  const lacks = (cols: readonly FeedColumn[], sep: string) => cols.map(columnLabel).join(sep);
  const base = {
    en: `the file matches ${m.matched} of ${m.total} columns of ${feed.zh} (${feed.name}): it has no ${lacks(m.missing, ', ')}`,
    zh: `该文件只匹配${feed.zh}（${feed.name}）${m.total}列中的${m.matched}列：缺少 ${lacks(m.missing, '、')}`,
  };
  const better = rankFeeds(header).find((o) => o.feed.name !== feed.name && o.matched / o.total > m.matched / m.total);
  if (!better)
    return { en: `${base.en}; add the missing columns or choose another feed`, zh: `${base.zh}；请补上缺少的列或选择其他数据源` };
  const other = better.feed;
  const tail =
    better.missing.length === 0
      ? {
          en: `it looks like ${other.zh} (${other.name}): choose that feed`,
          zh: `它看起来是${other.zh}（${other.name}）文件，请选择该数据源`,
        }
      : {
          en: `it looks like ${other.zh} (${other.name}) without ${lacks(better.missing, ', ')}`,
          zh: `它看起来是缺少 ${lacks(better.missing, '、')} 的${other.zh}（${other.name}）文件`,
        };
  return { en: `${base.en}; ${tail.en}`, zh: `${base.zh}；${tail.zh}` };
}
