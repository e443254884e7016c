/**
 * Before an upsert file is imported by hand: how many stored records would it give other values?
 * A file of the wrong department or a mislabelled export can rewrite a city's registry in one
 * import; above REPLACE_CONFIRM_AT the importer asks first (the console a dialog, the CLI
 * `--confirm-replace`). Nothing is written: the file is parsed and compared with what is stored.
 */
import { type FeedName, feedSchema } from '../../../shared/domain/feeds/feed-schemas.ts';
import { REPLACE_CONFIRM_AT } from '../../../shared/domain/feeds/replace-confirmation.ts';
import type { Db } from '../db/database.ts';
import { writerFor } from './feed-writers/index.ts';
import type { ParseJob } from './parse-chunks.ts';
import type { ParseRunner } from './parse-runner.ts';

export interface ReplaceCheck {
  /** Stored records the file would give other values. */
  replaces: number;
  /** Whether that is many enough to ask before importing. */
  needsConfirmation: boolean;
}

export async function checkReplacements(db: Db, job: ParseJob, size: number, runner: ParseRunner): Promise<ReplaceCheck> {
  const feed = job.feed;
  const writer = writerFor(feed);
  if (feedSchema(feed)?.mode !== 'upsert' || !writer.countReplacing || !hasStoredRows(db, feed))
    return { replaces: 0, needsConfirmation: false };
  let present: readonly boolean[] = [];
  let replaces = 0;
  // An unreadable file stops the count; the import itself then reports why.
  for await (const event of runner.parse(job, size, () => 0)) {
    if (event.type === 'unreadable') break;
    if (event.type === 'header') present = event.present;
    else replaces += writer.countReplacing(db, event.prepared, present);
  }
  return { replaces, needsConfirmation: replaces >= REPLACE_CONFIRM_AT };
}

function hasStoredRows(db: Db, feed: FeedName): boolean {
  return db.prepare(`SELECT EXISTS (SELECT 1 FROM ${feed}) AS any_row`).pluck().get() === 1;
}
