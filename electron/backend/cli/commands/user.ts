import { isRole } from '../../../../shared/domain/roles.ts';
import { audit } from '../../audit/audit-log.ts';
import { ROLES_NEEDING_APPROVAL } from '../../auth/role-grants.ts';
import { countUsers, createUser } from '../../auth/users.ts';
import { ApiFailure } from '../../failures/api-failure.ts';
import { UsageError, required } from '../args.ts';
import type { Command } from '../command.ts';
import { openDbFromArgs } from '../open-db.ts';

/** Reads the password from standard input (never an argument: arguments show up in process lists). */
async function readPassword(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of process.stdin) parts.push(chunk as Buffer);
  return Buffer.concat(parts)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `hcc user add` is how the first administrator of a database that already holds data is made
 * (the console's own set-up then needs the code `hcc serve` prints). Whoever runs it holds the
 * database file itself, so it is not held to the console's two-administrator rule for the credit
 * role; such a grant is recorded as `role.credit_granted` with `flagged: true` instead. An account
 * made for someone else must choose its own password at its first sign-in; the first user of a
 * database, or one whose owner typed the password (`--own-password`), keeps it.
 */
export const userCommand: Command = {
  name: 'user',
  usage: 'user add --db F --name U --role officer|credit|writer|admin [--county CODE] [--own-password]   (password on stdin)',
  spec: { values: ['db', 'name', 'role', 'county'], flags: ['own-password'], positionals: 1 },
  async run(args, out) {
    if (args.positionals[0] !== 'add') throw new UsageError('the only user command is: user add');
    const name = required(args, 'name');
    const role = required(args, 'role');
    if (!isRole(role)) throw new UsageError(`--role must be officer, credit, writer or admin, not ${role}`);
    const password = await readPassword();
    const db = openDbFromArgs(args);
    try {
      const first = countUsers(db) === 0;
      const mustChangePassword = !first && !args.flags.has('own-password');
      const row = await createUser(db, { name, role, county: args.options.get('county') ?? null, password, mustChangePassword });
      audit(db, {
        user: null,
        action: 'user.create',
        target: `user:${row.name}`,
        details: { role: row.role, county: row.county, via: 'cli', mustChangePassword },
      });
      if ((ROLES_NEEDING_APPROVAL as readonly string[]).includes(row.role)) {
        audit(db, {
          user: null,
          action: 'role.credit_granted',
          target: `user:${row.name}`,
          details: { role: row.role, via: 'cli', approvedBy: null, flagged: true },
        });
      }
      out.result(
        { name: row.name, role: row.role, county: row.county, mustChangePassword },
        () => `user ${row.name} (${row.role}) added${mustChangePassword ? '; they choose their own password at the first sign-in' : ''}`,
      );
    } catch (err) {
      if (err instanceof ApiFailure) throw new Error(err.error.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
