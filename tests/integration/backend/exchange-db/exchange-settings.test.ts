// The exchange database as the console's sync source: set by an administrator (the password
// sealed with the database key, never in the settings in clear, never in the audit log, never
// sent back), "test connection" for the saved source and for one being typed, and the CLI never
// repeating a password it was given.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ApiResponse } from '../../../../shared/contract/api.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { storedExchangePassword, unseal } from '../../../../electron/backend/exchange-db/exchange-credentials.ts';
import { exchangeSchemaDdl } from '../../../../electron/backend/exchange-db/exchange-schema.ts';
import { parsePostgresUrl } from '../../../../electron/backend/exchange-db/pg-source.ts';
import { runCli } from '../../../support/cli.ts';
import { testConsole } from '../../../support/console.ts';
import { createExchangeDatabase, describeWithPostgres } from '../../../support/exchange-postgres.ts';
import { personId } from '../../../support/people.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeCsv } from '../../../support/csv-files.ts';

const tempDir = useTempDir();
const USERS = [
  { name: 'chief', role: 'admin' },
  { name: 'duty', role: 'officer' },
  { name: 'wudi', role: 'officer', county: '371623' },
];

function refused(r: ApiResponse<unknown>, code: string) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(r.error.code).toBe(code);
  return r.error;
}

describeWithPostgres('the exchange database as the sync source', () => {
  it('keeps the password sealed, tests the connection, and forgets the password with another source', async () => {
    const x = await createExchangeDatabase('settings');
    const admin = await x.admin();
    for (const ddl of exchangeSchemaDdl(parsePostgresUrl(x.url))) await admin.query(ddl);
    await admin.query('GRANT ALL ON SCHEMA exchange TO hcc; GRANT ALL ON ALL TABLES IN SCHEMA exchange TO hcc');
    await admin.query(
      `INSERT INTO exchange.checkins (person_id, checked_at, temperature, symptoms) VALUES ($1, '2020-02-10 08:00', '36.5', '0')`,
      [personId(1)],
    );
    await admin.end();
    const dir = tempDir();
    const c = await testConsole(dir, { users: USERS });
    const db = c.services.db;

    // Typed with the password in the address: kept apart, sealed.
    const saved = await c.ok('chief', 'settings.update', { syncSource: x.urlWithPassword });
    expect(saved).toMatchObject({ syncSource: x.url, exchangePasswordStored: true });
    expect(JSON.stringify(saved)).not.toContain(x.password);
    const settings = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    expect(settings.some((s) => s.value.includes(x.password))).toBe(false);
    expect(storedExchangePassword(db)).toBe(x.password);
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update'").pluck().all() as string[];
    expect(audit.join()).not.toContain(x.password);
    expect(JSON.parse(audit[audit.length - 1]!)).toMatchObject({ exchangePassword: 'changed' });

    // Another key cannot open it (a copied database without its key file gives nothing away).
    const sealed = settings.find((s) => s.key === 'console.sync_source_secret')!.value;
    const other = openDatabase(join(dir, 'other.db'));
    expect(() => unseal(other, sealed)).toThrow();
    other.close();

    // The officer tests the saved source with the kept password.
    const tested = await c.ok('duty', 'sync.testSource', {});
    expect(tested.kind).toBe('postgres');
    expect(tested.source).toBe(x.url);
    expect(tested.feeds.find((f) => f.feed === 'checkins')).toEqual({ feed: 'checkins', where: 'exchange.checkins', waiting: 1 });
    expect(tested.missing).toEqual([]);
    // ...but not another address or password (setting a source up is the administrators'), nor a county's officer.
    refused(await c.call('duty', 'sync.testSource', { source: 'postgres://someone@10.0.0.9:5432/other' }), 'forbidden');
    refused(await c.call('duty', 'sync.testSource', { password: 'guess' }), 'forbidden');
    refused(await c.call('wudi', 'sync.testSource', {}), 'forbidden');
    // An administrator tests what is typed; a wrong password is said plainly and not repeated.
    const wrong = refused(await c.call('chief', 'sync.testSource', { source: x.url, password: 'wrong-one-99' }), 'bad_request');
    expect(wrong.message).toMatch(/refused user hcc: check the user name and password/);
    expect(wrong.messageZh).toMatch(/用户名和密码/);
    expect(JSON.stringify(wrong)).not.toContain('wrong-one-99');
    const unreachable = refused(
      await c.call('chief', 'sync.testSource', { source: 'postgres://hcc@127.0.0.1:1/nowhere', password: 'x' }),
      'bad_request',
    );
    expect(unreachable.message).toMatch(/cannot reach the exchange database at 127\.0\.0\.1:1/);

    // A directory instead: the kept password belonged to the database, and is forgotten.
    mkdirSync(join(dir, 'exchange'));
    const back = await c.ok('chief', 'settings.update', { syncSource: join(dir, 'exchange') });
    expect(back.exchangePasswordStored).toBe(false);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'console.sync_source_secret'").pluck().get()).toBe(0);
  });

  it('hcc sync never repeats the password it was given, in its output or its errors', async () => {
    const x = await createExchangeDatabase('cli');
    const admin = await x.admin();
    for (const ddl of exchangeSchemaDdl(parsePostgresUrl(x.url))) await admin.query(ddl);
    await admin.query('GRANT ALL ON SCHEMA exchange TO hcc; GRANT ALL ON ALL TABLES IN SCHEMA exchange TO hcc');
    await admin.end();
    const dbFile = join(tempDir(), 'c.db');
    const wrong = x.urlWithPassword.replace(encodeURIComponent(x.password), 'Wr0ngPassw0rd');
    const r = await runCli(['sync', '--db', dbFile, '--source', wrong]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused user hcc/);
    expect(r.stdout + r.stderr).not.toContain('Wr0ngPassw0rd');
    const ok = await runCli(['sync', '--db', dbFile, '--source', x.urlWithPassword, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(x.password);
    // The note about passwords on the command line.
    expect(ok.stderr).toMatch(/use --source-pg FILE or PGPASSWORD/);
    expect((JSON.parse(ok.stdout) as { source: string }).source).toBe(x.url);
    const db = openDatabase(dbFile);
    const texts = [
      ...(db.prepare('SELECT source, error FROM sync_runs').all() as object[]),
      ...(db.prepare('SELECT details FROM audit_log').all() as object[]),
      ...(db.prepare('SELECT file_path FROM import_batches').all() as object[]),
    ];
    db.close();
    expect(JSON.stringify(texts)).not.toContain(x.password);
  });

  it('hcc exchange load fills the tables from a directory, and hcc sync --source-pg reads them with a connection file', async () => {
    const x = await createExchangeDatabase('file');
    const dir = tempDir();
    const src = join(dir, 'exchange');
    mkdirSync(join(src, 'residents'), { recursive: true });
    writeCsv(join(src, 'residents', 'residents-2020-02-10.csv'), [
      ['身份证号', '姓名', '手机号', '县区代码', '住址'],
      [personId(1), '李雷', '13800000001', '371602', 'a'],
      [personId(2), '韩梅梅', '13800000002', '371681', 'b'],
      ['bad-id', '某人', '13800000003', '371681', 'c'],
    ]);
    const load = await runCli(['exchange', 'load', '--from', src, '--pg', x.url, '--json'], { env: { PGPASSWORD: x.password } });
    expect(load.code, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ target: x.url, rows: { residents: 3 } });
    const connection = join(dir, 'exchange.json');
    const u = parsePostgresUrl(x.url);
    writeFileSync(connection, JSON.stringify({ host: u.host, port: u.port, database: u.database, user: u.user, password: x.password }));
    const r = await runCli(['sync', '--db', join(dir, 'c.db'), '--source-pg', connection, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { source: string; feeds: Record<string, object> };
    expect(out.source).toBe(x.url);
    expect(out.feeds.residents).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(r.stderr).not.toMatch(/password on the command line/);
    const missing = await runCli(['sync', '--db', join(dir, 'c.db'), '--source-pg', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such connection file/);
  });
});
