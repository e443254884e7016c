/** The audit log's hash chain, tampered with behind the application's back. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audit, entryHash, GENESIS_HASH } from '../../../../electron/backend/audit/audit-log.ts';
import { auditHead, verifyAudit } from '../../../../electron/backend/audit/audit-verify.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

function withLog(entries = 10) {
  const file = join(tempDir(), 'c.db');
  const db = openDatabase(file);
  for (let i = 0; i < entries; i++) audit(db, { user: `u${i % 3}`, action: 'test.entry', target: `t${i}`, details: { i }, at: 1_000 + i });
  db.close();
  return file;
}

/** A connection without the application's protections, as someone holding the file (and its key) could open it. */
function behindTheBack(file: string, sql: string[]): void {
  const raw = openDatabase(file);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  for (const s of sql) raw.exec(s);
  raw.close();
}

describe('audit hash chain', () => {
  test('an intact log verifies; the head is the last entry', async () => {
    const file = withLog();
    const db = openDatabase(file);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 10, first_broken: null, reason: null });
    expect(auditHead(db)).toMatchObject({ id: 10 });
    const head = await cliJson<{ id: number; hash: string }>(['audit', 'head', '--db', file]);
    expect(head.hash).toBe(auditHead(db).hash);
    expect(await cliJson(['audit', 'verify', '--db', file, '--against', head.hash])).toMatchObject({ ok: true, anchor_found: true });
  });

  test('an edited entry is reported as the first broken one', async () => {
    const file = withLog();
    behindTheBack(file, ['UPDATE audit_log SET details = \'{"i":99}\' WHERE id = 4']);
    expect(verifyAudit(openDatabase(file))).toMatchObject({ ok: false, first_broken: 4, reason: expect.stringMatching(/edited/) });
    const r = await runCli(['audit', 'verify', '--db', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, entries: 10, first_broken: 4 });
  });

  test('a deleted entry is reported where the gap is', () => {
    const file = withLog();
    behindTheBack(file, ['DELETE FROM audit_log WHERE id = 6']);
    expect(verifyAudit(openDatabase(file))).toMatchObject({ ok: false, first_broken: 7, reason: expect.stringMatching(/missing/) });
  });

  test('a log rebuilt from scratch without the key does not verify, alone or against a head recorded before', () => {
    const file = withLog();
    const recorded = auditHead(openDatabase(file)).hash;
    // Rewrite entry 3, then recompute every hash after it with the (unkeyed) SHA-256 chain: before
    // issue 12 the chain was consistent again; the keyed chain reports it as rebuilt.
    const raw = openDatabase(file);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.prepare("UPDATE audit_log SET user_name = 'someone-else' WHERE id = 3").run();
    let prev = GENESIS_HASH;
    for (const e of raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Parameters<typeof entryHash>[1][] & { id: number }[]) {
      const h = entryHash(prev, e);
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, (e as unknown as { id: number }).id);
      prev = h;
    }
    raw.close();
    const db = openDatabase(file);
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'rebuilt', reason: expect.stringMatching(/rebuilt/) });
    expect(verifyAudit(db, recorded)).toMatchObject({ ok: false, anchor_found: false, reason: expect.stringMatching(/rebuilt/) });
  });
});
