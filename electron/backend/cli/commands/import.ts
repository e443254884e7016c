import { existsSync, statSync } from 'node:fs';
import { type FeedName, FEED_NAMES, isFeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { Actor } from '../../pipelines/actor.ts';
import { type ImportFilesResult, importFiles } from '../../pipelines/import-files.ts';
import { UsageError, required } from '../args.ts';
import { cliActor } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const importCommand: Command = {
  name: 'import',
  usage: 'import --db F --feed FEED [--strict] [--confirm-replace] [--user U] FILE...',
  spec: { values: ['db', 'feed', 'user'], flags: ['strict', 'confirm-replace'], positionals: Infinity },
  async run(args, out) {
    const feed = required(args, 'feed');
    if (!isFeedName(feed)) throw new UsageError(`unknown feed ${feed}; feeds: ${FEED_NAMES.join(', ')}`);
    if (args.positionals.length === 0) throw new UsageError('name at least one FILE to import');
    // Every file is checked before any is imported: a typo in the last name must not leave the
    // first files imported and the command failed.
    for (const path of args.positionals) {
      if (!existsSync(path)) throw new Error(`no such file: ${path} (nothing was imported)`);
      if (!statSync(path).isFile())
        throw new Error(
          `${path} is not a file (nothing was imported); name the files in the folder, or use sync --source for an exchange directory`,
        );
    }
    const db = openDbFromArgs(args);
    let run: ImportFilesResult;
    try {
      // Checked before any work: an unknown user imports nothing.
      const actor: Actor = { user: cliActor(db, args), via: 'cli' };
      run = await importFiles(db, {
        files: args.positionals.map((path) => ({ path })),
        feed: feed as FeedName,
        actor,
        strict: args.flags.has('strict'),
        // An upsert file that would replace many stored values is imported only when asked.
        confirmReplace: args.flags.has('confirm-replace'),
        onProgress: ({ path }, p) =>
          out.progress(`${path}: ${p.read} rows${p.fraction !== null ? ` (${Math.round(p.fraction * 100)}%)` : ''}`),
        onColours: (p) => out.progress(`  colours: chunk ${p.done}/${p.total}`),
      });
    } finally {
      db.close();
    }
    const results = run.outcomes;
    const json = results.map((r) => ({
      file: r.file,
      feed: r.feed,
      status: r.status,
      read: r.read,
      accepted: r.accepted,
      duplicates: r.duplicates,
      rejected: r.rejected,
      ...(r.ignoredColumns.length ? { ignored_columns: r.ignoredColumns } : {}),
      ...(r.replaces ? { replaces: r.replaces } : {}),
      ...(r.error ? { error: r.error.en } : {}),
    }));
    out.result(json, () =>
      [
        table(
          ['file', 'status', 'read', 'accepted', 'duplicates', 'rejected'],
          results.map((r) => [r.file, r.status, r.read, r.accepted, r.duplicates, r.rejected]),
        ),
        ...results.filter((r) => r.ignoredColumns.length).map((r) => `${r.file}: ignored columns ${r.ignoredColumns.join(', ')}`),
        ...results
          .filter((r) => r.error)
          .map((r) => `${r.file}: ${r.error!.en}${r.status === 'needs_confirmation' ? ' (run again with --confirm-replace)' : ''}`),
        `fraud detectors: ${run.opened.length} case(s) opened`,
      ].join('\n'),
    );
    // A refused file is an error for scripts: the data did not arrive.
    const refused = results.find((r) => r.status === 'unreadable' || r.status === 'failed' || r.status === 'needs_confirmation');
    if (refused) process.exitCode = 1;
  },
};
