import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { keepAuditKeyWithCopy } from '../../audit/audit-key.ts';
import { backupDatabase } from '../../db/backup.ts';
import { databaseKeyOf } from '../../db/db-key.ts';
import { readOrCreateKeyFile } from '../../db/key-file.ts';
import { UsageError, required } from '../args.ts';
import { auditCli, cliActor } from '../cli-audit.ts';
import type { Command } from '../command.ts';
import { openExistingDbFromArgs } from '../open-db.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db F --out FILE [--out-key-file K] [--user U]   (encrypted with the database key, or with K)',
  spec: { values: ['db', 'out', 'user', 'out-key-file'], flags: [] },
  async run(args, out) {
    const target = required(args, 'out');
    if (existsSync(target)) throw new UsageError(`${target} exists; choose a new file name for the backup`);
    const outKeyFile = args.options.get('out-key-file');
    const db = openExistingDbFromArgs(args);
    try {
      const actor = cliActor(db, args);
      // The backup's own key file, created 0600 on first use; its bytes are never printed.
      const outKey = outKeyFile ? readOrCreateKeyFile(outKeyFile).key : undefined;
      const r = await backupDatabase(db, target, outKey ? { key: outKey } : {});
      // The copy's audit chain verifies only with its key: beside the copy when its own key does not give it.
      keepAuditKeyWithCopy(db, r.file, outKey ?? databaseKeyOf(db));
      // A backup is a copy of everyone's data leaving the console: an export (ENFORCEMENT.md "Audit").
      auditCli(db, actor, 'export.backup', { file: basename(r.file), pages: r.pages, integrity: r.integrity, encrypted: true });
      out.result(
        r,
        () =>
          `backup written to ${r.file} (encrypted${outKeyFile ? ` with ${outKeyFile}` : ' with the database key'}): ${r.pages} pages, integrity ` +
          `${r.integrity}, schema ${r.schema_version}`,
      );
    } finally {
      db.close();
    }
  },
};
