import { isRole } from '../../../../shared/domain/roles.ts';
import { audit } from '../../audit/audit-log.ts';
import { createUser } from '../../auth/users.ts';
import { ApiFailure } from '../../api/api-failure.ts';
import { UsageError, required } from '../args.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';

/** Reads the password from standard input (never an argument: arguments show up in process lists). */
async function readPassword(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of process.stdin) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8').replace(/\r?\n$/, '');
}

export const userCommand: Command = {
  name: 'user',
  usage: 'user add --db F --name U --role officer|credit|writer|admin [--county CODE]   (password on stdin)',
  spec: { values: ['db', 'name', 'role', 'county'], flags: [], positionals: 1 },
  async run(args, out) {
    if (args.positionals[0] !== 'add') throw new UsageError('the only user command is: user add');
    const name = required(args, 'name');
    const role = required(args, 'role');
    if (!isRole(role)) throw new UsageError(`--role must be officer, credit, writer or admin, not ${role}`);
    const password = await readPassword();
    const db = openDbFromArgs(args);
    try {
      const row = await createUser(db, { name, role, county: args.options.get('county') ?? null, password });
      audit(db, { user: null, action: 'user.create', target: `user:${row.name}`, details: { role: row.role, county: row.county, via: 'cli' } });
      out.result({ name: row.name, role: row.role, county: row.county }, () => `user ${row.name} (${row.role}) added`);
    } catch (err) {
      if (err instanceof ApiFailure) throw new Error(err.error.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
