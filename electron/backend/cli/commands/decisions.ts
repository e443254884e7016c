/**
 * `hcc decisions pending|push`: the enforcement outcomes the health-code platform must hear of
 * (EXCHANGE.md, outbound), what still waits, and delivering it now. The person shows masked here:
 * their full ID goes to the platform only.
 */
import { resolve } from 'node:path';
import { formatInstant } from '../../../../shared/domain/local-date.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { pendingDecisions } from '../../decisions/decision-outbox.ts';
import { drainDecisions } from '../../decisions/drain-decisions.ts';
import { isPostgresSource } from '../../exchange-db/pg-source.ts';
import { UsageError } from '../args.ts';
import { cliActor } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';
import { table } from '../output.ts';

const USAGE = 'decisions pending --db F | decisions push --db F [--source DIR|postgres://USER@HOST:PORT/DB | --source-pg FILE] [--user U]';

export const decisionsCommand: Command = {
  name: 'decisions',
  usage: USAGE,
  spec: { values: ['db', 'source', 'source-pg', 'user'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    if (sub !== 'pending' && sub !== 'push') throw new UsageError(`unknown decisions command ${sub ?? ''}; use pending or push`.trim());
    const source = args.options.get('source');
    const connectionFile = args.options.get('source-pg');
    if (source !== undefined && connectionFile !== undefined) throw new UsageError('give --source or --source-pg, not both');
    // Nothing to read or deliver from a database that is not there: a mistyped --db must not make one.
    const db = openExistingDbFromArgs(args);
    try {
      if (sub === 'pending') {
        const rows = pendingDecisions(db).map((r) => ({
          id: r.id,
          case: r.case_id,
          action: r.action,
          effective_at: formatInstant(r.effective_at),
          person: maskPersonId(r.person_id),
          credit_record_number: r.credit_record_number,
          decided_by: r.decided_by,
          pending_file: r.pending_file,
        }));
        out.result(rows, () =>
          rows.length
            ? table(
                ['id', 'case', 'action', 'effective at', 'person', 'credit record'],
                rows.map((r) => [r.id, r.case, r.action, r.effective_at, r.person, r.credit_record_number ?? '—']),
              )
            : 'no outcomes waiting to be sent',
        );
        return;
      }
      const actor = { user: cliActor(db, args), via: 'cli' as const };
      // A directory is named in full: the outbox file's path is what the case page shows.
      const text = source === undefined ? null : isPostgresSource(source) ? source : resolve(source);
      const r = await drainDecisions(db, text, undefined, {
        ...(connectionFile !== undefined ? { connectionFile } : {}),
        actor,
        onStage: (stage) => out.progress(`decisions: ${stage}`),
      });
      if (r === null) throw new UsageError('no --source given and no sync source is configured in the console');
      out.result(r, () => `${r.delivered} outcome(s) delivered to ${r.target}; ${r.pending} waiting`);
      if (r.error) {
        // One line for a nightly job's log: nothing is lost, the next push delivers what waits.
        const line = `${r.error.en} / ${r.error.zh}`.replace(/\s*\n\s*/g, ' ');
        process.stderr.write(`hcc decisions: ${line}; ${r.pending} outcome(s) wait for the next push\n`);
        process.exitCode = 1;
      }
    } finally {
      db.close();
    }
  },
};
