/**
 * Outcomes into `<dir>/outbox/code_decisions-<timestamp>.csv` (EXCHANGE.md, outbound) where the
 * exchange is a directory. Each file appears whole or not at all, and each outcome goes into one
 * file only:
 *   1. the rows a file will carry are given its name (`pending_file`) in one SQLite transaction;
 *   2. the file is written under a temporary name and renamed into place (write-atomically.ts);
 *   3. the rows are marked delivered.
 * A delivery cut after 1 or 2 leaves rows carrying a name: the next push writes that same file with
 * exactly those rows (the same bytes) before it names anything new.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { csvLine } from '../files/csv-writer.ts';
import { makePrivateDir } from '../files/private-files.ts';
import { writeTextAtomically } from '../files/write-atomically.ts';
import { OUTBOX_FOLDER, exchangeDirectoryProblem } from '../sync/exchange-directory.ts';
import { type OutboxRow, pendingDecisions } from './decision-outbox.ts';

export { OUTBOX_FOLDER };

const HEADER = ['person_id', 'action', 'effective_at', 'credit_record_number', 'case_id', 'decided_by', 'written_at'];

/** `code_decisions-20200214T100000123.csv`: the city's time to the millisecond, so names sort as the files were made. */
const NAME = /^code_decisions-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})\.csv$/;

export function outboxFileName(at: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?/.exec(formatInstant(at))!;
  return `code_decisions-${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}${m[7] ?? '000'}.csv`;
}

/** The time a name stands for (the file's written_at), or null for a name that is not an outbox file's. */
export function outboxFileTime(name: string): number | null {
  const m = NAME.exec(name);
  return m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}+08:00`) : null;
}

/** Writes what is pending; `commit` marks a file's rows delivered once the file is in place. */
export function pushToDirectory(db: Db, dir: string, now: number, commit: (rows: readonly OutboxRow[], file: string) => void): void {
  // Nothing waiting: the exchange directory is left as it is (no empty outbox/ in a folder a sync reads).
  if (pendingDecisions(db).length === 0) return;
  // A share that is not mounted must not become a local folder of the same name: only outbox/ is made.
  const problem = exchangeDirectoryProblem(dir);
  if (problem) throw problem;
  const outbox = makePrivateDir(join(dir, OUTBOX_FOLDER));
  for (const [name, rows] of namedRows(db)) writeFile(outbox, name, rows, commit);
  const fresh = nameFreshRows(db, outbox, now);
  if (fresh) writeFile(outbox, fresh.name, fresh.rows, commit);
}

/** Rows a cut delivery left carrying a file name, by name, oldest file first. */
function namedRows(db: Db): Map<string, OutboxRow[]> {
  const files = new Map<string, OutboxRow[]>();
  for (const r of pendingDecisions(db)) {
    if (r.pending_file === null) continue;
    files.set(r.pending_file, [...(files.get(r.pending_file) ?? []), r]);
  }
  return files;
}

function nameFreshRows(db: Db, outbox: string, now: number): { name: string; rows: OutboxRow[] } | null {
  return db
    .transaction(() => {
      const rows = pendingDecisions(db).filter((r) => r.pending_file === null);
      if (rows.length === 0) return null;
      const name = nextName(db, outbox, now);
      const setName = db.prepare('UPDATE decision_outbox SET pending_file = ? WHERE id = ?');
      for (const r of rows) setName.run(name, r.id);
      return { name, rows: rows.map((r) => ({ ...r, pending_file: name })) };
    })
    .immediate();
}

/**
 * A name later than every outbox file there is or was named (the platform may have taken older
 * files away; the database remembers): a file never replaces another, and names sort in delivery
 * order even when the clock is behind (a demo clock, or a corrected one).
 */
function nextName(db: Db, outbox: string, now: number): string {
  const named = db.prepare('SELECT max(pending_file) FROM decision_outbox').pluck().get() as string | null;
  let latest = -Infinity;
  for (const name of [...readdirSync(outbox), ...(named ? [named] : [])]) latest = Math.max(latest, outboxFileTime(name) ?? -Infinity);
  return outboxFileName(Math.max(now, latest + 1));
}

function writeFile(
  outbox: string,
  name: string,
  rows: readonly OutboxRow[],
  commit: (rows: readonly OutboxRow[], file: string) => void,
): void {
  const path = join(outbox, name);
  // Written-at is the name's time, so a file written again is the same file, byte for byte.
  const writtenAt = formatInstant(outboxFileTime(name) ?? rows[0]!.created_at);
  const lines = rows.map((r) =>
    csvLine([r.person_id, r.action, formatInstant(r.effective_at), r.credit_record_number, r.case_id, r.decided_by, writtenAt]),
  );
  // UTF-8 without a byte-order mark: a program reads this file, and a mark would stick to the first column's name.
  writeTextAtomically(path, csvLine(HEADER) + lines.join(''));
  commit(rows, path);
}
