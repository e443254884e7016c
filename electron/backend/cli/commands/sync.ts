import { existsSync, statSync } from 'node:fs';
import { runDetectors } from '../../enforcement/detectors/run-detectors.ts';
import { recomputeColours } from '../../rules/recompute.ts';
import { syncDirectory } from '../../sync/sync-directory.ts';
import { UsageError, required } from '../args.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync --db F --source DIR',
  spec: { values: ['db', 'source'], flags: [] },
  async run(args, out) {
    const source = required(args, 'source');
    if (!existsSync(source) || !statSync(source).isDirectory()) {
      throw new UsageError(`--source ${source} is not a directory (expected <dir>/<feed>/*.csv|xlsx)`);
    }
    const db = openDbFromArgs(args);
    const abort = new AbortController();
    // Ctrl-C stops after the chunk being written: everything committed stays, the rest resumes.
    const onSigint = () => abort.abort();
    process.once('SIGINT', onSigint);
    let lastPrint = 0;
    try {
      const result = await syncDirectory(db, {
        source,
        signal: abort.signal,
        onEvent: (e) => {
          if (e.type === 'plan') out.progress(`sync: ${e.files.length} file(s) to read, ${e.skipped} unchanged`);
          if (e.type === 'file-start') out.progress(`[${e.index + 1}/${e.total}] ${e.file}`);
          if (e.type === 'progress' && Date.now() - lastPrint > 500) {
            lastPrint = Date.now();
            out.progress(`  ${e.file}: ${e.read} rows${e.fraction !== null ? ` (${Math.round(e.fraction * 100)}%)` : ''}`);
          }
          if (e.type === 'file-done') {
            const o = e.outcome;
            out.progress(`  ${o.status}: read ${o.read}, accepted ${o.accepted}, duplicates ${o.duplicates}, rejected ${o.rejected}${o.error ? ` — ${o.error.en}` : ''}`);
          }
        },
      });
      // New records change colours: bring them up to date for everyone affected.
      out.progress('evaluating colours...');
      const colours = await recomputeColours(db, { onProgress: (p) => out.progress(`  colours: chunk ${p.done}/${p.total}`) });
      // The fraud detectors run after every sync (ENFORCEMENT.md).
      const detected = runDetectors(db, { now: Date.now() });
      const feeds = Object.fromEntries(Object.entries(result.feeds).map(([feed, t]) => [feed, { ...t }]));
      const colourSummary = { mode: colours.mode, people: colours.people, changed: colours.changed, seconds: Number(colours.seconds.toFixed(2)) };
      out.result({ status: result.status, feeds, totals: result.totals, unchanged_files: result.unchanged, ignored: result.ignored, colours: colourSummary, cases_opened: detected.opened.length }, () =>
        [
          table(
            ['feed', 'files', 'read', 'accepted', 'duplicates', 'rejected'],
            [
              ...Object.entries(result.feeds).map(([f, t]) => [f, t.files, t.read, t.accepted, t.duplicates, t.rejected]),
              ['total', result.totals.files, result.totals.read, result.totals.accepted, result.totals.duplicates, result.totals.rejected],
            ],
          ),
          `${result.unchanged} file(s) unchanged since the last sync; status ${result.status}`,
          `colours: ${colours.mode} evaluation of ${colours.people} people, ${colours.changed} changed (${colourSummary.seconds} s)`,
          `fraud detectors: ${detected.opened.length} case(s) opened`,
          ...(result.ignored.length ? [`ignored (not feed folders): ${result.ignored.join(', ')}`] : []),
        ].join('\n'),
      );
      if (result.status !== 'done') process.exitCode = 1;
    } finally {
      process.off('SIGINT', onSigint);
      db.close();
    }
  },
};
