import { anchorFile, writeAnchor } from '../../audit/audit-anchor.ts';
import { audit } from '../../audit/audit-log.ts';
import { type AuditProblem, type VerifyResult, auditHead, verifyAudit } from '../../audit/audit-verify.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';

// The first word of the error line: each kind of damage is told apart at a glance and by scripts.
const LABEL: Record<AuditProblem, string> = {
  missing: 'BROKEN',
  relinked: 'BROKEN',
  edited: 'BROKEN',
  not_in_chain: 'BROKEN',
  rebuilt: 'REBUILT',
  truncated: 'TRUNCATED',
  key_missing: 'UNVERIFIABLE',
  anchor_invalid: 'ANCHOR INVALID',
};

function verifiedText(r: VerifyResult, against: string | undefined): string {
  const parts = [`audit log verified: ${r.entries} entries`];
  if (against) parts.push('the recorded head is in the chain');
  if (r.anchor?.state === 'ok')
    parts.push(`the anchor beside the database (entry ${r.anchor.id}, ${r.anchor.hash!.slice(0, 12)}…) matches`);
  else parts.push("no anchor beside the database to compare (compare a briefing's head with --against)");
  return parts.join('; ');
}

export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit verify --db F [--against HASH] | audit head --db F | audit anchor --db F',
  spec: { values: ['db', 'against'], flags: [], positionals: 1 },
  async run(args, out) {
    const sub = args.positionals[0];
    const db = openExistingDbFromArgs(args);
    try {
      if (sub === 'verify') {
        const against = args.options.get('against');
        if (against !== undefined && !/^[0-9a-f]{64}$/.test(against)) {
          throw new UsageError(
            '--against must be a 64-character hash (from audit head or a briefing) / --against 须为 64 位哈希（见 audit head 或简报）',
          );
        }
        // The anchor beside the database is always compared: a truncation is invisible otherwise.
        const r = verifyAudit(db, against, { anchor: true });
        out.result(r, () => (r.ok ? verifiedText(r, against) : `audit log of ${r.entries} entries does not verify (${r.problem})`));
        if (!r.ok) {
          // CLI.md: an error is one clear line on stderr, whatever the output format.
          process.stderr.write(
            `audit log ${LABEL[r.problem!]}${r.first_broken !== null ? ` at entry ${r.first_broken}` : ''}: ${r.reason}\n`,
          );
          process.exitCode = 1;
        }
        return;
      }
      if (sub === 'head') {
        const h = auditHead(db);
        out.result({ id: h.id, hash: h.hash, at: h.at === null ? null : new Date(h.at).toISOString() }, () => `${h.id} ${h.hash}`);
        return;
      }
      if (sub === 'anchor') {
        // Replacing an anchor on purpose (after a backup was restored, or the key was replaced):
        // the log says who did it and what the old anchor was.
        if (anchorFile(db) === null) throw new UsageError('an in-memory database has no anchor / 内存数据库没有锚点');
        const before = verifyAudit(db, undefined, { anchor: true });
        audit(db, {
          user: null,
          action: 'audit.reanchor',
          details: { previous: before.ok ? (before.anchor ?? null) : before.problem, via: 'cli' },
        });
        const a = writeAnchor(db, { replace: true });
        out.result(a, () => (a ? `audit head anchored: entry ${a.id} ${a.hash}` : 'no audit key to anchor with'));
        return;
      }
      throw new UsageError('use audit verify, audit head or audit anchor / 请使用 audit verify、audit head 或 audit anchor');
    } finally {
      db.close();
    }
  },
};
