import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { backupDatabase } from '../../db/backup.ts';
import { UsageError, required } from '../args.ts';
import { auditCli, cliActor } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db F --out FILE [--user U]',
  spec: { values: ['db', 'out', 'user'], flags: [] },
  async run(args, out) {
    const target = required(args, 'out');
    if (existsSync(target)) throw new UsageError(`${target} exists; choose a new file name for the backup`);
    const db = openExistingDbFromArgs(args);
    try {
      const actor = cliActor(db, args);
      const r = await backupDatabase(db, target);
      // A backup is a copy of everyone's data leaving the console: an export (ENFORCEMENT.md "Audit").
      auditCli(db, actor, 'export.backup', { file: basename(r.file), pages: r.pages, integrity: r.integrity });
      out.result(r, () => `backup written to ${r.file}: ${r.pages} pages, integrity ${r.integrity}, schema ${r.schema_version}`);
    } finally {
      db.close();
    }
  },
};
