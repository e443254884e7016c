/**
 * The command line's side of the audit log and of files (CLI.md, ENFORCEMENT.md "Audit"): syncs,
 * imports and exports run from a terminal are audited; a file refused whole is named with its
 * reason and fails the command; typos (a file, an argument, a database path) are caught before any
 * work is done.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

function exchange(dir: string): string {
  const src = join(dir, 'exchange');
  for (const f of ['residents', 'declarations', 'checkins']) mkdirSync(join(src, f), { recursive: true });
  writeCsv(join(src, 'residents', 'residents-2020-02-10.csv'), [
    ['person_id', 'name', 'phone', 'county_code', 'address'],
    [personId(1), '张三', '', '371602', ''],
    ['123', '坏行', '', '371602', ''],
  ]);
  writeCsv(join(src, 'declarations', 'declarations-2020-02-10.csv'), [
    ['person_id', 'declared_at', 'county_code'],
    [personId(1), '2020-02-10 09:00', '371602'],
    [personId(2), 'not a time', '371602'],
  ]);
  // No ID column: the file cannot be read at all.
  writeCsv(join(src, 'checkins', 'checkins-2020-02-10.csv'), [
    ['checked_at', 'temperature'],
    ['2020-02-10 08:00', '36.5'],
  ]);
  return src;
}

const actions = (db: string) => {
  const raw = openDatabase(db);
  try {
    return raw.prepare('SELECT action, user_name AS user, details FROM audit_log ORDER BY id').all() as {
      action: string;
      user: string | null;
      details: string;
    }[];
  } finally {
    raw.close();
  }
};

describe('hcc and the audit log, files and typos', () => {
  test('sync names a file refused whole, fails, and is audited with its acting user', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const src = exchange(dir);
    const r = await runCli(['sync', '--db', db, '--source', src, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as { refused_files: { file: string; reason: string }[]; totals: { read: number } };
    expect(out.refused_files).toEqual([
      { file: 'checkins/checkins-2020-02-10.csv', feed: 'checkins', reason: expect.stringMatching(/person_id|ID/) },
    ]);
    const text = await runCli(['sync', '--db', join(dir, 'd.db'), '--source', src]);
    expect(text.stdout).toMatch(/REFUSED checkins\/checkins-2020-02-10\.csv: /);
    const user = await runCli(['user', 'add', '--db', db, '--name', 'ofc', '--role', 'officer'], { input: 'cli-password-1\n' });
    expect(user.code, user.stderr).toBe(0);
    // An unknown acting user is refused before anything is read.
    const nobody = await runCli(['sync', '--db', db, '--source', src, '--user', 'nobody']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no active user named nobody/);
    await runCli(['sync', '--db', db, '--source', src, '--user', 'ofc']);
    const syncs = actions(db).filter((a) => a.action === 'data.sync');
    expect(syncs.map((a) => a.user)).toEqual([null, 'ofc']);
    expect(JSON.parse(syncs[0]!.details)).toMatchObject({ via: 'cli', refused: 1, read: out.totals.read });
  });

  test('import checks every file first, and audits each one it imports', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const src = exchange(dir);
    const file = join(src, 'residents', 'residents-2020-02-10.csv');
    const missing = await runCli(['import', '--db', db, '--feed', 'residents', file, join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file: .*nope\.csv \(nothing was imported\)/);
    expect(existsSync(db)).toBe(false);
    const folder = await runCli(['import', '--db', db, '--feed', 'residents', src]);
    expect(folder.stderr).toMatch(/is not a file/);
    const ok = await cliJson<{ accepted: number }[]>(['import', '--db', db, '--feed', 'residents', file]);
    expect(ok[0]!.accepted).toBe(1);
    expect(JSON.parse(actions(db).find((a) => a.action === 'data.import')!.details)).toMatchObject({
      file: 'residents-2020-02-10.csv',
      feed: 'residents',
      read: 2,
      accepted: 1,
      rejected: 1,
      via: 'cli',
    });
  });

  test('rejects --out writes one file per feed, backup goes where it can, both audited', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    await runCli(['sync', '--db', db, '--source', exchange(dir)]);
    const written = await cliJson<{ file: string; feed: string; rows: number }[]>(['rejects', '--db', db, '--out', join(dir, 'rej.csv')]);
    expect(written.map((w) => [w.feed, w.rows])).toEqual([
      ['declarations', 1],
      ['residents', 1],
    ]);
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('rej'))
        .sort(),
    ).toEqual(['rej-declarations.csv', 'rej-residents.csv']);
    const lost = await runCli(['backup', '--db', db, '--out', join(dir, 'no-such-folder', 'b.db')]);
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/folder .*no-such-folder does not exist; choose another folder/);
    expect((await runCli(['backup', '--db', db, '--out', join(dir, 'b.db')])).code).toBe(0);
    expect(
      actions(db)
        .map((a) => a.action)
        .filter((a) => a.startsWith('export.')),
    ).toEqual(['export.rejects', 'export.rejects', 'export.backup']);
  });

  test('a stray argument is a usage error; a read on a mistyped --db creates nothing', async () => {
    const dir = tempDir();
    const stray = await runCli(['stats', '--db', join(dir, 'c.db'), 'extra']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/unexpected argument extra/);
    for (const args of [['stats'], ['rejects'], ['audit', 'verify'], ['code', '--person', personId(1)]]) {
      const r = await runCli([...args, '--db', join(dir, 'typo.db')]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/no database at .*typo\.db; check --db/);
    }
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
  });

  test('audit verify: a broken chain says so on stderr and counts every entry; an empty log verifies against its own head', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const raw = openDatabase(db);
    raw.close();
    const head = await cliJson<{ id: number; hash: string }>(['audit', 'head', '--db', db]);
    expect(head.id).toBe(0);
    expect((await cliJson<{ ok: boolean }>(['audit', 'verify', '--db', db, '--against', head.hash])).ok).toBe(true);
    await runCli(['sync', '--db', db, '--source', exchange(dir)]);
    expect((await cliJson<{ ok: boolean }>(['audit', 'verify', '--db', db, '--against', head.hash])).ok).toBe(true);
    const w = openDatabase(db);
    const total = (w.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    w.exec('DROP TRIGGER audit_log_no_update');
    w.prepare("UPDATE audit_log SET details = '{}' WHERE id = 1").run();
    w.close();
    const broken = await runCli(['audit', 'verify', '--db', db, '--json']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^audit log BROKEN at entry 1: .*edited/);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, entries: total, first_broken: 1 });
  });

  test('credit list --out names an Excel file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.db'), '');
    const r = await runCli(['credit', 'list', '--db', join(dir, 'c.db'), '--out', join(dir, 'cr.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.xlsx/);
  });
});
