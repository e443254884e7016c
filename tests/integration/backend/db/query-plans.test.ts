/**
 * The statements our code really prepares use their indexes (issue 13 §6): a small demo city is
 * synced, evaluated and examined through the pipelines, then the console's screens are read
 * through the one dispatch, on a connection whose `prepare` records every SQL text. Each recorded
 * SELECT / UPDATE / DELETE is then planned (EXPLAIN QUERY PLAN, dummy parameters): a full scan of a
 * table that grows with the city fails, unless the allow-list below says why walking it whole is
 * right.
 *
 * Not walked: the enterprise methods (enterprises.*, sites.*) — their handlers are not in the
 * dispatch yet (electron/backend/enterprises/ does not exist); add them to `readScreens` when it does.
 * Jobs (sync.start, data.loadDemo) run in a worker on its own connection, so the sync is driven
 * here through its pipeline on the recorded connection instead.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { dispatch } from '../../../../electron/backend/api/dispatch.ts';
import { createConsoleServices } from '../../../../electron/backend/api/console-services.ts';
import type { CallContext, ConsoleServices } from '../../../../electron/backend/api/context.ts';
import { createUser } from '../../../../electron/backend/auth/users.ts';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { detectCases } from '../../../../electron/backend/pipelines/detect-cases.ts';
import { syncExchange } from '../../../../electron/backend/pipelines/sync-exchange.ts';
import type { MethodName, ParamsOf } from '../../../../shared/contract/api.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const PASSWORD = 'test-password-1';

/** Tables whose rows grow with the population or with time (see the migrations). */
const BIG_TABLES = new Set([
  'residents',
  'checkins',
  'checkin_days',
  'declarations',
  'scans',
  'code_changes',
  'person_codes',
  'health_records',
  'roaming',
  'travel',
  'medical',
  'stat_deltas',
  'audit_log',
  'staff',
  'rejected_rows',
  'cases',
  'case_events',
  'evidence',
  'credit_records',
  'notices',
]);

/**
 * Statements that walk a big table on purpose, matched on their SQL text; each says why.
 * Keep this list short: a new entry needs a reason a reviewer accepts.
 */
const WHOLE_TABLE_WALKS: { match: RegExp; tables: readonly string[]; why: string }[] = [
  {
    match: /^SELECT count\(\*\) AS n FROM \w+(?: [rc])?$/,
    tables: [...BIG_TABLES],
    why:
      'a total: the data overview’s rows per feed, the size of the ID ranges of an evaluation, a list’s total; ' +
      'SQLite keeps no stored count, so count(*) walks the smallest index once',
  },
  {
    match: /^SELECT (?:feed|state), count\(\*\) AS n FROM (?:rejected_rows|cases) GROUP BY (?:feed|state)$/,
    tables: ['rejected_rows', 'cases'],
    why: 'totals per feed / per case state for the overview and the queue tabs: a walk of the covering index, one row per group',
  },
  {
    match: /^SELECT [^]*? FROM (?:\w+)(?: r)?(?: LEFT JOIN [^]*?)? ORDER BY (?:r\.)?id(?: DESC)? LIMIT (?:\?|1)(?: OFFSET \?)?$/,
    tables: ['audit_log', 'rejected_rows', 'cases', 'credit_records'],
    why: 'a page in key order (or the chain’s last entry): the scan stops after offset + limit rows',
  },
  {
    match: /^SELECT c\.\* FROM cases c ORDER BY c\.opened_at(?: DESC)?, c\.id(?: DESC)? LIMIT \? OFFSET \?$/,
    tables: ['cases'],
    why: 'the whole queue by age: a walk of cases_opened in its order that stops after offset + limit rows',
  },
  {
    match: /^SELECT person_id FROM (?:residents|declarations) ORDER BY person_id$/,
    tables: ['residents', 'declarations'],
    why: 'a full evaluation cuts everyone into ID ranges: it walks the ID index once by design',
  },
  {
    match: /^SELECT person_id FROM health_records WHERE batch_id <= @upTo UNION SELECT person_id FROM travel /,
    tables: ['health_records', 'travel', 'medical'],
    why: 'the false-declaration detector’s full run (`hcc detect --full`, a changed key area) looks at everyone with a department record',
  },
  {
    match:
      /^SELECT s\.(?:credit_code|person_id), [^]*?\(SELECT count\(\*\) FROM checkins c WHERE c\.day = @day [^]*?FROM staff s INDEXED BY staff_person /,
    tables: ['staff'],
    why:
      'a day’s enterprise figures count every member of staff once per state of the data (kept-day-figures.ts), and the staff list behind ' +
      'a county figure reads the staff of its approved enterprises; in person order, so the history and check-in lookups land side by side',
  },
  {
    match: /^SELECT person_id, id, site_id, scanned_at, batch_id FROM scans WHERE batch_id <= \? ORDER BY person_id, scanned_at$/,
    tables: ['scans'],
    why: 'the impersonation detector’s full run streams every scan in person order (through scans_person) to pair a person’s scans at distant sites',
  },
];

/** The SQL texts `prepare` saw, in order, each once. */
function recordPrepares(db: Db): Set<string> {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  // A spy on this one connection: production code is untouched.
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as Db['prepare'];
  return seen;
}

/** SQL with its string literals and comments blanked, so that `?` and `@name` inside them do not count. */
const withoutLiterals = (sql: string) =>
  sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');

/** Null for every parameter: the plan does not depend on the values here (no STAT4). */
function dummyParams(sql: string): unknown[] {
  const text = withoutLiterals(sql);
  const named = [...text.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!);
  const positional = (text.match(/\?/g) ?? []).length;
  const args: unknown[] = Array.from({ length: positional }, () => null);
  if (named.length > 0) args.push(Object.fromEntries(named.map((n) => [n, null])));
  return args;
}

const KEYWORDS = new Set([
  'where',
  'join',
  'on',
  'left',
  'inner',
  'cross',
  'group',
  'order',
  'limit',
  'using',
  'natural',
  'set',
  'as',
  'union',
]);

/** alias → table of the FROM / JOIN / UPDATE / DELETE clauses, since the plan names a table by its alias. */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of withoutLiterals(sql).matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?/gi)) {
    const table = m[1]!.toLowerCase();
    map.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !KEYWORDS.has(alias)) map.set(alias, table);
  }
  return map;
}

interface Scan {
  sql: string;
  table: string;
  detail: string;
}

/** The big tables a statement walks whole: `SCAN x` (with or without a covering index) of a big table. */
function bigScans(prepare: Db['prepare'], sql: string): Scan[] {
  const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...dummyParams(sql)) as { detail: string }[];
  const names = aliases(sql);
  const scans: Scan[] = [];
  for (const { detail } of rows) {
    const m = /^SCAN (\w+)/.exec(detail);
    const table = m ? names.get(m[1]!.toLowerCase()) : undefined;
    if (table && BIG_TABLES.has(table)) scans.push({ sql: sql.replace(/\s+/g, ' ').trim(), table, detail });
  }
  return scans;
}

const plannable = (sql: string) => /^\s*(?:WITH|SELECT|UPDATE|DELETE)\b/i.test(sql);

describe('query plans of the statements the console prepares', () => {
  let db: Db;
  let seen: Set<string>;
  let rawPrepare: Db['prepare'];

  beforeAll(async () => {
    const dir = tempDir();
    db = openDatabase(join(dir, 'console.db'));
    rawPrepare = db.prepare.bind(db);
    seen = recordPrepares(db);
    const city = await writeDemoCity({ out: join(dir, 'city'), people: 1500, days: 5, seed: 5 });
    await syncExchange(db, { source: city.dir, actor: { user: 'ofc' } });
    // A second sync of the same directory: the "sync now" path that finds nothing new.
    await syncExchange(db, { source: city.dir, actor: { user: 'ofc' } });
    await detectCases(db, { actor: { user: 'ofc' }, full: true });
    for (const [name, role] of [
      ['ofc', 'officer'],
      ['judge', 'credit'],
      ['writer', 'writer'],
      ['admin', 'admin'],
    ] as const) {
      await createUser(db, { name, role, county: null, password: PASSWORD });
    }
    const services = createConsoleServices(db, dir);
    await readScreens(services);
  }, 120_000);

  test('the walk prepared the statements of every area', () => {
    const all = [...seen].join('\n');
    for (const table of ['residents', 'checkins', 'declarations', 'stat_deltas', 'cases', 'rejected_rows', 'audit_log', 'person_codes']) {
      expect(all, table).toMatch(new RegExp(`\\b${table}\\b`));
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  test('the check sees a walk, through an alias too, and a search as none', () => {
    expect(bigScans(rawPrepare, 'SELECT r.name FROM residents r WHERE r.address = ?').map((s) => s.table)).toEqual(['residents']);
    expect(bigScans(rawPrepare, 'SELECT * FROM residents WHERE person_id = @id')).toEqual([]);
  });

  test('no statement walks a big table whole, except the allowed ones', () => {
    const unexpected: Scan[] = [];
    const allowedUsed = new Set<number>();
    for (const sql of seen) {
      if (!plannable(sql)) continue;
      for (const scan of bigScans(rawPrepare, sql)) {
        const allowed = WHOLE_TABLE_WALKS.findIndex((w) => w.tables.includes(scan.table) && w.match.test(scan.sql));
        if (allowed >= 0) allowedUsed.add(allowed);
        else unexpected.push(scan);
      }
    }
    if (process.env.PLANS_DUMP) for (const u of unexpected) console.log(`${u.table} | ${u.detail} | ${u.sql.slice(0, 230)}`);
    expect(unexpected).toEqual([]);
    // An allow-list entry no statement needs any more goes.
    expect(WHOLE_TABLE_WALKS.filter((_, i) => !allowedUsed.has(i)).map((w) => w.why)).toEqual([]);
  });
});

/** Every reading screen, as its user would open it, through the one dispatch. */
async function readScreens(services: ConsoleServices): Promise<void> {
  const tokens = new Map<string, string>();
  const call = async <M extends MethodName>(user: string, method: M, params: ParamsOf<M>): Promise<unknown> => {
    if (!tokens.has(user)) {
      const r = await dispatch(
        ctx(services, null, (t) => t && tokens.set(user, t)),
        'auth.signIn',
        { name: user, password: PASSWORD },
      );
      if (!r.ok) throw new Error(`sign-in of ${user}: ${r.error.message}`);
    }
    const r = await dispatch(
      ctx(services, services.sessions.get(tokens.get(user)) ?? null, () => undefined),
      method,
      params,
    );
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await call('ofc', 'dashboard.summary', {});
  await call('ofc', 'dashboard.summary', { county: '371602', asOf: '2020-02-10' });
  await call('ofc', 'dashboard.map', {});
  await call('ofc', 'data.overview', {});
  await call('ofc', 'sync.history', {});
  await call('ofc', 'rejects.list', {});
  await call('ofc', 'rejects.list', { feed: 'checkins' });
  // The three ways to look someone up: ID number, phone, name.
  const someone = services.db
    .prepare('SELECT person_id, name, phone FROM residents WHERE name IS NOT NULL AND phone IS NOT NULL LIMIT 1')
    .get() as { person_id: string; name: string; phone: string };
  const found = (await call('ofc', 'people.search', { query: someone.person_id })) as { ref: string }[];
  const ref = found[0]?.ref;
  if (!ref) throw new Error('people.search found nobody');
  await call('ofc', 'people.search', { query: someone.phone });
  await call('ofc', 'people.search', { query: someone.name.slice(0, 2) });
  await call('ofc', 'people.get', { ref });
  await call('ofc', 'people.get', { ref, asOf: '2020-02-10' });
  await call('ofc', 'people.unmask', { ref, field: 'phone' });
  await call('ofc', 'cases.counts', {});
  const cases = (await call('ofc', 'cases.list', {})) as { rows: { id: number }[] };
  await call('ofc', 'cases.list', { state: 'suspected', behavior: 'screenshot' });
  const caseId = cases.rows[0]?.id;
  if (caseId === undefined) throw new Error('the detectors opened no case');
  await call('judge', 'cases.get', { id: caseId });
  // The queue's filters, searches and order by age (a county account's queue is always its county's), a person's cases, the export.
  await call('judge', 'cases.list', { county: '371602', sort: 'oldest' });
  await call('judge', 'cases.list', { county: '371602', state: 'suspected', behavior: 'impersonation' });
  await call('judge', 'cases.list', { behavior: 'false_declaration', sort: 'oldest' });
  await call('judge', 'cases.list', { search: someone.person_id });
  await call('judge', 'cases.list', { search: someone.phone });
  await call('judge', 'cases.list', { search: someone.name.slice(0, 2) });
  await call('judge', 'cases.list', { search: `#${caseId}` });
  await call('ofc', 'cases.ofPerson', { ref });
  await call('judge', 'cases.export', { state: 'suspected', sort: 'oldest' });
  await call('judge', 'credit.list', {});
  await call('judge', 'notices.list', {});
  await call('ofc', 'cases.detect', {});
  await call('writer', 'briefing.preview', {});
  await call('writer', 'briefing.recent', {});
  // Enterprises and checkpoints: the table, the list, a page, the lists behind figures, a site's day.
  await call('writer', 'enterprises.counties', {});
  await call('ofc', 'enterprises.list', { sort: 'violations' });
  const gate = services.db.prepare('SELECT site_id, credit_code FROM sites WHERE credit_code IS NOT NULL LIMIT 1').get() as {
    site_id: string;
    credit_code: string;
  };
  await call('ofc', 'enterprises.get', { creditCode: gate.credit_code });
  await call('ofc', 'enterprises.staff', { creditCode: gate.credit_code });
  await call('ofc', 'enterprises.staff', { county: '371602', status: 'red' });
  await call('ofc', 'sites.stats', {});
  await call('ofc', 'sites.get', { siteId: gate.site_id });
  await call('ofc', 'sites.scans', { filter: 'all' });
  await call('ofc', 'sites.scans', { filter: 'violation', county: '371602', kind: 'enterprise' });
  await call('ofc', 'sites.scans', { filter: 'deny', siteId: gate.site_id });
  await call('ofc', 'sites.scans', { filter: 'stale', creditCode: gate.credit_code });
  await call('admin', 'users.list', {});
  await call('admin', 'settings.get', {});
  await call('admin', 'keyAreas.list', {});
  await call('admin', 'detect.settings', {});
  // The audit screen: the whole log, and each filter (a person by ID number) alone and together.
  await call('admin', 'audit.list', {});
  await call('admin', 'audit.list', { user: 'ofc' });
  await call('admin', 'audit.list', { action: 'people.unmask' });
  await call('admin', 'audit.list', { action: 'case.' });
  await call('admin', 'audit.list', { personId: someone.person_id });
  await call('admin', 'audit.list', { from: '2020-02-10', to: '2020-02-11 12:00' });
  await call('admin', 'audit.list', { user: 'ofc', action: 'auth.', from: '2020-02-10', offset: 50, upTo: 10 });
}

function ctx(services: ConsoleServices, session: CallContext['session'], setSession: (t: string | null) => unknown): CallContext {
  return { services, session, client: 'test', transport: 'test', setSession: (t) => void setSession(t) };
}
