/**
 * Pushing outcomes into a real exchange database (the run's private PostgreSQL): each outcome once,
 * in the order it happened, also after a crash between PostgreSQL's commit and SQLite's mark, also
 * into a table the platform made without our UNIQUE; an exchange database out of reach keeps them
 * waiting, and the next push delivers them.
 */
import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { type OutboxRow, pendingDecisions } from '../../../../electron/backend/decisions/decision-outbox.ts';
import { pushDecisions } from '../../../../electron/backend/decisions/push-decisions.ts';
import { type PostgresSource, parsePostgresUrl } from '../../../../electron/backend/exchange-db/pg-source.ts';
import { createExchangeDatabase, describeWithPostgres, type TestExchangeDatabase } from '../../../support/exchange-postgres.ts';
import { useTempDir } from '../../../support/temp-dir.ts';
import { type DecisionWorld, decisionWorld } from './decision-world.ts';

const tempDir = useTempDir();
let w: DecisionWorld | null = null;
afterEach(() => w?.db.close());

const NOW = Date.parse('2020-02-15T08:00:00+08:00');

interface PlatformRow {
  seq: string;
  person_id: string;
  action: string;
  effective_at: Date;
  credit_record_number: string | null;
  case_id: string;
  decided_by: string;
}

async function platformRows(x: TestExchangeDatabase, table = 'exchange.code_decisions'): Promise<PlatformRow[]> {
  const c = await x.admin();
  try {
    return (await c.query(`SELECT * FROM ${table} ORDER BY seq`)).rows as PlatformRow[];
  } finally {
    await c.end();
  }
}

const sourceOf = (x: TestExchangeDatabase, schema?: string): PostgresSource => ({
  ...parsePostgresUrl(x.url),
  password: x.password,
  ...(schema ? { schema } : {}),
});

const allRows = (w: DecisionWorld) => w.db.prepare('SELECT * FROM decision_outbox ORDER BY id').all() as OutboxRow[];

/** What the platform holds matches the outbox: every outcome once, in the order of its id. */
function expectEachOnceInOrder(platform: PlatformRow[], outbox: OutboxRow[]): void {
  expect(platform.map((p) => [Number(p.case_id), p.action, p.effective_at.getTime()])).toEqual(
    outbox.map((o) => [o.case_id, o.action, o.effective_at]),
  );
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describeWithPostgres('pushing decisions to the exchange database', () => {
  it('writes each outcome once, in order, with the person in full; a second push writes nothing', async () => {
    const x = await createExchangeDatabase();
    w = decisionWorld(tempDir());
    w.walked(0, ['decide', 'appeal', 'revoke']);
    w.walked(1, ['decide', 'close']);
    const source = sourceOf(x);
    const r = await pushDecisions(w.db, { kind: 'postgres', source }, NOW, { actor: { user: 'cre' } });
    expect(r).toEqual({ delivered: 4, pending: 0, target: x.url, error: null });
    const platform = await platformRows(x);
    expectEachOnceInOrder(platform, allRows(w));
    expect(platform[0]).toMatchObject({ person_id: w.people[0], action: 'force_red', decided_by: 'cre' });
    expect(platform[0]!.credit_record_number).toMatch(/^BZXY-2020-\d{6}$/);
    // Delivered where, and when: the source's name, never its password.
    for (const o of allRows(w)) expect(o).toMatchObject({ delivered_at: NOW, delivered_to: x.url });
    expect(JSON.stringify(allRows(w))).not.toContain(x.password);

    expect(await pushDecisions(w.db, { kind: 'postgres', source }, NOW + 1000)).toMatchObject({ delivered: 0, pending: 0, error: null });
    expect(await platformRows(x)).toHaveLength(4);
    // One audit entry for the push that delivered, with counts and no one's ID.
    const entries = w.db.prepare("SELECT user_name, details FROM audit_log WHERE action = 'decisions.push'").all() as {
      user_name: string;
      details: string;
    }[];
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.details)).toEqual({
      kind: 'postgres',
      target: x.url,
      delivered: 4,
      written: 4,
      actions: { force_red: 2, void: 1, end: 1 },
    });
    for (const id of w.people) expect(entries[0]!.details).not.toContain(id);
  });

  it('a crash after the exchange database committed (the SQLite mark lost) writes nothing twice', async () => {
    const x = await createExchangeDatabase();
    w = decisionWorld(tempDir());
    w.walked(0, ['decide', 'close']);
    const source = sourceOf(x);
    await pushDecisions(w.db, { kind: 'postgres', source }, NOW);
    // The crash: PostgreSQL kept the rows, SQLite never heard; and meanwhile a new decision.
    w.db.prepare('UPDATE decision_outbox SET delivered_at = NULL, delivered_to = NULL').run();
    w.walked(1, ['decide']);
    expect(pendingDecisions(w.db)).toHaveLength(3);
    const again = await pushDecisions(w.db, { kind: 'postgres', source }, NOW + 60_000);
    expect(again).toMatchObject({ delivered: 3, pending: 0, error: null });
    expectEachOnceInOrder(await platformRows(x), allRows(w));
    const audit = w.db.prepare("SELECT details FROM audit_log WHERE action = 'decisions.push' ORDER BY id").pluck().all() as string[];
    expect(audit.map((d) => (JSON.parse(d) as { written: number }).written)).toEqual([2, 1]);
  });

  it('into a table the platform made (another schema, no UNIQUE): still once per outcome', async () => {
    const x = await createExchangeDatabase();
    const admin = await x.admin();
    await admin.query(`CREATE SCHEMA platform AUTHORIZATION ${parsePostgresUrl(x.url).user}`);
    await admin.query(`CREATE TABLE platform.code_decisions (
      seq bigserial PRIMARY KEY, person_id text NOT NULL, action text NOT NULL, effective_at timestamptz NOT NULL,
      credit_record_number text, case_id bigint NOT NULL, decided_by text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())`);
    await admin.query(`ALTER TABLE platform.code_decisions OWNER TO ${parsePostgresUrl(x.url).user}`);
    await admin.end();
    w = decisionWorld(tempDir());
    w.walked(0, ['decide', 'appeal', 'uphold', 'close']);
    const source = sourceOf(x, 'platform');
    expect((await pushDecisions(w.db, { kind: 'postgres', source }, NOW)).target).toBe(`${x.url}?schema=platform`);
    w.db.prepare('UPDATE decision_outbox SET delivered_at = NULL').run();
    await pushDecisions(w.db, { kind: 'postgres', source }, NOW + 1);
    expectEachOnceInOrder(await platformRows(x, 'platform.code_decisions'), allRows(w));
    expect(await platformRows(x, 'platform.code_decisions')).toHaveLength(2);
  });

  it('an exchange database out of reach keeps the outcomes waiting, says why, and the next push delivers them', async () => {
    const x = await createExchangeDatabase();
    w = decisionWorld(tempDir());
    w.walked(0, ['decide']);
    const away = { ...sourceOf(x), port: await closedPort() };
    const r = await pushDecisions(w.db, { kind: 'postgres', source: away }, NOW);
    expect(r).toMatchObject({ delivered: 0, pending: 1 });
    expect(r.error?.en).toMatch(/cannot reach the exchange database/);
    expect(r.error?.zh).toMatch(/无法连接交换库/);
    expect(pendingDecisions(w.db)).toHaveLength(1);
    expect(w.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'decisions.push'").pluck().get()).toBe(0);
    // A wrong password is an answer too, not a crash.
    const refused = await pushDecisions(w.db, { kind: 'postgres', source: { ...sourceOf(x), password: 'wrong' } }, NOW);
    expect(refused).toMatchObject({ delivered: 0, pending: 1 });
    expect(refused.error?.en).toMatch(/refused user/);
    expect(refused.error?.en).not.toContain('wrong');

    w.walked(1, ['decide']);
    const back = await pushDecisions(w.db, { kind: 'postgres', source: sourceOf(x) }, NOW + 60_000);
    expect(back).toMatchObject({ delivered: 2, pending: 0, error: null });
    expectEachOnceInOrder(await platformRows(x), allRows(w));
  });

  it('with nothing waiting it does not even connect', async () => {
    w = decisionWorld(tempDir());
    const away: PostgresSource = { ...parsePostgresUrl('postgres://hcc@127.0.0.1/none'), port: await closedPort() };
    expect(await pushDecisions(w.db, { kind: 'postgres', source: away }, NOW)).toMatchObject({ delivered: 0, pending: 0, error: null });
  });
});
