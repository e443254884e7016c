/**
 * `hcc signoff` and `hcc signoff status` (issue 17): signing as `--user` with the console's checks,
 * the status as JSON that pipes whole, and `hcc briefing` warning on stderr of the counties not
 * signed off while still writing the briefing, whose 概况 sheet states the sign-offs.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SignoffStatus } from '../../../../shared/contract/signoff.ts';
import { COUNTIES } from '../../../../shared/domain/counties.ts';
import { readBook } from '../../../support/briefing-world.ts';
import { cliJson, runCli } from '../../../support/cli.ts';
import { suiteTempDir } from '../../../support/temp-dir.ts';

const WUDI = '371623';

describe('hcc signoff', async () => {
  const dir = suiteTempDir();
  const db = join(dir, 'city.db');
  const demo = await cliJson<{ dir: string }>(['demo', '--out', join(dir, 'city'), '--people', '1200', '--days', '5', '--seed', '3']);
  await cliJson(['sync', '--db', db, '--source', demo.dir]);
  for (const [name, role, county] of [
    ['wudi', 'officer', WUDI],
    ['zou', 'officer', '371681'],
    ['ofc', 'officer', null],
    ['wri', 'writer', WUDI],
  ] as const) {
    const args = ['user', 'add', '--db', db, '--name', name, '--role', role, ...(county ? ['--county', county] : [])];
    expect((await runCli(args, { input: 'cli-password-1\n' })).code).toBe(0);
  }
  const day = (await cliJson<SignoffStatus>(['signoff', 'status', '--db', db])).day;

  test('signs as --user with the same checks as the console', async () => {
    const refused = [
      await runCli(['signoff', '--db', db, '--user', 'zou', '--county', WUDI, '--as-of', day]),
      await runCli(['signoff', '--db', db, '--user', 'ofc', '--county', WUDI, '--as-of', day]),
      await runCli(['signoff', '--db', db, '--user', 'wri', '--as-of', day]),
    ];
    expect(refused.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(refused[0]!.stderr).toContain('您只能签发邹平市的数据；无棣县的数据由该县指定专人签发');
    expect(refused[1]!.stderr).toContain('全市账号不能签发县区数据（无棣县）');
    expect(refused[2]!.stderr).toContain('your role may not');
    expect((await runCli(['signoff', '--db', db, '--as-of', day])).code).toBe(2);

    const signed = await cliJson<{ county: string; signedBy: string; signedAt: string }>([
      'signoff',
      '--db',
      db,
      '--user',
      'wudi',
      '--county',
      WUDI,
      '--as-of',
      day,
    ]);
    expect(signed).toMatchObject({ county: WUDI, signedBy: 'wudi' });
    expect(signed.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  test('status --json pipes whole: the seven counties, Wudi signed', async () => {
    const r = await runCli(['signoff', 'status', '--db', db, '--as-of', day, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as SignoffStatus;
    expect(s.counties.map((c) => c.county)).toEqual(COUNTIES.map((c) => c.code));
    expect(s.unsigned).toEqual(COUNTIES.map((c) => c.code).filter((c) => c !== WUDI));
    expect(s.counties.find((c) => c.county === WUDI)).toMatchObject({ signed: true, signedBy: 'wudi', changed: [] });
    const text = await runCli(['signoff', 'status', '--db', db, '--as-of', day]);
    expect(text.stdout).toContain(`sign-off of ${day}: 1 of 7 counties signed`);
  });

  test('hcc briefing warns of the counties not signed off and writes the briefing, which states them', async () => {
    const out = join(dir, 'briefing.xlsx');
    const r = await runCli(['briefing', '--db', db, '--date', day, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: not signed off for ${day}: Bincheng, Zhanhua, Huimin, Yangxin, Boxing, Zouping`);
    expect(r.stderr).toContain('未签发：滨城区、沾化区、惠民县、阳信县、博兴县、邹平市');
    const ws = (await readBook(out)).getWorksheet('概况')!;
    const lines: string[] = [];
    ws.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join('|')));
    expect(lines).toContain('县（市、区）|签发状态|签发后变动（项）|签发人、签发时间；变动明细（签发时→现在）');
    expect(lines.find((l) => l.startsWith('无棣县|'))).toMatch(/^无棣县\|已签发\|0\|wudi \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lines.find((l) => l.startsWith('邹平市|'))).toMatch(/^邹平市\|未签发\|/);
    expect(lines).toContain('7 个县（市、区）中 1 个已签发；未签发：滨城区、沾化区、惠民县、阳信县、博兴县、邹平市。');

    // A county's briefing speaks of its county alone: signed, so nothing to warn of.
    const county = await runCli(['briefing', '--db', db, '--date', day, '--out', join(dir, 'wudi.xlsx'), '--county', WUDI]);
    expect(county.code).toBe(0);
    expect(county.stderr).not.toContain('warning');
  });
});
