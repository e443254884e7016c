/**
 * Who may create the first administrator. On an empty database, whoever opens the console first:
 * there is nothing to protect yet. On a database that already holds data and has no user (the
 * ordinary `hcc sync` then `hcc serve`), an open set-up let any local process become administrator
 * and unmask a phone; there the first administrator comes from `hcc user add` or from a one-time
 * set-up code that `hcc serve` prints on its own stdout, which only the person who started it sees.
 *
 * The Electron window needs no code: it is reached only through the app's own IPC (no port any
 * other process can call), and the person who started the app is the local user the code would
 * identify; the main process, the only holder of the code, stands in for it (transport 'ipc').
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { countUsers } from './users.ts';

/**
 * Tables that hold no personal data and may have rows in a database that is still "empty". Every
 * other table counts, so a feed added later counts as data without anyone remembering this list
 * (the safe way round: an unknown table asks for the code rather than opening the set-up).
 */
const BOOKKEEPING_TABLES = new Set(['users', 'role_grants', 'settings', 'key_areas', 'key_areas_history']);
/** The audit log and its bookkeeping (audit_log, audit_chain, …): people appear there only masked. */
const isBookkeeping = (table: string) => BOOKKEEPING_TABLES.has(table) || table.startsWith('audit_');

/** The one definition of an empty database for the first administrator: no row in any data table. */
export function databaseHoldsData(db: Db): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.some((t) => !isBookkeeping(t) && db.prepare(`SELECT 1 FROM "${t.replaceAll('"', '""')}" LIMIT 1`).get() !== undefined);
}

/** 'none': users exist, no set-up. 'open': empty database. 'code': data and no user. */
export type SetupMode = 'none' | 'open' | 'code';

export function setupMode(db: Db): SetupMode {
  if (countUsers(db) > 0) return 'none';
  return databaseHoldsData(db) ? 'code' : 'open';
}

/** Wrong codes allowed before the code is void (a new one needs a restart of `hcc serve`). */
const MAX_WRONG_CODES = 5;
/** No 0/O, 1/I/L: read off a terminal and typed by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The one-time set-up code of this process: issued when `serve` prints it, spent by the set-up. */
export class SetupCode {
  private code: string | null = null;
  private wrong = 0;

  /** Issues the code (once per process) and returns it, formatted in groups of four. */
  issue(): string {
    if (this.code === null) {
      // 16 characters of a 31-letter alphabet: about 79 bits; 5 tries cannot find it.
      const bytes = randomBytes(16);
      this.code = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    }
    return this.code.match(/.{4}/g)!.join('-');
  }

  /** Whether `typed` is the code; five wrong tries void it. Spaces, dashes and case do not matter. */
  matches(typed: string): boolean {
    if (this.code === null || this.wrong >= MAX_WRONG_CODES) return false;
    const clean = Buffer.from(typed.toUpperCase().replace(/[\s-]/g, ''));
    const expected = Buffer.from(this.code);
    const ok = clean.length === expected.length && timingSafeEqual(clean, expected);
    if (!ok) this.wrong++;
    return ok;
  }

  /** Spent: the first administrator exists. */
  spend(): void {
    this.code = null;
  }

  get voided(): boolean {
    return this.code !== null && this.wrong >= MAX_WRONG_CODES;
  }
}

/**
 * What `hcc serve` says about the first administrator, on its own stdout (never stderr or a log:
 * the code is for the person at that terminal only). Issues the code when one is needed.
 */
export function firstAdministratorNotice(db: Db, code: SetupCode): { json: { mode: SetupMode; setupCode?: string }; text: string | null } {
  const mode = setupMode(db);
  if (mode === 'none') return { json: { mode }, text: null };
  if (mode === 'open')
    return { json: { mode }, text: 'first start: the database is empty; open the console to create the first administrator' };
  const issued = code.issue();
  return {
    json: { mode, setupCode: issued },
    text: [
      'first start: the database holds data and has no user yet, so creating the first administrator needs this one-time set-up code:',
      `  ${issued}`,
      '(valid until it is used or this server stops; or create the administrator with: hcc user add --role admin)',
    ].join('\n'),
  };
}
