/**
 * Import files of one feed by hand, then evaluate and detect: `hcc import` and the console's
 * import (an uploaded file, run as a job). The detectors run after an import as after a sync
 * (ENFORCEMENT.md); `hcc import` once skipped them, so a case the console would open waited for
 * the next sync. Each file is audited as `data.import`.
 */
import { basename } from 'node:path';
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../db/database.ts';
import { type ImportOutcome, type ImportProgress, importFile } from '../import/import-file.ts';
import { createParseRunner } from '../import/parse-runner.ts';
import { type Actor, auditAs, colourSummary } from './actor.ts';
import { type ColourProgress, type Evaluation, evaluateAndDetect } from './evaluate-and-detect.ts';

export interface FileToImport {
  path: string;
  /** The name the file had for its sender (an upload is stored under another). */
  displayName?: string;
}

export interface ImportFilesOptions {
  files: FileToImport[];
  feed: FeedName;
  actor: Actor;
  strict?: boolean;
  /** An upsert file that would replace many stored values is imported only when asked. */
  confirmReplace?: boolean;
  signal?: AbortSignal;
  onProgress?: (file: FileToImport, p: ImportProgress) => void;
  onColours?: ColourProgress;
}

export interface ImportFilesResult extends Evaluation {
  outcomes: ImportOutcome[];
}

export async function importFiles(db: Db, options: ImportFilesOptions): Promise<ImportFilesResult> {
  const outcomes: ImportOutcome[] = [];
  let evaluation: Evaluation | null = null;
  // One set of parse threads for all the files, not one per file.
  const runner = createParseRunner();
  try {
    for (const file of options.files) {
      outcomes.push(
        await importFile(db, {
          path: file.path,
          ...(file.displayName === undefined ? {} : { displayName: file.displayName }),
          feed: options.feed,
          origin: 'import',
          strict: options.strict ?? false,
          confirmReplace: options.confirmReplace ?? false,
          runner,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onProgress ? { onProgress: (p: ImportProgress) => options.onProgress!(file, p) } : {}),
        }),
      );
    }
    // Even after a cancel: what was committed is real data.
    evaluation = await evaluateAndDetect(db, options.onColours ? { onColours: options.onColours } : {});
    return { outcomes, ...evaluation };
  } finally {
    await runner.close();
    // After the evaluation, so that each entry says what its run did to colours and cases; in a
    // finally, so that an evaluation that failed still leaves the record of what arrived.
    for (const o of outcomes) auditAs(db, options.actor, 'data.import', importDetails(o, evaluation));
  }
}

function importDetails(o: ImportOutcome, evaluation: Evaluation | null): Record<string, unknown> {
  const facts = {
    file: basename(o.file),
    feed: o.feed,
    status: o.status,
    read: o.read,
    accepted: o.accepted,
    duplicates: o.duplicates,
    rejected: o.rejected,
  };
  return evaluation ? { ...facts, colours: colourSummary(evaluation.colours), casesOpened: evaluation.opened.length } : facts;
}
