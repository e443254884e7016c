/**
 * Issue 12, "audit truncation and rebuild": the keyed chain (HMAC, key outside the database), the
 * anchor of its head beside the database, and `hcc audit verify` telling a cut log, a rebuilt one
 * and a missing key apart. Tampering is done as someone holding the file (and its key) would.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENESIS_HASH, audit, entryHash, keyedEntryHash } from '../../../../electron/backend/audit/audit-log.ts';
import { auditHead, verifyAudit } from '../../../../electron/backend/audit/audit-verify.ts';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { auditKeyFor, databaseKeyOf } from '../../../../electron/backend/db/db-key.ts';
import { runCli } from '../../../support/cli.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

type Row = {
  id: number;
  at: number;
  user_name: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

function withLog(entries = 10, options: { clear?: boolean } = {}): string {
  const file = join(tempDir(), 'c.db');
  const db = openDatabase(file, options.clear ? { key: null } : {});
  for (let i = 0; i < entries; i++) audit(db, { user: `u${i % 3}`, action: 'test.entry', target: `t${i}`, details: { i }, at: 1_000 + i });
  db.close();
  return file;
}

/** A connection without the application's protections, as someone holding the file could open it. */
function behindTheBack(file: string, change: (raw: Db) => void): void {
  const raw = openDatabase(file);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  change(raw);
  raw.close();
}

/** Recomputes every hash from entry 1 with `hash`, so the chain is consistent again. */
function recompute(raw: Db, hash: (prev: string, e: Row) => string): void {
  let prev = GENESIS_HASH;
  for (const e of raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]) {
    const h = hash(prev, e);
    raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, e.id);
    prev = h;
  }
}

async function verifyCli(file: string) {
  const json = await runCli(['audit', 'verify', '--db', file, '--json']);
  const text = await runCli(['audit', 'verify', '--db', file]);
  return { code: json.code, result: JSON.parse(json.stdout) as Record<string, unknown>, stderr: text.stderr, textCode: text.code };
}

describe('audit anchor and keyed chain', () => {
  test('an intact log verifies against its anchor, written beside the database 0600', async () => {
    const file = withLog();
    expect(statSync(`${file}.audit-anchor`).mode & 0o777).toBe(0o600);
    const r = await verifyCli(file);
    expect(r.code).toBe(0);
    expect(r.result).toMatchObject({ ok: true, entries: 10, anchor: { state: 'ok', id: 10 } });
    const db = openDatabase(file);
    expect((r.result.anchor as { hash: string }).hash).toBe(auditHead(db).hash);
    db.close();
  });

  test('deleting the newest entries is reported as a truncation', async () => {
    const file = withLog();
    behindTheBack(file, (raw) => raw.exec('DELETE FROM audit_log WHERE id > 7'));
    const r = await verifyCli(file);
    expect(r.code).toBe(1);
    expect(r.result).toMatchObject({ ok: false, problem: 'truncated', first_broken: 8, entries: 7 });
    expect(r.textCode).toBe(1);
    expect(r.stderr).toMatch(/^audit log TRUNCATED at entry 8: .*recorded entry 10/m);
  });

  test('a cut log that the application appended to again is still a truncation (the anchor is kept as evidence)', async () => {
    const file = withLog();
    behindTheBack(file, (raw) => raw.exec('DELETE FROM audit_log WHERE id > 7'));
    const db = openDatabase(file);
    for (let i = 0; i < 5; i++) audit(db, { user: 'u', action: 'test.after', details: { i } });
    db.close();
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'truncated', first_broken: 10, entries: 12 });
  });

  test('a chain recomputed with plain SHA-256 is reported as rebuilt, on its own and against the anchor', async () => {
    const file = withLog();
    behindTheBack(file, (raw) => {
      raw.prepare("UPDATE audit_log SET user_name = 'someone-else' WHERE id = 3").run();
      recompute(raw, entryHash);
    });
    const db = openDatabase(file);
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'rebuilt', first_broken: 1 });
    db.close();
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'rebuilt', first_broken: 1 });
    expect(r.stderr).toMatch(/^audit log REBUILT at entry 1: /m);
  });

  test('a chain recomputed with another key is reported as rebuilt from the first recomputed entry', async () => {
    const file = withLog();
    const otherKey = randomBytes(32);
    behindTheBack(file, (raw) => {
      raw.exec('DELETE FROM audit_log WHERE id = 6');
      raw.exec('UPDATE audit_log SET id = id - 1 WHERE id > 6');
      recompute(raw, (prev, e) => keyedEntryHash(otherKey, prev, e));
    });
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'rebuilt', first_broken: 1 });
  });

  test('an edit of one entry is still an edit, not a rebuild', async () => {
    const file = withLog();
    behindTheBack(file, (raw) => raw.exec('UPDATE audit_log SET details = \'{"i":99}\' WHERE id = 4'));
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'edited', first_broken: 4 });
    expect(r.stderr).toMatch(/^audit log BROKEN at entry 4: .*edited/m);
  });

  test('keyed entries passed off as unkeyed ones (the switch point moved) are a rebuild', async () => {
    const file = withLog();
    behindTheBack(file, (raw) => {
      raw.exec('DROP TRIGGER audit_chain_no_update; UPDATE audit_chain SET keyed_from = 1000');
      recompute(raw, entryHash);
    });
    const db = openDatabase(file);
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'rebuilt' });
  });

  test('a forged anchor is refused', async () => {
    const file = withLog();
    const anchor = JSON.parse(readFileSync(`${file}.audit-anchor`, 'utf8')) as Record<string, unknown>;
    writeFileSync(`${file}.audit-anchor`, JSON.stringify({ ...anchor, id: 3, mac: '0'.repeat(64) }));
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'anchor_invalid' });
    expect(r.stderr).toMatch(/^audit log ANCHOR INVALID: /m);
    // Replacing it on purpose is possible, and recorded in the log.
    const re = await runCli(['audit', 'anchor', '--db', file, '--json']);
    expect(re.code).toBe(0);
    expect((await verifyCli(file)).result).toMatchObject({ ok: true, entries: 11, anchor: { state: 'ok', id: 11 } });
    const db = openDatabase(file);
    expect(db.prepare("SELECT details FROM audit_log WHERE action = 'audit.reanchor'").get()).toMatchObject({
      details: expect.stringContaining('anchor_invalid'),
    });
    db.close();
  });

  test('an appended entry rolled back with its transaction is never anchored', () => {
    const file = withLog(3);
    const db = openDatabase(file);
    expect(() =>
      db.transaction(() => {
        audit(db, { user: 'u', action: 'test.rolled_back' });
        throw new Error('the step failed');
      })(),
    ).toThrow('the step failed');
    db.close();
    const again = openDatabase(file);
    expect(verifyAudit(again, undefined, { anchor: true })).toMatchObject({ ok: true, entries: 3, anchor: { state: 'ok', id: 3 } });
    again.close();
  });

  test("appends inside a caller's transaction are anchored once it has committed, without closing", async () => {
    const file = join(tempDir(), 'c.db');
    const db = openDatabase(file);
    db.transaction(() => {
      audit(db, { user: 'u', action: 'test.one' });
      audit(db, { user: 'u', action: 'test.two' });
    })();
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(readFileSync(`${file}.audit-anchor`, 'utf8'))).toMatchObject({ id: 2, hash: auditHead(db).hash });
    db.close();
  });

  test("the chain's segments only grow: a start never moves, a key id is set once", () => {
    const file = withLog(2);
    const db = openDatabase(file);
    for (const sql of [
      'UPDATE audit_chain SET keyed_from = 5',
      "UPDATE audit_chain SET key_id = 'x'",
      'DELETE FROM audit_chain',
      "INSERT INTO audit_chain VALUES (1, 'x')",
      'INSERT INTO audit_chain VALUES (9, NULL)',
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/audit chain/);
    }
    db.close();
  });

  test('an encrypted database keys its chain from the database key; a clear one from a key file beside it', async () => {
    const encrypted = withLog(2);
    const db = openDatabase(encrypted);
    const dbKey = databaseKeyOf(db);
    expect(dbKey).not.toBeNull();
    const first = db.prepare('SELECT * FROM audit_log WHERE id = 1').get() as Row;
    expect(first.hash).toBe(keyedEntryHash(auditKeyFor(dbKey!), GENESIS_HASH, first));
    expect(existsSync(`${encrypted}.audit-key`)).toBe(false);
    db.close();

    const clear = withLog(2, { clear: true });
    const keyFile = `${clear}.audit-key`;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    const c = openDatabase(clear);
    const e = c.prepare('SELECT * FROM audit_log WHERE id = 1').get() as Row;
    expect(e.hash).toBe(keyedEntryHash(readFileSync(keyFile), GENESIS_HASH, e));
    c.close();
    expect((await verifyCli(clear)).result).toMatchObject({ ok: true, anchor: { state: 'ok', id: 2 } });
    // Without its key the keyed part cannot be verified: said so, not called a rebuild.
    rmSync(keyFile);
    const r = await verifyCli(clear);
    expect(r.result).toMatchObject({ ok: false, problem: 'key_missing', first_broken: 1 });
    expect(r.stderr).toMatch(/^audit log UNVERIFIABLE at entry 1: .*audit-key/m);
  });

  test('an existing unkeyed log keeps verifying: old entries as SHA-256, new ones keyed from the switch point', async () => {
    const file = join(tempDir(), 'old.db');
    // A database as the previous version left it: schema 7, a plain SHA-256 chain, no switch point.
    const old = openDatabase(file);
    old.exec('DROP TABLE audit_chain; PRAGMA user_version = 7');
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 4; i++) {
      const e = { at: 1_000 + i, user_name: 'old', action: 'test.old', target: null, details: '{}' };
      const h = entryHash(prev, e);
      old
        .prepare('INSERT INTO audit_log (at, user_name, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(e.at, e.user_name, e.action, e.target, e.details, prev, h);
      prev = h;
    }
    old.close();
    expect(existsSync(`${file}.audit-anchor`)).toBe(false);
    const db = openDatabase(file);
    expect(db.prepare('SELECT keyed_from FROM audit_chain').get()).toEqual({ keyed_from: 5 });
    audit(db, { user: 'new', action: 'test.new' });
    audit(db, { user: 'new', action: 'test.new' });
    const fifth = db.prepare('SELECT * FROM audit_log WHERE id = 5').get() as Row;
    expect(fifth.hash).not.toBe(entryHash(fifth.prev_hash, fifth));
    db.close();
    expect((await verifyCli(file)).result).toMatchObject({ ok: true, entries: 6, anchor: { state: 'ok', id: 6 } });
  });
  test('a lost key file starts a new segment: the entries before it are unverifiable, not called rebuilt', async () => {
    const file = withLog(3, { clear: true });
    rmSync(`${file}.audit-key`);
    const db = openDatabase(file);
    audit(db, { user: 'u', action: 'test.after_loss' });
    expect(db.prepare('SELECT keyed_from FROM audit_chain ORDER BY keyed_from').all()).toEqual([{ keyed_from: 1 }, { keyed_from: 4 }]);
    db.close();
    const r = await verifyCli(file);
    expect(r.result).toMatchObject({ ok: false, problem: 'key_missing', first_broken: 1 });
  });

  test('a backup verifies with the audit key it came with, also under another database key', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.db');
    const db = openDatabase(file, { key: null });
    for (let i = 0; i < 4; i++) audit(db, { user: 'u', action: 'test.entry', details: { i } });
    db.close();
    expect((await runCli(['encrypt', '--db', file])).code).toBe(0);
    const backup = join(dir, 'b.db');
    expect((await runCli(['backup', '--db', file, '--out', backup, '--out-key-file', join(dir, 'b.key')])).code).toBe(0);
    expect(statSync(`${backup}.audit-key`).mode & 0o777).toBe(0o600);
    const r = await runCli(['audit', 'verify', '--db', backup, '--key-file', join(dir, 'b.key'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, entries: 4 });
    expect((await verifyCli(file)).result).toMatchObject({ ok: true, entries: 5 });
  });
});
