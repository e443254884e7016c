/**
 * Before importing a dropped file: which feed it is (from its name or its header), how its header
 * maps to the feed's columns, and its first rows with IDs and phones masked.
 */
import type { ImportPreview } from '../../../shared/contract/data.ts';
import { cellText } from '../../../shared/domain/feeds/cells.ts';
import { type FeedName, feedSchema, headerNeeds } from '../../../shared/domain/feeds/feed-schemas.ts';
import { guessFeed, poorMatch } from '../../../shared/domain/feeds/feed-match.ts';
import { mapHeader, normalizeHeaderCell } from '../../../shared/domain/feeds/header-mapping.ts';
import { maskPersonId, maskPhone } from '../../../shared/domain/masking.ts';
import { openSource } from '../import/row-source.ts';
import { UnreadableFileError } from '../import/unreadable-file.ts';
import type { Upload } from './uploads.ts';

const SAMPLE_ROWS = 5;

export async function previewImport(upload: Upload, chosen: FeedName | undefined): Promise<ImportPreview> {
  const base: ImportPreview = {
    uploadId: upload.id,
    fileName: upload.name,
    format: null,
    encoding: null,
    feed: chosen ?? null,
    header: [],
    columns: [],
    ignored: [],
    sample: [],
    problem: null,
  };
  try {
    const source = await openSource(upload.path);
    base.format = source.format;
    base.encoding = source.encoding;
    const rows: string[][] = [];
    for await (const batch of source.rows()) {
      for (const r of batch) {
        rows.push(r.cells.map(cellText));
        if (rows.length > SAMPLE_ROWS) break;
      }
      if (rows.length > SAMPLE_ROWS) break;
    }
    base.header = rows[0] ?? [];
    const feed = chosen ?? guessFeed(upload.name, base.header);
    base.feed = feed;
    if (!feed) {
      base.problem = { en: 'cannot tell which feed this file is: choose one', zh: '无法判断该文件属于哪个数据源，请选择' };
      return base;
    }
    const schema = feedSchema(feed)!;
    const mapped = mapHeader(schema, base.header);
    const positions = mapped.ok
      ? mapped.mapping.positions
      : schema.columns.map((c) => base.header.map(normalizeHeaderCell).findIndex((h) => h === c.name || h === c.zh));
    base.columns = schema.columns.map((c, i) => ({
      name: c.name,
      zh: c.zh,
      required: headerNeeds(schema, c),
      position: positions[i]! >= 0 ? positions[i]! : null,
    }));
    base.ignored = mapped.ok ? [...mapped.mapping.ignored] : [];
    // A header lacking columns says how well it matches this feed and which feed it looks like.
    if (!mapped.ok)
      base.problem =
        mapped.problem.code === 'missing_column' ? poorMatch(feed, base.header) : { en: mapped.problem.en, zh: mapped.problem.zh };
    const sensitive = new Map<number, (v: string) => string>();
    schema.columns.forEach((c, i) => {
      const at = positions[i]!;
      if (at >= 0 && c.type === 'person_id') sensitive.set(at, maskPersonId);
      if (at >= 0 && c.type === 'phone') sensitive.set(at, maskPhone);
    });
    base.sample = rows.slice(1).map((r) => r.map((v, i) => (sensitive.has(i) && v ? sensitive.get(i)!(v) : v)));
    return base;
  } catch (err) {
    if (err instanceof UnreadableFileError) return { ...base, problem: { en: err.problem.en, zh: err.problem.zh } };
    throw err;
  }
}
