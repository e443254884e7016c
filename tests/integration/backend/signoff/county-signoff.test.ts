/**
 * County sign-off (issue 17) through the one dispatch, on a real database: every role tried (only a
 * county's own officer or credit officer signs, and only that county), what each account sees, the
 * audit entry and the append-only record; then a later import that changes the signed day, and the
 * figures changed after sign-off listed signed → now.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../../../shared/contract/api.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { importFiles } from '../../../../electron/backend/pipelines/import-files.ts';
import { readBook } from '../../../support/briefing-world.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { testConsole } from '../../../support/console.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const WUDI = '371623';
const ZOUPING = '371681';
const reasonOf = (r: ApiResponse<unknown>) => (r.ok ? 'ok' : `${r.error.code} ${r.error.reason?.code ?? r.error.message}`);

describe('county sign-off', async () => {
  const dir = suiteTempDir();
  const c = await testConsole(dir, {
    demo: { people: 1500, days: 6 },
    users: [
      { name: 'admin', role: 'admin' },
      { name: 'ofc', role: 'officer' },
      { name: 'cre', role: 'credit' },
      { name: 'wri', role: 'writer' },
      { name: 'wudi', role: 'officer', county: WUDI },
      { name: 'wudicre', role: 'credit', county: WUDI },
      { name: 'wudiwri', role: 'writer', county: WUDI },
      { name: 'wudiadm', role: 'admin', county: WUDI },
      { name: 'zou', role: 'officer', county: ZOUPING },
    ],
  });
  const db = c.services.db;
  const day = (await c.ok('ofc', 'dashboard.summary', {})).asOf;

  test('only the county’s own officer (or credit officer) signs it off; everyone else is refused with why', async () => {
    const sign = (user: string, county?: string) => c.call(user, 'signoff.sign', { day, ...(county ? { county } : {}) });
    expect(reasonOf(await sign('admin', WUDI))).toBe('forbidden auth.roleMayNot');
    expect(reasonOf(await sign('wri', WUDI))).toBe('forbidden auth.roleMayNot');
    expect(reasonOf(await sign('wudiwri', WUDI))).toBe('forbidden auth.roleMayNot');
    expect(reasonOf(await sign('wudiadm', WUDI))).toBe('forbidden auth.roleMayNot');
    expect(reasonOf(await sign('ofc', WUDI))).toBe('forbidden signoff.cityWide');
    expect(reasonOf(await sign('cre', WUDI))).toBe('forbidden signoff.cityWide');
    expect(reasonOf(await sign('ofc'))).toBe('forbidden signoff.cityWide');
    const other = await sign('zou', WUDI);
    expect(reasonOf(other)).toBe('forbidden signoff.otherCounty');
    expect(other.ok ? '' : other.error.messageZh).toBe('您只能签发邹平市的数据；无棣县的数据由该县指定专人签发');
    expect(reasonOf(await c.call('wudi', 'signoff.sign', { day: '2031-01-01' }))).toBe('bad_request signoff.noData');
    // Nothing refused was recorded.
    expect(db.prepare('SELECT count(*) FROM county_signoffs').pluck().get()).toBe(0);

    const signed = await c.ok('wudi', 'signoff.sign', { day });
    expect(signed).toMatchObject({ county: WUDI, signed: true, signedBy: 'wudi', signoffs: 1, changed: [] });
    // A county's credit officer may be its designated officer too: signing again supersedes.
    const again = await c.ok('wudicre', 'signoff.sign', { day, county: WUDI });
    expect(again).toMatchObject({ signedBy: 'wudicre', signoffs: 2 });
  });

  test('the figures signed are the briefing’s for the county and day', async () => {
    const preview = await c.ok('wudiwri', 'briefing.preview', { day });
    const s = await c.ok('wudi', 'signoff.status', { day });
    const f = s.counties[0]!.figures;
    expect(f).toMatchObject({
      holders: preview.kpis.total,
      red: preview.kpis.red,
      yellow: preview.kpis.yellow,
      green: preview.kpis.green,
      noCode: preview.kpis.noCode,
      turnedRed: preview.turned.red,
      turnedYellow: preview.turned.yellow,
      turnedGreen: preview.turned.green,
      newCodes: preview.newCodes,
      openCases: preview.enforcement.openCases,
      changes: preview.changes,
      notices: preview.notices,
    });
    expect(f.holders).toBeGreaterThan(0);
  });

  test('city-wide accounts see all seven counties; a county’s account its own; only its officer may sign', async () => {
    for (const user of ['admin', 'ofc', 'cre', 'wri']) {
      const s = await c.ok(user, 'signoff.status', { day });
      expect(
        s.counties.map((x) => x.county),
        user,
      ).toEqual(COUNTIES.map((x) => x.code));
      expect(s.unsigned, user).toEqual(COUNTIES.map((x) => x.code).filter((x) => x !== WUDI));
      expect(s.mayRecord, user).toBeNull();
    }
    const wudiView = await c.ok('wudiwri', 'signoff.status', { day });
    expect(wudiView.counties.map((x) => x.county)).toEqual([WUDI]);
    expect(wudiView).toMatchObject({ unsigned: [], mayRecord: null });
    expect((await c.ok('zou', 'signoff.status', { day })).counties.map((x) => x.county)).toEqual([ZOUPING]);
    expect((await c.ok('zou', 'signoff.status', { day })).mayRecord).toBe(ZOUPING);
    expect((await c.ok('wudi', 'signoff.status', {})).day).toBe(day);
  });

  test('every sign-off is audited, and the record is append-only', () => {
    const entries = db.prepare("SELECT user_name, target, details FROM audit_log WHERE action = 'signoff.county' ORDER BY id").all() as {
      user_name: string;
      target: string;
      details: string;
    }[];
    expect(entries.map((e) => [e.user_name, e.target])).toEqual([
      ['wudi', WUDI],
      ['wudicre', WUDI],
    ]);
    const [first, second] = entries.map((e) => JSON.parse(e.details) as Record<string, unknown>);
    expect(first).toMatchObject({ day, county: WUDI, figures: { holders: expect.any(Number) } });
    expect(second).toMatchObject({ supersedes: first!['signoff'] });
    expect(() => db.prepare('UPDATE county_signoffs SET signed_by = ?').run('someone')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM county_signoffs').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) FROM county_signoffs').pluck().get()).toBe(2);
  });

  test('an import that changes the signed day shows as figures changed after sign-off, signed → now', async () => {
    const before = (await c.ok('wudi', 'signoff.status', { day })).counties[0]!;
    expect(before.changed).toEqual([]);
    // A green person of the county with a fever check-in on the signed day turns yellow that day.
    const green = await c.ok('wudi', 'figures.people', { figure: 'green', asOf: day, county: WUDI, sort: 'id', limit: 1 });
    const personId = (await c.idOf('wudi', green.rows[0]!.ref))!;
    const file = writeCsv(join(dir, 'fever.csv'), [
      ['person_id', 'checked_at', 'temperature', 'symptoms'],
      [personId, `${day} 08:30:00`, '38.6', '1'],
    ]);
    await importFiles(db, { files: [{ path: file }], feed: 'checkins', actor: { user: 'wudi' } });

    const after = (await c.ok('ofc', 'signoff.status', { day })).counties.find((x) => x.county === WUDI)!;
    const f = before.figures;
    expect(after.changed).toEqual([
      { figure: 'yellow', before: f.yellow, after: f.yellow + 1 },
      { figure: 'green', before: f.green, after: f.green - 1 },
      { figure: 'turnedYellow', before: f.turnedYellow, after: f.turnedYellow + 1 },
      { figure: 'changes', before: f.changes, after: f.changes + 1 },
    ]);
    // The other counties' figures did not move, and they are still not signed.
    const zou = (await c.ok('ofc', 'signoff.status', { day })).counties.find((x) => x.county === ZOUPING)!;
    expect(zou).toMatchObject({ signed: false, changed: [] });
    // The console's briefing states the change on 概况, before Wudi signs again.
    const lines = await summaryLines('wri');
    expect(lines.find((l) => l.startsWith('无棣县|'))).toMatch(
      /^无棣县\|已签发\|4\|wudicre \d{4}-\d{2}-\d{2} \d{2}:\d{2}；黄码 \d+→\d+、绿码 /,
    );
    expect(lines).toContain('7 个县（市、区）中 1 个已签发；未签发：滨城区、沾化区、惠民县、阳信县、博兴县、邹平市。');
    // Signing again takes the new figures: nothing has changed since.
    expect((await c.ok('wudi', 'signoff.sign', { day })).changed).toEqual([]);
    // A county writer's briefing states its own county alone.
    expect((await summaryLines('wudiwri')).filter((l) => /^(无棣县|邹平市)\|/.test(l))).toEqual([
      expect.stringMatching(/^无棣县\|已签发\|0\|wudi /),
    ]);
  });

  /** 概况 of the briefing `user` exports from the console, as `a|b|c` lines. */
  async function summaryLines(user: string): Promise<string[]> {
    const before = new Set(downloads());
    await c.ok(user, 'briefing.export', { day });
    const file = downloads().find((f) => !before.has(f))!;
    const lines: string[] = [];
    (await readBook(join(dir, 'downloads', file)))
      .getWorksheet('概况')!
      .eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join('|')));
    return lines;
  }
  function downloads(): string[] {
    const folder = join(dir, 'downloads');
    return existsSync(folder) ? (readdirSync(folder, { recursive: true }) as string[]).map(String).filter((f) => f.endsWith('.xlsx')) : [];
  }
});
