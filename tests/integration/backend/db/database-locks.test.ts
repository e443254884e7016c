/**
 * Opening the database again in the same process (every job, worker and export does) must not drop
 * the locks the first connection holds: on POSIX, closing any handle to a file releases all of the
 * process's locks on it, and a process that lost them can have its WAL deleted by another one
 * (SQLite's "How to corrupt", 2.2). Linux only: read from /proc/locks.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

/** This process's POSIX locks on a file, as /proc/locks lists them. */
function locksOn(file: string): string[] {
  const ino = statSync(file).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .filter((l) => l.includes(` ${process.pid} `) && l.split(/\s+/).some((f) => f.endsWith(`:${ino}`)));
}

describe.runIf(existsSync('/proc/locks'))('database locks', () => {
  test('a second connection opened and closed in this process leaves the first one’s locks in place', () => {
    const file = join(tempDir(), 'c.db');
    const db = openDatabase(file);
    // A read transaction left open holds a shared lock on the database file.
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM settings').get();
    const before = locksOn(file);
    expect(before.length).toBeGreaterThan(0);
    openDatabase(file, { readonly: true }).close();
    expect(locksOn(file)).toEqual(before);
    db.exec('COMMIT');
    db.close();
  });
});
