/**
 * The CPU half of a pull (as parse-chunks.ts is a file's): an exchange table's rows, as text, made
 * into what the feed's writer takes, the rejects, and the seq bookkeeping. Pure, so it runs in the
 * pull worker while the database thread writes the previous batch.
 */
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { type HeaderMapping, mapHeader } from '../../../shared/domain/feeds/header-mapping.ts';
import type { PlausibleWindow } from '../../../shared/domain/feeds/plausible-window.ts';
import { validateRow } from '../../../shared/domain/feeds/row-validation.ts';
import type { PreparedChunk, ValidRow } from '../import/feed-writers/feed-writer.ts';
import { writerFor } from '../import/feed-writers/index.ts';
import type { RejectRecord } from '../import/parse-chunks.ts';
import type { Gap } from './pull-window.ts';

export interface RowsContext {
  feed: FeedName;
  /** The table's feed columns (FeedTable.header). */
  header: readonly string[];
  window: PlausibleWindow;
}

/** Rows of one version time, prepared for the writer (upsert rows are versioned by loaded_at). */
export interface PreparedRun {
  versionTime: number;
  prepared: PreparedChunk;
}

export interface ParsedBatch {
  runs: PreparedRun[];
  rejects: RejectRecord[];
  read: number;
  /** The batch's highest seq (rows come in seq order). */
  lastSeq: number;
  newestLoadedAt: number;
  /** Every seq of the batch, when asked for (the gap pass takes them out of its gaps). */
  seqs: number[];
  /** seq values missing between consecutive rows (and after `afterSeq`). */
  gaps: Gap[];
}

export function tableMapping(ctx: RowsContext): HeaderMapping {
  const m = mapHeader(feedSchema(ctx.feed)!, ctx.header);
  if (!m.ok) throw new Error(m.problem.en);
  return m.mapping;
}

/**
 * `afterSeq`: the seq the rows follow (the mark), for the order check and the gaps; null for rows
 * read inside gaps, which are not in one run of seq.
 */
export function parseTableRows(
  rows: readonly (readonly (string | null)[])[],
  ctx: RowsContext,
  mapping: HeaderMapping,
  afterSeq: number | null,
): ParsedBatch {
  const schema = feedSchema(ctx.feed)!;
  const writer = writerFor(ctx.feed);
  // Each row is [seq, loaded_at, ...cells]: validated where it lies, not copied (a million rows).
  const inRow: HeaderMapping = { ...mapping, positions: mapping.positions.map((at) => (at >= 0 ? at + 2 : at)) };
  const upsert = schema.mode === 'upsert';
  const runs: { versionTime: number; rows: ValidRow[] }[] = [];
  const p: ParsedBatch = { runs: [], rejects: [], read: 0, lastSeq: afterSeq ?? 0, newestLoadedAt: 0, seqs: [], gaps: [] };
  let previous = afterSeq ?? 0;
  for (const row of rows) {
    const seq = Number(row[0]);
    const loadedAt = Number(row[1]);
    if (afterSeq !== null) {
      if (!(seq > previous)) {
        throw new Error(
          `${schema.name}: seq ${seq} came after ${previous}; seq must be unique and only grow (one sequence per table, shared by every shard)`,
        );
      }
      if (seq > previous + 1) p.gaps.push({ lo: previous, hi: seq, seenAt: loadedAt });
      previous = seq;
      p.lastSeq = seq;
    } else p.seqs.push(seq);
    p.read++;
    if (loadedAt > p.newestLoadedAt) p.newestLoadedAt = loadedAt;
    // NULL is an empty cell (files have no NULL): set in place, in the row the driver made.
    for (let i = 2; i < row.length; i++) if (row[i] === null) (row as (string | null)[])[i] = '';
    const result = validateRow(schema, inRow, row as readonly string[], { exactFieldCount: false, window: ctx.window });
    if (!result.ok) {
      p.rejects.push({ line: seq, problems: result.problems, raw: row.slice(2) as string[] });
      continue;
    }
    // Append rows have no versions: one run. Upsert rows keep their own loaded_at as version time.
    const last = runs[runs.length - 1];
    if (last && (!upsert || last.versionTime === loadedAt)) {
      last.rows.push(result.values);
      if (loadedAt > last.versionTime) last.versionTime = loadedAt;
    } else runs.push({ versionTime: loadedAt, rows: [result.values] });
  }
  p.runs = runs.map((r) => ({ versionTime: r.versionTime, prepared: writer.prepare(r.rows) }));
  return p;
}
