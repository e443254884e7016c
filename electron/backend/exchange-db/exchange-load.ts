/**
 * `hcc exchange load` / `hcc demo --pg`: fills an exchange database from an exchange directory
 * (the demo city's, or any), so that a newcomer has a PostgreSQL to pull from. Each file's rows go
 * to its feed's table in file order by COPY, `loaded_at` = the file's own timestamp (the version
 * time a directory sync would give its upsert rows), so pulling the tables gives the database the
 * directory gives. Values are copied as their text, bad rows included: the pull must find them as
 * the directory import does. A file whose header does not fit its feed is not loaded (reported).
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pgCopy from 'pg-copy-streams';
import { cellText } from '../../../shared/domain/feeds/cells.ts';
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { mapHeader } from '../../../shared/domain/feeds/header-mapping.ts';
import { fileVersionTime } from '../import/file-version.ts';
import { openSource } from '../import/row-source.ts';
import { listExchangeDirectory } from '../sync/exchange-directory.ts';
import { exchangeSchemaDdl } from './exchange-schema.ts';
import { type PostgresSource, connectExchange, qualified } from './pg-source.ts';
import { DEMO_COMMENT_KEY } from './pull-exchange.ts';

export interface LoadedFile {
  file: string;
  feed: FeedName;
  rows: number;
  /** Why the file was not loaded (its header does not fit the feed), or null. */
  skipped: string | null;
}

export interface LoadOutcome {
  files: LoadedFile[];
  rows: Partial<Record<FeedName, number>>;
}

/** A CSV field for COPY: empty is NULL (unquoted), everything else quoted. */
function copyField(text: string): string {
  return text === '' ? '' : `"${text.replace(/"/g, '""')}"`;
}

export async function loadExchange(source: PostgresSource, dir: string, onFile?: (f: LoadedFile) => void): Promise<LoadOutcome> {
  const client = await connectExchange(source);
  const outcome: LoadOutcome = { files: [], rows: {} };
  try {
    for (const ddl of exchangeSchemaDdl(source)) await client.query(ddl);
    for (const f of listExchangeDirectory(dir).files) {
      const schema = feedSchema(f.feed)!;
      const opened = await openSource(f.path);
      const loadedAt = new Date(fileVersionTime(f.path)).toISOString();
      let positions: number[] | null = null;
      let skipped: string | null = null;
      let rows = 0;
      const columns = schema.columns.map((c) => c.name);
      async function* lines(): AsyncGenerator<string> {
        for await (const batch of opened.rows()) {
          let out = '';
          for (const row of batch) {
            if (!positions) {
              const mapping = mapHeader(schema, row.cells.map(cellText));
              if (!mapping.ok) {
                skipped = mapping.problem.en;
                return;
              }
              positions = [...mapping.mapping.positions];
              continue;
            }
            const p = positions;
            out += `${loadedAt},${p.map((i) => copyField(i < 0 ? '' : cellText(row.cells[i]))).join(',')}\n`;
            rows++;
          }
          if (out) yield out;
        }
      }
      await client.query('BEGIN');
      const copy = client.query(
        pgCopy.from(
          `COPY ${qualified(source, f.feed)} (loaded_at, ${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`,
        ),
      );
      await pipeline(Readable.from(lines()), copy);
      await client.query(skipped ? 'ROLLBACK' : 'COMMIT');
      const loaded: LoadedFile = { file: f.relativePath, feed: f.feed, rows: skipped ? 0 : rows, skipped };
      if (!skipped) outcome.rows[f.feed] = (outcome.rows[f.feed] ?? 0) + rows;
      outcome.files.push(loaded);
      onFile?.(loaded);
    }
    return outcome;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Marks a loaded exchange database as the demo city's (its clock: database-clock.ts). */
export async function markDemoExchange(source: PostgresSource, truth: { start: string; days: number }): Promise<void> {
  const client = await connectExchange(source);
  try {
    const comment = JSON.stringify({ [DEMO_COMMENT_KEY]: truth }).replace(/'/g, "''");
    await client.query(`COMMENT ON SCHEMA "${source.schema}" IS '${comment}'`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
