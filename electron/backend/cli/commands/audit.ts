import { auditHead, verifyAudit } from '../../audit/audit-verify.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';

export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit verify --db F [--against HASH] | audit head --db F',
  spec: { values: ['db', 'against'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    const db = openExistingDbFromArgs(args);
    try {
      if (sub === 'verify') {
        const against = args.options.get('against');
        if (against !== undefined && !/^[0-9a-f]{64}$/.test(against)) throw new UsageError('--against must be a 64-character hash (from audit head or a briefing)');
        const r = verifyAudit(db, against);
        out.result(r, () =>
          r.ok ? `audit log verified: ${r.entries} entries${against ? ', the recorded head is in the chain' : ''}` : `audit log of ${r.entries} entries does not verify`,
        );
        if (!r.ok) {
          // CLI.md: an error is one clear line on stderr, whatever the output format.
          process.stderr.write(`audit log BROKEN${r.first_broken !== null ? ` at entry ${r.first_broken}` : ''}: ${r.reason}\n`);
          process.exitCode = 1;
        }
        return;
      }
      if (sub === 'head') {
        const h = auditHead(db);
        out.result({ id: h.id, hash: h.hash, at: h.at === null ? null : new Date(h.at).toISOString() }, () => `${h.id} ${h.hash}`);
        return;
      }
      throw new UsageError('use audit verify or audit head');
    } finally {
      db.close();
    }
  },
};
