import { existsSync } from 'node:fs';
import { backupDatabase } from '../../db/backup.ts';
import { UsageError, required } from '../args.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db F --out FILE',
  spec: { values: ['db', 'out'], flags: [] },
  async run(args, out) {
    const target = required(args, 'out');
    if (existsSync(target)) throw new UsageError(`${target} exists; choose a new file name for the backup`);
    const db = openDbFromArgs(args);
    try {
      const r = await backupDatabase(db, target);
      out.result(r, () => `backup written to ${r.file}: ${r.pages} pages, integrity ${r.integrity}, schema ${r.schema_version}`);
    } finally {
      db.close();
    }
  },
};
