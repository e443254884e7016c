/**
 * The what-if of a key-area change (issue 17) on a demo city: a dry run that changes nothing
 * (every table's content and the audit log as they were), whose counts by county are what then
 * happens when the change is published and the city re-evaluated; published changes are dated
 * versions (who, when, why) with an audit entry; `hcc keyareas whatif --json` answers the same.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { KeyAreaWhatIf } from '../../../../shared/contract/key-area-whatif.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { type Day, parseDay } from '../../../../shared/domain/local-date.ts';
import { decodeHistory, stateOn } from '../../../../shared/domain/rules/person-history.ts';
import { databaseClock, defaultAsOfDay } from '../../../../electron/backend/clock/database-clock.ts';
import type { Db } from '../../../../electron/backend/db/database.ts';
import { runDetectors } from '../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { type TestConsole, testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

/** Every table's rows, hashed: what a dry run must leave as it was. */
function contentHash(db: Db): Record<string, string> {
  const out: Record<string, string> = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    const h = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().iterate()) h.update(JSON.stringify(row));
    out[t] = h.digest('hex');
  }
  return out;
}

function timelines(db: Db): Map<string, string> {
  return new Map(db.prepare('SELECT person_id, timeline FROM person_codes').raw().all() as [string, string][]);
}

/** What actually changed between two stored cities, counted as the what-if counts it. */
function actualChanges(before: Map<string, string>, after: Map<string, string>, from: Day, today: Day) {
  const byCounty = new Map<string, { today: number; period: number }>();
  for (const [id, text] of after) {
    const a = decodeHistory(before.get(id) ?? '');
    const b = decodeHistory(text);
    const colour = (s: ReturnType<typeof decodeHistory>, d: Day) => stateOn(s, d)?.color ?? 'none';
    const county = stateOn(b, today)?.county ?? '';
    const row = byCounty.get(county) ?? { today: 0, period: 0 };
    if (colour(a, today) !== colour(b, today)) row.today++;
    let differs = false;
    for (let d = from; d <= today && !differs; d++) differs = colour(a, d) !== colour(b, d);
    if (differs) row.period++;
    byCounty.set(county, row);
  }
  return byCounty;
}

function falseDeclarationCases(db: Db): Map<string, string> {
  return new Map(
    db.prepare("SELECT evidence_key, county_code FROM cases WHERE behavior = 'false_declaration'").raw().all() as [string, string][],
  );
}

describe('the key-area what-if', () => {
  let c: TestConsole;
  let db: Db;
  beforeAll(async () => {
    c = await testConsole(tempDir(), {
      demo: { people: 5000, days: 10 },
      users: [
        { name: 'adm', role: 'admin' },
        { name: 'ofc', role: 'officer' },
      ],
    });
    db = c.services.db;
    runDetectors(db, { now: databaseClock(db)() });
    // Signed in before the dry run: a sign-in is audited.
    await c.ok('adm', 'auth.touch', {});
    await c.ok('ofc', 'auth.touch', {});
  }, 240_000);

  test('a dry run changes nothing; its counts by county are what publishing then does', async () => {
    const hash = contentHash(db);
    const before = timelines(db);
    const casesBefore = falseDeclarationCases(db);
    const change = { regionCode: '32', name: '江苏省', effectiveFrom: '2020-02-12', effectiveTo: null };
    const w = await c.ok('adm', 'keyAreas.whatif', change);
    expect(contentHash(db)).toEqual(hash);
    expect(w.kind).toBe('add');
    expect(w.counties.map((r) => r.county).slice(0, 7)).toEqual(COUNTIES.map((k) => k.code));
    expect(w.examined).toBeGreaterThan(0);
    expect(w.total.changedToday).toBeGreaterThan(0);
    expect(w.total.toRed).toBe(w.total.changedToday);
    expect(w.total.changedInPeriod).toBeGreaterThanOrEqual(w.total.changedToday);
    // Without the publish-date rule a backdated start would accuse declarations made before it.
    expect(w.total.spared).toBeGreaterThan(0);
    expect((await c.call('ofc', 'keyAreas.whatif', change)).ok).toBe(false);

    // The CLI answers the same, as JSON that parses.
    const cli = await cliJson<KeyAreaWhatIf>([
      'keyareas',
      'whatif',
      '--db',
      join(c.dir, 'console.db'),
      '--add',
      '32',
      '--from',
      '2020-02-12',
    ]);
    expect({ ...cli, ms: 0, publishedAt: 0 }).toEqual({ ...w, ms: 0, publishedAt: 0, name: null });
    expect(contentHash(db)).toEqual(hash);

    await c.ok('adm', 'keyAreas.save', { ...change, reason: '江苏省通报疫情，列为重点地区' });
    await c.services.jobs.idle();
    const today = defaultAsOfDay(db);
    expect(parseDay(w.today)).toBe(today);
    const actual = actualChanges(before, timelines(db), parseDay(w.periodFrom)!, today);
    for (const row of w.counties) {
      const a = actual.get(row.county) ?? { today: 0, period: 0 };
      expect({ county: row.county, today: row.changedToday, period: row.changedInPeriod }).toEqual({ county: row.county, ...a });
    }
    // And the new suspicions: only declarations after the publish time, as the detector then finds.
    runDetectors(db, { now: databaseClock(db)(), full: true });
    const opened = [...falseDeclarationCases(db)].filter(([key]) => !casesBefore.has(key));
    for (const row of w.counties) expect(opened.filter(([, county]) => county === row.county).length, row.county).toBe(row.newSuspicions);
    for (const [key] of opened) expect(Number(key.split('|')[1])).toBeGreaterThanOrEqual(w.publishedAt);

    // From the command line: a reason is required (nothing changes without one), then a version by 'hcc'.
    // Here, in this test: the temporary folder holding the database file lasts for one test.
    const file = join(c.dir, 'console.db');
    const refused = await runCli(['keyareas', 'publish', '--db', file, '--add', '3201', '--from', '2020-02-12']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--reason');
    expect(db.prepare("SELECT count(*) FROM key_areas WHERE region_code = '3201'").pluck().get()).toBe(0);
    const done = await cliJson<{ kind: string }>([
      'keyareas',
      'publish',
      '--db',
      file,
      '--add',
      '3201',
      '--from',
      '2020-02-12',
      '--reason',
      '南京市',
    ]);
    expect(done.kind).toBe('add');
    expect((await c.ok('adm', 'keyAreas.versions', {}))[0]).toMatchObject({
      regionCode: '3201',
      kind: 'add',
      publishedBy: 'hcc',
      reason: '南京市',
    });
  }, 240_000);

  test('publishing is a dated version with who, when and why, and an audit entry; ending and backdating too', async () => {
    const versions = await c.ok('adm', 'keyAreas.versions', {});
    const added = versions.find((v) => v.regionCode === '32')!;
    expect(added).toMatchObject({ kind: 'add', publishedBy: 'adm', reason: '江苏省通报疫情，列为重点地区', effectiveFrom: '2020-02-12' });
    // Published on the database clock: the demo's, inside 2020.
    expect(new Date(added.publishedAt).getUTCFullYear()).toBe(2020);
    // The feed's areas are versions too, by their file.
    expect(versions.find((v) => v.regionCode === '42')!.publishedBy).toMatch(/^feed:key_areas/);
    const audit = db
      .prepare("SELECT details FROM audit_log WHERE action = 'key_area.save' AND target = 'key_area:32' ORDER BY id DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ kind: 'add', reason: '江苏省通报疫情，列为重点地区' });
    // A reason is required.
    expect((await c.call('adm', 'keyAreas.save', { regionCode: '32', effectiveFrom: '2020-02-12', reason: '' })).ok).toBe(false);

    // End it: the what-if turns people back (red -> green or yellow), the version says 'end'.
    const end = { regionCode: '32', name: '江苏省', effectiveFrom: '2020-02-12', effectiveTo: '2020-02-13', previousFrom: '2020-02-12' };
    const w = await c.ok('adm', 'keyAreas.whatif', end);
    expect(w.kind).toBe('end');
    expect(w.total.newSuspicions).toBe(0);
    await c.ok('adm', 'keyAreas.save', { ...end, reason: '解除' });
    await c.services.jobs.idle();
    // Backdate: the start moves earlier, the old row is not listed twice.
    const back = { regionCode: '32', name: '江苏省', effectiveFrom: '2020-02-10', effectiveTo: '2020-02-13', previousFrom: '2020-02-12' };
    expect((await c.ok('adm', 'keyAreas.whatif', back)).kind).toBe('backdate');
    const listed = await c.ok('adm', 'keyAreas.save', { ...back, reason: '补记' });
    await c.services.jobs.idle();
    expect(listed.filter((a) => a.regionCode === '32')).toEqual([
      { regionCode: '32', name: '江苏省', effectiveFrom: '2020-02-10', effectiveTo: '2020-02-13' },
    ]);
    const kinds = (await c.ok('adm', 'keyAreas.versions', {}))
      .filter((v) => v.regionCode === '32')
      .map((v) => [v.kind, v.publishedBy, v.reason]);
    expect(kinds).toEqual([
      ['backdate', 'adm', '补记'],
      ['end', 'adm', '解除'],
      ['add', 'adm', '江苏省通报疫情，列为重点地区'],
    ]);
  }, 240_000);
});
