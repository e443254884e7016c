/**
 * Each fraud detector's rule at its edges (ENFORCEMENT.md): exactly the records past its threshold
 * are flagged, a run of impossible moves is one act, a contradiction that arrives later joins the
 * declaration's undecided case, and the thresholds' defaults and bounds.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDir } from '../../../../support/temp-dir.ts';
import { openDatabase } from '../../../../../electron/backend/db/database.ts';
import { detectorSettings, saveDetectorSettings } from '../../../../../electron/backend/enforcement/detectors/detector-settings.ts';
import { runDetectors } from '../../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import {
  ms,
  NOW,
  T,
  T2,
  DECLARATION,
  declares,
  p,
  scan,
  isoMinus,
  exchange,
  FIRST,
  EXPECTED_FIRST,
  daily,
  evidence,
} from '../../../../support/detector-world.ts';

const tempDir = useTempDir();

describe('detector rules and their edges', () => {
  test('each rule flags exactly the records past its threshold; later scans meet their older neighbours', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    exchange(ex, FIRST);
    const db = openDatabase(join(dir, 'c.db'));
    const first = await daily(db, ex);
    const found = evidence(db);
    expect([...found.keys()].sort()).toEqual(EXPECTED_FIRST);
    expect(first.opened).toHaveLength(EXPECTED_FIRST.length);

    const p1 = found.get(`false_declaration:${p(1)}|${ms(T)}`)!;
    expect(p1.rule).toBe('false_declaration:key_area_visit+returned_from_outside_province');
    expect(p1.summary).toContain('但手机漫游显示2020-02-10在重点地区湖北省（4201）');
    expect(p1.thresholds).toEqual({ lookbackDays: 14, feverDays: 3 });
    expect(p1.records.map((r) => r.feed)).toEqual(['declarations', 'roaming', 'roaming']);
    expect(found.get(`false_declaration:${p(3)}|${ms(T2)}`)!.rule).toBe('false_declaration:key_area_visit');
    expect(found.get(`false_declaration:${p(7)}|${ms(T)}`)!.summary).toContain('申报称不是密切接触者');
    expect(found.get(`false_declaration:${p(8)}|${ms(T)}`)!.summary).toContain('购买退烧药品');
    expect(found.get('screenshot:age:SC-21-1')!.summary).toContain('已过5分1秒，超过5分钟有效期');
    expect(found.get('screenshot:colour:SC-22-1')!.summary).toContain('出示绿码，但其健康码前一日（2020-02-18）末为黄码，当日末为黄码');
    expect(found.get('screenshot:colour:SC-23-1')!.summary).toContain('末为无码');
    expect(found.get('impersonation:SC-31-1:SC-31-2')!.rule).toBe('impersonation:speed');
    expect(found.get('impersonation:SC-32-1:SC-32-2')!.rule).toBe('impersonation:gap');
    expect(found.get('impersonation:SC-35-1:SC-35-2')!.rule).toBe('impersonation:speed+gap');
    for (const e of found.values()) {
      expect(e.summary).not.toContain(e.person);
      expect(e.summary).not.toMatch(/1380000/);
    }

    // Later scans are compared with the older scans before them (one of the day before);
    // nothing already examined opens again.
    exchange(ex, {
      'scans-2020-02-20': [
        FIRST['scans-2020-02-19']![0]!,
        scan(37, 2, 'S6', '2020-02-19 10:20:00'),
        scan(38, 2, 'S6', '2020-02-20 00:05:00'),
      ],
    });
    const second = await daily(db, ex);
    expect(second.opened).toHaveLength(2);
    expect(second.examined.scans).toBe(2);
    expect(evidence(db).get('impersonation:SC-37-1:SC-37-2')!.summary).toContain('相距100.1公里');
    expect(evidence(db).get('impersonation:SC-38-1:SC-38-2')!.summary).toContain(
      '2020-02-19 23:50在一号卡口扫码，15分钟后在相距100.1公里的远处卡口扫码',
    );
    expect((await daily(db, ex, true)).opened).toEqual([]);

    // A changed threshold applies to what is already stored at the next ordinary run: the
    // five-minute-old code of SC-20-1 is now too old. Saving the same value again changes nothing.
    saveDetectorSettings(db, { codeValidityMinutes: 5 });
    expect(runDetectors(db, { now: NOW }).examined).toEqual({ declarations: 0, scans: 0 });
    saveDetectorSettings(db, { codeValidityMinutes: 4 });
    const stricter = runDetectors(db, { now: NOW });
    expect(stricter.opened).toHaveLength(1);
    expect(evidence(db).get('screenshot:age:SC-20-1')!.thresholds).toEqual({ codeValidityMinutes: 4 });
  }, 60_000);

  test('a run of impossible moves is one act: one case, and its next step opens none', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    const header = FIRST['scans-2020-02-19']![0]!;
    // Person 39 alternates between two sites 2.1 km apart every 40 seconds: three suspicious pairs.
    exchange(ex, {
      'residents-2020-02-01': FIRST['residents-2020-02-01']!,
      'sites-2020-02-01': FIRST['sites-2020-02-01']!,
      'declarations-2020-02-20': [DECLARATION, declares(39, '2020-02-15 08:00:00')],
      'scans-2020-02-19': [
        header,
        ...['S3', 'S4', 'S3', 'S4'].map((site, k) => scan(39, k + 1, site, `2020-02-19 10:0${k}:${k % 2 ? '40' : '00'}`)),
      ],
    });
    const db = openDatabase(join(dir, 'c.db'));
    const first = await daily(db, ex);
    expect(first.opened).toHaveLength(1);
    const [only] = [...evidence(db).values()];
    expect(only!.records.filter((r) => !r.key.includes(':')).map((r) => r.key)).toEqual(['SC-39-1', 'SC-39-2', 'SC-39-3', 'SC-39-4']);
    expect(only!.summary.split('；').length).toBeGreaterThanOrEqual(3);
    // The same run goes on the next day: a new scan next to SC-39-4 joins the act, no second case.
    exchange(ex, { 'scans-2020-02-20': [header, scan(39, 5, 'S3', '2020-02-19 10:04:00')] });
    expect((await daily(db, ex)).opened).toEqual([]);
    // While the case is undecided the new step is added to its evidence, and its history says so.
    expect([...evidence(db).values()][0]!.records.map((r) => r.key)).toContain('SC-39-5');
    expect(db.prepare("SELECT move, from_state, to_state FROM case_history WHERE move = 'evidence'").all()).toEqual([
      { move: 'evidence', from_state: 'suspected', to_state: 'suspected' },
    ]);
    // A later, separate act (hours away) is a case of its own.
    exchange(ex, { 'scans-2020-02-21': [header, scan(39, 6, 'S3', '2020-02-19 15:00:00'), scan(39, 7, 'S4', '2020-02-19 15:01:00')] });
    expect((await daily(db, ex)).opened).toHaveLength(1);
    expect(db.prepare("SELECT count(*) AS n FROM cases WHERE behavior = 'impersonation'").get()).toEqual({ n: 2 });
  }, 60_000);

  test('a contradiction that arrives later joins the declaration’s case while it is undecided', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    exchange(ex, FIRST);
    const db = openDatabase(join(dir, 'c.db'));
    await daily(db, ex);
    const key = `false_declaration:${p(1)}|${ms(T)}`;
    expect(
      evidence(db)
        .get(key)!
        .records.map((r) => r.feed),
    ).toEqual(['declarations', 'roaming', 'roaming']);
    exchange(ex, {
      'travel-2020-02-21': [
        ['person_id', 'arrived_at', 'origin_region_code', 'mode'],
        [p(1), isoMinus(T, 2 * 86400), '420100', 'train'],
      ],
    });
    expect((await daily(db, ex)).opened).toEqual([]);
    // Each contradiction names its records (the roaming and the travel record back two conditions each).
    expect(
      evidence(db)
        .get(key)!
        .records.map((r) => r.feed)
        .sort(),
    ).toEqual(['declarations', 'roaming', 'roaming', 'travel', 'travel']);
    expect(evidence(db).get(key)!.summary).toContain('等2条记录');
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.evidence'").get()).toEqual({ n: 1 });
  }, 60_000);

  test('thresholds have the spec defaults and refuse values out of range', () => {
    const db = openDatabase(join(tempDir(), 'c.db'));
    expect(detectorSettings(db)).toEqual({
      codeValidityMinutes: 5,
      maxSpeedKmh: 150,
      minScanGapMinutes: 2,
      lookbackDays: 14,
      feverDays: 3,
    });
    expect(() => saveDetectorSettings(db, { lookbackDays: 1.5 })).toThrow(/whole number/);
    expect(() => saveDetectorSettings(db, { maxSpeedKmh: 0, feverDays: 2 })).toThrow(/maxSpeedKmh/);
    expect(detectorSettings(db).feverDays).toBe(3);
    expect(saveDetectorSettings(db, { maxSpeedKmh: 200 }).maxSpeedKmh).toBe(200);
  });
});
