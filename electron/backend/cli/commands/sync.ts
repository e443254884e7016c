import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Actor } from '../../pipelines/actor.ts';
import { isPostgresSource } from '../../exchange-db/pg-source.ts';
import { refusedFiles, syncExchange } from '../../pipelines/sync-exchange.ts';
import { UsageError, required } from '../args.ts';
import { cliActor } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync --db F (--source DIR|postgres://USER@HOST:PORT/DB | --source-pg FILE) [--user U]',
  spec: { values: ['db', 'source', 'source-pg', 'user'], flags: [] },
  async run(args, out) {
    const connectionFile = args.options.get('source-pg');
    const source = connectionFile ?? required(args, 'source');
    const postgres = connectionFile !== undefined || isPostgresSource(source);
    if (connectionFile !== undefined && !existsSync(connectionFile))
      throw new UsageError(`--source-pg ${connectionFile}: no such connection file`);
    if (!postgres && (!existsSync(source) || !statSync(source).isDirectory())) {
      throw new UsageError(`--source ${source} is not a directory (expected <dir>/<feed>/*.csv|xlsx) nor a postgres:// address`);
    }
    if (!connectionFile && postgres && /^[^:]+:\/\/[^/@]*:[^/@]*@/.test(source)) {
      // Said always (not only with --progress): the password is already in the shell's history.
      process.stderr.write(
        'hcc sync: note: a password on the command line can be seen by other users of this computer; use --source-pg FILE or PGPASSWORD\n',
      );
    }
    const db = openDbFromArgs(args);
    const abort = new AbortController();
    // Ctrl-C stops after the chunk being written: everything committed stays, the rest resumes.
    const onSigint = () => abort.abort();
    process.once('SIGINT', onSigint);
    let lastPrint = 0;
    let evaluating = false;
    try {
      // Checked before any work: an unknown user syncs nothing.
      const actor: Actor = { user: cliActor(db, args), via: 'cli' };
      const run = await syncExchange(db, {
        source: connectionFile ? '' : source,
        ...(connectionFile ? { connectionFile } : {}),
        actor,
        signal: abort.signal,
        onEvent: (e) => {
          if (e.type === 'plan') out.progress(`sync: ${e.files.length} file(s) to read, ${e.skipped} unchanged`);
          if (e.type === 'file-start') out.progress(`[${e.index + 1}/${e.total}] ${e.file}`);
          if (e.type === 'progress' && Date.now() - lastPrint > 500) {
            lastPrint = Date.now();
            out.progress(`  ${e.file}: ${e.read} rows${e.fraction !== null ? ` (${Math.round(e.fraction * 100)}%)` : ''}`);
          }
          if (e.type === 'retry') out.progress(`  connection lost (${e.reason}); reconnecting in ${e.waitMs} ms (attempt ${e.attempt})`);
          if (e.type === 'file-done') {
            const o = e.outcome;
            out.progress(
              `  ${o.status}: read ${o.read}, accepted ${o.accepted}, duplicates ${o.duplicates}, rejected ${o.rejected}${o.error ? ` — ${o.error.en}` : ''}`,
            );
          }
        },
        // New records change colours: the pipeline brings them up to date once the last file is read.
        onColours: (p) => {
          if (!evaluating) out.progress('evaluating colours...');
          evaluating = true;
          out.progress(`  colours: chunk ${p.done}/${p.total}`);
        },
      });
      const { sync: result, colours } = run;
      const inSource = (file: string) => (!postgres && isAbsolute(file) ? relative(source, file) : file);
      // A file refused whole (unreadable, wrong feed, damaged) is named with its reason: its rows did not arrive.
      const refused = refusedFiles(result).map((f) => ({ file: inSource(f.file), feed: f.feed, reason: f.error?.en ?? f.status }));
      const ignoredColumns = result.files
        .filter((f) => f.ignoredColumns.length)
        .map((f) => ({ file: inSource(f.file), columns: f.ignoredColumns }));
      const feeds = Object.fromEntries(Object.entries(result.feeds).map(([feed, t]) => [feed, { ...t }]));
      const colourSummary = {
        mode: colours.mode,
        people: colours.people,
        changed: colours.changed,
        seconds: Number(colours.seconds.toFixed(2)),
      };
      out.result(
        {
          status: result.status,
          feeds,
          totals: result.totals,
          unchanged_files: result.unchanged,
          ignored: result.ignored,
          refused_files: refused,
          ignored_columns: ignoredColumns,
          colours: colourSummary,
          cases_opened: run.opened.length,
          source: result.source,
          reconnections: result.retries ?? 0,
          decisions: run.decisions
            ? { delivered: run.decisions.delivered, pending: run.decisions.pending, error: run.decisions.error?.en ?? null }
            : null,
        },
        () =>
          [
            table(
              ['feed', 'files', 'read', 'accepted', 'duplicates', 'rejected'],
              [
                ...Object.entries(result.feeds).map(([f, t]) => [f, t.files, t.read, t.accepted, t.duplicates, t.rejected]),
                [
                  'total',
                  result.totals.files,
                  result.totals.read,
                  result.totals.accepted,
                  result.totals.duplicates,
                  result.totals.rejected,
                ],
              ],
            ),
            `${result.unchanged} ${postgres ? 'table(s)' : 'file(s)'} unchanged since the last sync; status ${result.status}`,
            ...(result.retries ? [`the connection to the exchange database was lost and restored ${result.retries} time(s)`] : []),
            `colours: ${colours.mode} evaluation of ${colours.people} people, ${colours.changed} changed (${colourSummary.seconds} s)`,
            `fraud detectors: ${run.opened.length} case(s) opened`,
            ...(run.decisions && (run.decisions.delivered || run.decisions.pending || run.decisions.error)
              ? [
                  `decisions for the platform: ${run.decisions.delivered} delivered, ${run.decisions.pending} waiting` +
                    (run.decisions.error ? ` (${run.decisions.error.en})` : ''),
                ]
              : []),
            ...refused.map((f) => `REFUSED ${f.file}: ${f.reason}`),
            ...ignoredColumns.map((f) => `${f.file}: ignored columns ${f.columns.join(', ')}`),
            ...(result.ignored.length ? [`ignored (not feed folders): ${result.ignored.join(', ')}`] : []),
          ].join('\n'),
      );
      if (result.status !== 'done' || refused.length > 0) {
        // Exit 1 with one line on stderr: a nightly job's log shows that data did not arrive.
        process.stderr.write(
          result.status !== 'done'
            ? `hcc sync: ${result.status}${result.files.find((f) => f.error)?.error ? ` — ${result.files.find((f) => f.error)!.error!.en}` : ''}\n`
            : `hcc sync: ${refused.length} file(s) refused whole (see the list above)\n`,
        );
        process.exitCode = 1;
      }
    } finally {
      process.off('SIGINT', onSigint);
      db.close();
    }
  },
};
