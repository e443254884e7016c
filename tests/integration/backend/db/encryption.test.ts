/**
 * Encryption at rest (issue 12): the database, its WAL and its backups hold no clear byte of a
 * person; the key lives in a key file (0600, never printed); a wrong or missing key is refused with
 * words that say what to do; `hcc encrypt` converts a clear database and never leaves neither copy;
 * files and folders we create are the owner's alone.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, test } from 'vitest';
import { applyKey, openDatabase } from '../../../../electron/backend/db/database.ts';
import { auditKeyFor, databaseKeyOf } from '../../../../electron/backend/db/db-key.ts';
import { rowCounts } from '../../../../electron/backend/db/backup.ts';
import { makePrivateDir, writePrivateFile } from '../../../../electron/backend/files/private-files.ts';
import { createConsoleServices } from '../../../../electron/backend/api/console-services.ts';
import { writeBriefingInWorker } from '../../../../electron/backend/briefing/run-briefing.ts';
import { readOrCreateKeyFile } from '../../../../electron/backend/db/key-file.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { CLI_ENTRY, cliJson, runCli } from '../../../support/cli.ts';
import { suiteTempDir, useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const mode = (path: string): number => statSync(path).mode & 0o777;

/** Every file under `dir` whose bytes contain `needle` (the clear copy must be nowhere). */
function filesHolding(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) hits.push(path);
  }
  return hits;
}

// One small demo city's exchange folder, synced by each test into a database of its own.
const world = suiteTempDir('hcc-encryption-');
const exchange = join(world, 'exchange');
let personId = '';

beforeAll(async () => {
  await cliJson(['demo', '--out', exchange, '--people', '300', '--days', '3', '--seed', '12']);
  const csv = readdirSync(join(exchange, 'residents')).find((f) => f.endsWith('.csv'));
  const line = readFileSync(join(exchange, 'residents', csv!), 'utf8').split(/\r?\n/)[1]!;
  personId = line.split(',').find((v) => /^\d{17}[\dX]$/.test(v))!;
  expect(personId).toMatch(/^\d{17}[\dX]$/);
}, 120_000);

async function syncedDatabase(dir: string, extra: string[] = []): Promise<string> {
  const db = join(dir, 'console.db');
  const r = await runCli(['sync', '--db', db, '--source', exchange, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

describe('the database on disk', () => {
  test('a new database is encrypted: no SQLite header and no ID in the file or its WAL; the key file beside it is 0600', async () => {
    const dir = tempDir();
    const file = await syncedDatabase(dir);
    expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(filesHolding(dir, personId)).toEqual([]);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}.key`)).toBe(0o600);
    expect(statSync(`${file}.key`).size).toBe(32);

    // The WAL, while a connection writes (the CLI has folded it into the file by now).
    const db = openDatabase(file);
    db.prepare('UPDATE residents SET address = address WHERE person_id = ?').run(personId);
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe', ?)").run(personId);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    expect(filesHolding(dir, personId)).toEqual([]);
    db.close();
  }, 60_000);

  test('the opened database knows its key; the audit key is derived from it and is not the key', async () => {
    const file = await syncedDatabase(tempDir());
    const db = openDatabase(file);
    const key = databaseKeyOf(db);
    expect(key?.equals(readFileSync(`${file}.key`))).toBe(true);
    const auditKey = auditKeyFor(key!);
    expect(auditKey).toHaveLength(32);
    expect(auditKey.equals(key!)).toBe(false);
    expect(auditKeyFor(Buffer.from(key!)).equals(auditKey)).toBe(true);
    db.close();
  }, 60_000);

  test('a wrong key is refused with what to do, in English and Chinese, never "file is not a database"', async () => {
    const dir = tempDir();
    const file = await syncedDatabase(dir);
    const other = join(dir, 'other.key');
    expect((await runCli(['sync', '--db', join(dir, 'other.db'), '--source', exchange, '--key-file', other])).code).toBe(0);
    const r = await runCli(['stats', '--db', file, '--key-file', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /encrypted and the key file .*other\.key does not open it; give the key file it was encrypted with \(--key-file or HCC_DB_KEY_FILE\)/,
    );
    expect(r.stderr).toMatch(/已加密.*无法打开/);
    expect(r.stderr).not.toMatch(/file is not a database/);
    expect(() => openDatabase(file, { key: Buffer.alloc(32, 1) })).toThrow(/is encrypted and the key given does not open it/);
  }, 60_000);

  test('a missing key file is refused with where the key was looked for', async () => {
    const dir = tempDir();
    const file = await syncedDatabase(dir);
    renameSync(`${file}.key`, join(dir, 'elsewhere.key'));
    const r = await runCli(['stats', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be read without a key: it is either encrypted and its key file is not given/);
    expect(r.stderr).toMatch(/\(none at .*console\.db\.key; name it with --key-file or HCC_DB_KEY_FILE\)/);
    expect(r.stderr).toMatch(/无法在无密钥的情况下读取/);
    // Named through the environment, it opens.
    const ok = await runCli(['stats', '--db', file, '--json'], { env: { HCC_DB_KEY_FILE: join(dir, 'elsewhere.key') } });
    expect(ok.code, ok.stderr).toBe(0);
  }, 60_000);

  test('--key-file creates the key file 0600 on first use and its bytes are never printed', async () => {
    const dir = tempDir();
    const keyFile = join(dir, 'keys', 'console.key');
    const file = join(dir, 'console.db');
    const r = await runCli(['sync', '--db', file, '--source', exchange, '--key-file', keyFile, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(mode(keyFile)).toBe(0o600);
    expect(mode(join(dir, 'keys'))).toBe(0o700);
    expect(existsSync(`${file}.key`)).toBe(false);
    const key = readFileSync(keyFile);
    expect(key).toHaveLength(32);
    for (const shown of [r.stdout, r.stderr]) {
      expect(shown).not.toContain(key.toString('hex'));
      expect(shown).not.toContain(key.toString('base64'));
      expect(shown).not.toContain(key.toString('latin1'));
    }
    expect((await runCli(['stats', '--db', file])).code).toBe(1);
    expect((await runCli(['stats', '--db', file, '--key-file', keyFile])).code).toBe(0);
  }, 60_000);

  test('a key file others may read is refused with how to fix it', async () => {
    const dir = tempDir();
    const file = await syncedDatabase(dir);
    chmodSync(`${file}.key`, 0o644);
    const r = await runCli(['stats', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/may be read by other accounts; make it yours alone \(chmod 600/);
  }, 60_000);
});

describe('worker threads', () => {
  test('evaluation, job and briefing workers open the database with the key they are given (none beside it)', async () => {
    const dir = tempDir();
    const keyFile = join(dir, 'elsewhere', 'console.key');
    const file = join(dir, 'console.db');
    const { key } = readOrCreateKeyFile(keyFile);
    const db = openDatabase(file, { key });
    await syncDirectory(db, { source: exchange });
    expect(existsSync(`${file}.key`)).toBe(false);
    // Small chunks send the evaluation to worker threads even for a small city.
    expect((await recomputeColours(db, { full: true, workers: 2, chunkPeople: 20 })).people).toBeGreaterThan(0);
    const services = createConsoleServices(db, dir);
    const job = services.jobs.start({ kind: 'colours', full: true }, 'tester');
    await services.jobs.idle();
    expect(services.jobs.result(job.id)?.state.status).toBe('done');
    const written = await writeBriefingInWorker(db, join(dir, 'briefing.xlsx'), {
      day: parseDay('2020-02-12')!,
      trendFrom: parseDay('2020-02-10')!,
      generatedAt: Date.now(),
      generatedBy: 'tester',
    });
    expect(written.rows).toBeGreaterThanOrEqual(0);
    expect(mode(join(dir, 'briefing.xlsx'))).toBe(0o600);
    await services.jobs.close();
    db.close();
  }, 120_000);
});

/** A clear database as an older console left it: the same data, decrypted. */
async function clearDatabase(dir: string): Promise<string> {
  const encrypted = await syncedDatabase(join(dir));
  const clear = join(dir, 'clear.db');
  const db = openDatabase(encrypted);
  db.prepare('VACUUM INTO ?').run(clear);
  db.close();
  const copy = new Database(clear);
  applyKey(copy, readFileSync(`${encrypted}.key`));
  copy.pragma("rekey = ''");
  copy.close();
  expect(readFileSync(clear).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
  return clear;
}

function countsOf(file: string): Record<string, number> {
  const db = openDatabase(file, { skipIntegrityCheck: true });
  try {
    return rowCounts(db);
  } finally {
    db.close();
  }
}

describe('hcc encrypt', () => {
  test('converts a clear database, verifies it, and leaves no clear copy (nor -wal/-shm)', async () => {
    const dir = tempDir();
    const clear = await clearDatabase(dir);
    const before = countsOf(clear);
    const probe = openDatabase(clear);
    expect(databaseKeyOf(probe)).toBeNull();
    probe.close();
    const stats = await runCli(['stats', '--db', clear, '--json']);
    expect(stats.stderr).toMatch(/not encrypted; convert it with hcc encrypt/);

    const r = await cliJson<{ converted: boolean; tables: number; rows: number; key_file: string; key_file_created: boolean }>([
      'encrypt',
      '--db',
      clear,
    ]);
    expect(r).toMatchObject({ converted: true, key_file: `${clear}.key`, key_file_created: true });
    expect(r.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(readFileSync(clear).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    for (const leftover of ['-wal', '-shm', '-journal', '.encrypting']) expect(existsSync(clear + leftover)).toBe(false);
    expect(mode(clear)).toBe(0o600);
    expect(mode(`${clear}.key`)).toBe(0o600);
    expect(countsOf(clear)).toEqual(before);
    expect((await runCli(['stats', '--db', clear, '--json'])).stdout).toBe(stats.stdout);
    // A second run has nothing to do.
    expect(await cliJson(['encrypt', '--db', clear])).toMatchObject({ converted: false });
  }, 120_000);

  test('refuses while another connection has the database open', async () => {
    const dir = tempDir();
    const clear = await clearDatabase(dir);
    const holder = openDatabase(clear);
    const r = await runCli(['encrypt', '--db', clear]);
    holder.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is in use .*close it and run hcc encrypt again/);
    expect(readFileSync(clear).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
  }, 120_000);

  test('killed at any moment, the clear or the encrypted database is complete, and a new run finishes', async () => {
    const dir = tempDir();
    const original = await clearDatabase(dir);
    const before = countsOf(original);
    const outcomes = new Set<string>();
    // Killed later each time after the encrypted copy appears: from before VACUUM INTO to after the rename.
    for (const polls of [0, 10, 100, 1_000, 10_000, 100_000]) {
      const clear = join(dir, `clear-${polls}.db`);
      copyFileSync(original, clear);
      const child = spawn(process.execPath, [CLI_ENTRY, 'encrypt', '--db', clear], { stdio: 'ignore' });
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      await new Promise<void>((done) => {
        let after = -1;
        const look = (): void => {
          if (child.exitCode !== null) return done();
          if (after < 0 && existsSync(`${clear}.encrypting`)) after = 0;
          if (after >= 0 && after++ >= polls) {
            child.kill('SIGKILL');
            return done();
          }
          setImmediate(look);
        };
        look();
      });
      await exited;
      outcomes.add(readFileSync(clear).subarray(0, 16).equals(SQLITE_HEADER) ? 'clear' : 'encrypted');
      expect(countsOf(clear)).toEqual(before);
      expect((await runCli(['encrypt', '--db', clear])).code).toBe(0);
      expect(readFileSync(clear).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
      expect(countsOf(clear)).toEqual(before);
      expect(existsSync(`${clear}.encrypting`)).toBe(false);
    }
    // The kills landed before the replacement at least once (what can be checked without timing).
    expect(outcomes.has('clear')).toBe(true);
  }, 240_000);
});

describe('hcc backup', () => {
  test('writes an encrypted, verified copy 0600 with the database key, or with the key file given', async () => {
    const dir = tempDir();
    const file = await syncedDatabase(dir);
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    const copy = join(backups, 'copy.db');
    // Before the backup: its own audit entry comes after the copy.
    const before = countsOf(file);
    const r = await cliJson<{ integrity: string; encrypted: boolean }>(['backup', '--db', file, '--out', copy]);
    expect(r).toMatchObject({ integrity: 'ok', encrypted: true });
    expect(readFileSync(copy).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(filesHolding(backups, personId)).toEqual([]);
    expect(mode(copy)).toBe(0o600);
    const opened = openDatabase(copy, { key: readFileSync(`${file}.key`), readonly: true });
    expect(rowCounts(opened)).toEqual(before);
    opened.close();

    const own = join(backups, 'own.db');
    const ownKey = join(backups, 'own.key');
    expect((await runCli(['backup', '--db', file, '--out', own, '--out-key-file', ownKey])).code).toBe(0);
    expect(mode(ownKey)).toBe(0o600);
    expect(() => openDatabase(own, { key: readFileSync(`${file}.key`), readonly: true })).toThrow(/does not open it/);
    const withOwnKey = openDatabase(own, { key: readFileSync(ownKey), readonly: true });
    expect(withOwnKey.prepare('SELECT count(*) AS n FROM residents').get()).toEqual({ n: before.residents });
    withOwnKey.close();
    expect(filesHolding(backups, personId)).toEqual([]);
  }, 60_000);
});

describe('modes of what we create', () => {
  test('folders we create are 0700 whatever the umask; a folder the user chose keeps its mode; files are 0600', () => {
    const dir = tempDir();
    const chosen = join(dir, 'chosen');
    mkdirSync(chosen, { mode: 0o755 });
    chmodSync(chosen, 0o755);
    makePrivateDir(join(chosen, 'a', 'b'));
    expect([mode(chosen), mode(join(chosen, 'a')), mode(join(chosen, 'a', 'b'))]).toEqual([0o755, 0o700, 0o700]);
    const file = join(chosen, 'export.csv');
    writeFileSync(file, 'old', { mode: 0o644 });
    chmodSync(file, 0o644);
    writePrivateFile(file, 'new');
    expect(mode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  test('the demo exchange folder is 0700 and its files 0600; a rejects export is 0600', async () => {
    const dir = tempDir();
    const demo = join(dir, 'new', 'demo');
    await cliJson(['demo', '--out', demo, '--people', '50', '--days', '1']);
    expect(mode(demo)).toBe(0o700);
    for (const entry of readdirSync(demo, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      expect([path, mode(path)]).toEqual([path, entry.isDirectory() ? 0o700 : 0o600]);
    }
    const db = join(dir, 'console.db');
    expect((await runCli(['sync', '--db', db, '--source', demo])).code).toBe(0);
    const rejects = join(dir, 'rejects.csv');
    const r = await runCli(['rejects', '--db', db, '--feed', 'residents', '--out', rejects]);
    expect(r.code, r.stderr).toBe(0);
    expect(mode(rejects)).toBe(0o600);
    const workbook = join(dir, 'rejects.xlsx');
    expect((await runCli(['rejects', '--db', db, '--feed', 'residents', '--out', workbook])).code).toBe(0);
    expect(mode(workbook)).toBe(0o600);
  }, 60_000);
});
