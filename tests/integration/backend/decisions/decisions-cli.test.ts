/**
 * `hcc decisions pending|push` as scripts use them: JSON on stdout, one line on stderr and exit 1
 * when the exchange is out of reach, the person masked everywhere but in the platform's table; and
 * a push killed (SIGKILL) at any moment, pushed again, delivers every outcome exactly once, in order.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { OutboxRow } from '../../../../electron/backend/decisions/decision-outbox.ts';
import { storeExchangePassword } from '../../../../electron/backend/exchange-db/exchange-credentials.ts';
import { parsePostgresUrl } from '../../../../electron/backend/exchange-db/pg-source.ts';
import { setSetting } from '../../../../electron/backend/rules/settings.ts';
import { maskPersonId } from '../../../../shared/domain/masking.ts';
import { runCli } from '../../../support/cli.ts';
import { createExchangeDatabase, describeWithPostgres } from '../../../support/exchange-postgres.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';
import { decisionWorld } from './decision-world.ts';

const dir = suiteTempDir();

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describeWithPostgres('hcc decisions', () => {
  const w = decisionWorld(dir, 40);
  afterAll(() => w.db.close());
  const db = ['--db', w.file];
  const outbox = () => w.db.prepare('SELECT * FROM decision_outbox ORDER BY id').all() as OutboxRow[];
  const noFullIds = (text: string) => {
    for (const id of w.people) expect(text).not.toContain(id);
  };

  it('pending lists what waits, the person masked, as text and as JSON', async () => {
    w.walked(0, ['decide', 'appeal', 'revoke']);
    w.walked(1, ['decide', 'close']);
    const text = await runCli(['decisions', 'pending', ...db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(maskPersonId(w.people[0]!));
    noFullIds(text.stdout + text.stderr);
    const json = await runCli(['decisions', 'pending', ...db, '--json']);
    const rows = JSON.parse(json.stdout) as { id: number; case: number; action: string; effective_at: string; person: string }[];
    expect(rows.map((r) => r.action)).toEqual(['force_red', 'void', 'force_red', 'end']);
    expect(rows[0]).toMatchObject({ case: 1, person: maskPersonId(w.people[0]!) });
    expect(rows[0]!.effective_at).toMatch(/^2020-02-14T10:\d\d:00\+08:00$/);
    noFullIds(json.stdout);
  });

  it('push to an exchange database out of reach: exit 1, one line on stderr, nothing lost', async () => {
    const x = await createExchangeDatabase();
    const url = x.urlWithPassword.replace(/:(\d+)\//, `:${await closedPort()}/`);
    const r = await runCli(['decisions', 'push', ...db, '--source', url]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('note:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hcc decisions: cannot reach the exchange database .* 4 outcome\(s\) wait for the next push$/);
    expect(r.stdout + r.stderr).not.toContain(x.password);
    noFullIds(r.stdout + r.stderr);
    expect(outbox().every((o) => o.delivered_at === null)).toBe(true);
  });

  it('push --json delivers, a second push delivers nothing; the console’s configured source and stored password serve too', async () => {
    const x = await createExchangeDatabase();
    const first = await runCli(['decisions', 'push', ...db, '--source', x.urlWithPassword, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ delivered: 4, pending: 0, target: x.url, error: null });
    expect(first.stdout).not.toContain(x.password);
    noFullIds(first.stdout + first.stderr);
    const again = await runCli(['decisions', 'push', ...db, '--source', x.urlWithPassword, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ delivered: 0, pending: 0 });

    // No --source: the console's sync source, with the password it keeps sealed.
    w.walked(2, ['decide']);
    setSetting(w.db, 'console.sync_source', x.url);
    storeExchangePassword(w.db, x.password);
    const configured = await runCli(['decisions', 'push', ...db]);
    expect(configured.code, configured.stderr).toBe(0);
    expect(configured.stdout.trim()).toBe(`1 outcome(s) delivered to ${x.url}; 0 waiting`);
    const c = await x.admin();
    const platform = (await c.query('SELECT person_id FROM exchange.code_decisions ORDER BY seq')).rows as { person_id: string }[];
    await c.end();
    expect(platform.map((p) => p.person_id)).toEqual([w.people[0], w.people[0], w.people[1], w.people[1], w.people[2]]);
    const audit = w.db.prepare("SELECT details FROM audit_log WHERE action = 'decisions.push' ORDER BY id").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as { delivered: number; via: string })).toEqual([
      expect.objectContaining({ delivered: 4, via: 'cli' }),
      expect.objectContaining({ delivered: 1, via: 'cli' }),
    ]);
  });

  it('push --source-pg FILE and push --source DIR', async () => {
    const x = await createExchangeDatabase();
    w.walked(3, ['decide']);
    const file = join(dir, 'exchange.json');
    const s = parsePostgresUrl(x.url);
    writeFileSync(file, JSON.stringify({ host: s.host, port: s.port, database: s.database, user: s.user, password: x.password }));
    const r = await runCli(['decisions', 'push', ...db, '--source-pg', file, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ delivered: 1, pending: 0, target: x.url });

    w.walked(4, ['decide']);
    const exchange = join(dir, 'exchange-dir');
    mkdirSync(exchange);
    const d = await runCli(['decisions', 'push', ...db, '--source', exchange, '--json']);
    expect(JSON.parse(d.stdout)).toMatchObject({ delivered: 1, pending: 0, target: exchange });
    expect(readdirSync(join(exchange, 'outbox'))).toHaveLength(1);
    noFullIds(d.stdout + d.stderr);
    const none = await runCli(['decisions', 'push', ...db, '--source', exchange, '--source-pg', file]);
    expect(none.code).toBe(2);
  });

  it('a push killed at any moment, then pushed again: every outcome in the platform exactly once, in order', async () => {
    const x = await createExchangeDatabase();
    const push = ['decisions', 'push', ...db, '--source', x.urlWithPassword, '--progress'];
    const before = outbox().length;
    let killed = 0;
    // Killed after connecting, after writing (before COMMIT), after COMMIT (before the SQLite mark), and at times.
    for (const when of ['decisions: connected', 'decisions: written', 'decisions: committed', 300, 900]) {
      for (let i = 0; i < 40; i++) w.walked(i, ['decide', 'close']);
      let sent = false;
      const kill = (child: { kill: (s: NodeJS.Signals) => boolean }) => {
        if (!sent) sent = child.kill('SIGKILL');
      };
      const r = await runCli(push, {
        onStderr: (text, child) => typeof when === 'string' && text.includes(when) && kill(child),
        onStart: (child) => typeof when === 'number' && setTimeout(() => kill(child), when),
      });
      if (r.signal === 'SIGKILL') killed++;
    }
    expect(killed).toBeGreaterThan(0);
    const last = await runCli(['decisions', 'push', ...db, '--source', x.urlWithPassword, '--json']);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ pending: 0, error: null });

    const rows = outbox().slice(before);
    expect(rows).toHaveLength(400);
    expect(rows.every((o) => o.delivered_to === x.url)).toBe(true);
    const c = await x.admin();
    const platform = (await c.query('SELECT case_id, action, effective_at FROM exchange.code_decisions ORDER BY seq')).rows as {
      case_id: string;
      action: string;
      effective_at: Date;
    }[];
    await c.end();
    expect(platform.map((p) => `${p.case_id}|${p.action}|${p.effective_at.getTime()}`)).toEqual(
      rows.map((o) => `${o.case_id}|${o.action}|${o.effective_at}`),
    );
  });
});
