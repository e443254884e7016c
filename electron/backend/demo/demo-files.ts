/**
 * Writing one feed file of the demo exchange directory, with the row accounting the truth file
 * reports: data rows per feed, and how many of them are planted bad rows.
 */
import { makePrivateDir } from '../files/private-files.ts';
import { join } from 'node:path';
import { FEED_NAMES, type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { type CsvFileWriter, openCsvFile } from '../files/csv-writer.ts';

type Cell = string | number;

export class Tally {
  readonly rows = {} as Record<FeedName, number>;
  readonly bad = {} as Record<FeedName, number>;
  /** Paths relative to the output directory. */
  readonly files: string[] = [];

  constructor() {
    for (const f of FEED_NAMES) {
      this.rows[f] = 0;
      this.bad[f] = 0;
    }
  }
}

export interface FeedFile {
  readonly feed: FeedName;
  /** Rows written to this file so far (bad rows included). */
  rows: number;
  write(values: readonly Cell[]): Promise<void>;
  /** A planted bad row: counted as a row and as a bad row. */
  writeBad(values: readonly Cell[]): Promise<void>;
  close(): Promise<void>;
}

export interface FeedFileOptions {
  header: 'en' | 'zh' | readonly string[];
  bom?: boolean;
  encode?: (text: string) => Buffer;
}

/** `<root>/<feed>/<feed>-<date>.<ext>`, the layout a sync source reads. */
export function feedFilePath(feed: FeedName, date: string, ext = 'csv'): string {
  return `${feed}/${feed}-${date}.${ext}`;
}

export async function openFeedFile(
  root: string,
  feed: FeedName,
  relative: string,
  tally: Tally,
  options: FeedFileOptions,
): Promise<FeedFile> {
  makePrivateDir(join(root, feed));
  const writer: CsvFileWriter = openCsvFile(join(root, relative), {
    bom: options.bom ?? true,
    ...(options.encode ? { encode: options.encode } : {}),
  });
  tally.files.push(relative);
  await writer.write(headerOf(feed, options.header));
  const file: FeedFile = {
    feed,
    rows: 0,
    write(values) {
      file.rows++;
      tally.rows[feed]++;
      return writer.write(values);
    },
    writeBad(values) {
      tally.bad[feed]++;
      return file.write(values);
    },
    close: () => writer.close(),
  };
  return file;
}

export function headerOf(feed: FeedName, header: FeedFileOptions['header']): readonly string[] {
  if (typeof header !== 'string') return header;
  // Optional columns are written only by a writer that names them (the file then has their values).
  const columns = feedSchema(feed)!.columns.filter((c) => !c.optional);
  return columns.map((c) => (header === 'en' ? c.name : c.zh));
}

/** The Chinese header of a column, to spell a reordered header. */
export function zhOf(feed: FeedName, column: string): string {
  const c = feedSchema(feed)!.columns.find((k) => k.name === column);
  if (!c) throw new Error(`${feed} has no column ${column}`);
  return c.zh;
}

/** A timestamp on a date that does not exist (February 30th), same layout: a planted bad row. */
export function impossibleDate(timestamp: string): string {
  return timestamp.replace(/^(\d{4})([-/])\d{1,2}\2\d{1,2}/, (_, year: string, sep: string) =>
    sep === '/' ? `${year}/2/30` : `${year}-02-30`,
  );
}
