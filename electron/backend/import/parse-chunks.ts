/**
 * The CPU half of an import: read a file's rows, map the header, validate every row and prepare the
 * valid ones for the feed's writer. It never touches the database, so it can run in a worker thread
 * while the database thread writes the previous chunk.
 */
import { cellText } from '../../../shared/domain/feeds/cells.ts';
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { poorMatch } from '../../../shared/domain/feeds/feed-match.ts';
import { mapHeader } from '../../../shared/domain/feeds/header-mapping.ts';
import type { Problem } from '../../../shared/domain/feeds/reject-reasons.ts';
import type { PlausibleWindow } from '../../../shared/domain/feeds/plausible-window.ts';
import { validateRow } from '../../../shared/domain/feeds/row-validation.ts';
import { writerFor } from './feed-writers/index.ts';
import type { PreparedChunk, ValidRow } from './feed-writers/feed-writer.ts';
import { type OpenedSource, openSource } from './row-source.ts';
import { UnreadableFileError, unreadable } from './unreadable-file.ts';

export interface RejectRecord {
  line: number;
  problems: Problem[];
  raw: string[];
}

export interface OpenedInfo {
  format: OpenedSource['format'];
  encoding: OpenedSource['encoding'];
  size: number;
  hash: string;
}

export type ParseEvent =
  /** `present[i]`: the file has the feed's i-th column (an absent optional column changes nothing stored). */
  | { type: 'header'; header: string[]; ignored: string[]; present: boolean[] }
  | { type: 'chunk'; lastLine: number; read: number; prepared: PreparedChunk; rejects: RejectRecord[]; fraction: number | null }
  | { type: 'unreadable'; en: string; zh: string; code: string };

export interface ParseJob {
  path: string;
  feed: FeedName;
  /** Dates and timestamps outside it are rejected rows (computed by the importer from the clock). */
  window: PlausibleWindow;
}

/**
 * Probes the file, asks `resumeAfter` (given what the file is) after which line to continue, then
 * yields the header and the chunks. An unreadable file yields one `unreadable` event and stops.
 */
export async function* parseChunks(job: ParseJob, resumeAfter: (info: OpenedInfo) => Promise<number> | number): AsyncGenerator<ParseEvent> {
  const schema = feedSchema(job.feed);
  if (!schema) throw new Error(`unknown feed ${job.feed}`);
  const writer = writerFor(job.feed);
  let source: OpenedSource;
  try {
    source = await openSource(job.path);
  } catch (err) {
    if (err instanceof UnreadableFileError) {
      yield { type: 'unreadable', ...err.problem };
      return;
    }
    throw err;
  }
  const info: OpenedInfo = { format: source.format, encoding: source.encoding, size: source.probe.size, hash: source.probe.hash };
  const resumeLine = await resumeAfter(info);
  const exactFieldCount = source.format === 'csv';
  let mapping: ReturnType<typeof mapHeader> | null = null;
  try {
    const progress = { bytesRead: 0 };
    for await (const batch of source.rows(progress)) {
      let start = 0;
      if (!mapping) {
        const headerRow = batch[0]!;
        mapping = mapHeader(schema, headerRow.cells.map(cellText));
        if (!mapping.ok) {
          // A header lacking columns: say how well it matches the feed and which feed it looks like.
          const poor = mapping.problem.code === 'missing_column' ? poorMatch(job.feed, headerRow.cells.map(cellText)) : null;
          yield { type: 'unreadable', ...mapping.problem, ...poor };
          return;
        }
        yield {
          type: 'header',
          header: [...mapping.mapping.header],
          ignored: [...mapping.mapping.ignored],
          present: mapping.mapping.positions.map((p) => p >= 0),
        };
        start = 1;
      }
      const valid: ValidRow[] = [];
      const rejects: RejectRecord[] = [];
      let read = 0;
      let lastLine = resumeLine;
      for (let i = start; i < batch.length; i++) {
        const row = batch[i]!;
        if (row.line <= resumeLine) continue;
        read++;
        lastLine = row.line;
        const result = validateRow(schema, mapping.mapping, row.cells, { exactFieldCount, window: job.window });
        if (result.ok) valid.push(result.values);
        else rejects.push({ line: row.line, problems: result.problems, raw: row.cells.map(cellText) });
      }
      if (read === 0) continue;
      yield {
        type: 'chunk',
        lastLine,
        read,
        prepared: writer.prepare(valid),
        rejects,
        fraction: source.format === 'csv' && info.size > 0 ? Math.min(1, progress.bytesRead / info.size) : null,
      };
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) {
      yield { type: 'unreadable', ...err.problem };
      return;
    }
    throw err;
  }
  if (!mapping) {
    yield { type: 'unreadable', ...unreadable('empty_file', 'the file is empty: it has no header row', '文件为空，没有表头行').problem };
  }
}
