import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Db, openDatabase } from '../../../../../electron/backend/db/database.ts';
import { detectorSettings, saveDetectorSettings } from '../../../../../electron/backend/enforcement/detectors/detector-settings.ts';
import { detectorWatermark } from '../../../../../electron/backend/enforcement/detectors/batch-window.ts';
import { newestBatch } from '../../../../../electron/backend/import/watermarks.ts';
import { runDetectors } from '../../../../../electron/backend/enforcement/detectors/run-detectors.ts';
import type { Evidence } from '../../../../../electron/backend/enforcement/evidence.ts';
import { addBatchCounts, createBatch } from '../../../../../electron/backend/import/batches.ts';
import { parseDay } from '../../../../../shared/domain/local-date.ts';
import { recomputeColours } from '../../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../../electron/backend/sync/sync-directory.ts';
import { writeCsv } from '../../../../support/csv-files.ts';
import { personId } from '../../../../support/people.ts';
import { useTempDir } from '../../../../support/temp-dir.ts';

const tempDir = useTempDir();
const ms = (local: string) => Date.parse(local.replace(' ', 'T') + '+08:00');
const NOW = ms('2020-02-21 09:00:00');
const T = '2020-02-20 10:00:00';
const T2 = '2020-02-10 10:00:00';
/** 25 km due north of (37, 118): at 150 km/h exactly ten minutes away. */
const LAT_25KM = String(37 + 25 / ((6371 * Math.PI) / 180));

const DECLARATION = [
  'person_id',
  'declared_at',
  'county_code',
  'confirmed',
  'suspected',
  'close_contact',
  'key_area_visit',
  'fever',
  'shortness_of_breath',
  'respiratory_symptoms',
  'febrile_contact',
  'returned_from_outside_province',
];
/** A declaration row; `yes` names the conditions declared true. */
const declares = (n: number, at: string, ...yes: string[]) => [
  personId(n),
  at,
  '371602',
  ...DECLARATION.slice(3).map((c) => (yes.includes(c) ? 1 : 0)),
];
const p = (n: number) => personId(n);
const scan = (n: number, k: number, site: string, at: string, issued = '') => [
  `SC-${n}-${k}`,
  p(n),
  site,
  at,
  issued || isoMinus(at, 60),
  'green',
  'pass',
];
const isoMinus = (at: string, seconds: number) =>
  new Date(ms(at) - seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

function exchange(dir: string, files: Record<string, (string | number)[][]>): void {
  for (const [name, rows] of Object.entries(files)) {
    const feed = name.replace(/-\d{4}-\d{2}-\d{2}$/, '');
    mkdirSync(join(dir, feed), { recursive: true });
    writeCsv(join(dir, feed, `${name}.csv`), rows);
  }
}

/*
 * The cast (person n = personId(n)). False declarations on T: 1 Hubei roaming (flagged), 2 Wenzhou
 * before it became a key area (not), 3 Wenzhou while it was (flagged, on T2), 4 / 5 arrival exactly
 * 14 days / 14 days and a second before (flagged / not), 6 / 7 confirmed then cleared / close
 * contact cleared only later (not / flagged), 8 / 9 fever medicine 3 / 4 days before (flagged / not),
 * 10 Shandong roaming and a stay just outside the window (not). Screenshots: 20 / 21 a code exactly 5
 * min / 5 min 1 s old, 22 green while yellow, 23 green without a code, 24 green on the morning of
 * the day turning yellow (not: interpretation), 25 green on the first day. Impersonation: 30 / 31
 * exactly 150 km/h / faster, 32 / 33 two sites 2 min / 2 min 1 s apart, 34 a site without
 * coordinates, 35 two sites at one instant, 36 one site twice, 37 / 38 a scan arriving later.
 */
const clean = [20, 21, 22, 24, 30, 31, 32, 33, 34, 35, 36, 37, 38];
const FIRST: Record<string, (string | number)[][]> = {
  'residents-2020-02-01': [
    ['person_id', 'name', 'phone', 'county_code', 'address'],
    ...Array.from({ length: 40 }, (_, n) => [p(n), `测试${n}`, `138000000${String(n).padStart(2, '0')}`, '371602', '滨城区']),
  ],
  'key_areas-2020-02-01': [
    ['region_code', 'name', 'effective_from', 'effective_to'],
    ['42', '湖北省', '2020-01-23', ''],
    ['3303', '浙江省温州市', '2020-02-02', '2020-02-29'],
  ],
  'sites-2020-02-01': [
    ['site_id', 'name', 'kind', 'county_code', 'lat', 'lon'],
    ['S1', '一号卡口', 'checkpoint', '371602', '37', '118'],
    ['S2', '二号卡口', 'checkpoint', '371602', LAT_25KM, '118'],
    ['S3', '三号超市', 'supermarket', '371602', '37.1', '118.3'],
    ['S4', '四号社区', 'community', '371602', '37.1045', '118.3'],
    ['S5', '无坐标药店', 'pharmacy', '371602', '', ''],
    ['S6', '远处卡口', 'checkpoint', '371623', '37.9', '118'],
  ],
  'declarations-2020-02-20': [
    DECLARATION,
    declares(1, T),
    declares(2, T2, 'returned_from_outside_province'),
    declares(3, T2, 'returned_from_outside_province'),
    ...[4, 5, 6, 7, 8, 9, 10].map((n) => declares(n, T)),
    ...clean.map((n) => declares(n, '2020-02-15 08:00:00')),
    declares(22, '2020-02-18 09:00:00', 'fever'),
    declares(24, '2020-02-19 12:00:00', 'fever'),
    declares(25, '2020-02-19 08:00:00'),
  ],
  'roaming-2020-02-20': [
    ['phone', 'region_code', 'first_seen', 'last_seen', 'carrier'],
    ['13800000001', '4201', '2020-02-10 09:00:00', '2020-02-12 18:00:00', 'unicom'],
    ['13800000002', '330302', '2020-01-28 09:00:00', '2020-01-30 18:00:00', 'mobile'],
    ['13800000003', '330302', '2020-02-03 09:00:00', '2020-02-04 18:00:00', 'mobile'],
    ['13800000010', '370102', '2020-02-15 09:00:00', '2020-02-16 18:00:00', 'telecom'],
    ['13800000010', '4201', isoMinus(T, 14 * 86400 + 1), '', 'telecom'],
  ],
  'travel-2020-02-20': [
    ['person_id', 'arrived_at', 'origin_region_code', 'mode'],
    [p(4), isoMinus(T, 14 * 86400), '110105', 'train'],
    [p(5), isoMinus(T, 14 * 86400 + 1), '110105', 'train'],
  ],
  'health_records-2020-02-20': [
    ['person_id', 'recorded_at', 'status'],
    [p(6), '2020-02-05 10:00:00', 'confirmed'],
    [p(6), '2020-02-15 10:00:00', 'cleared'],
    [p(7), '2020-02-05 10:00:00', 'close_contact'],
    [p(7), '2020-02-25 10:00:00', 'cleared'],
  ],
  'medical-2020-02-20': [
    ['person_id', 'occurred_at', 'kind', 'facility'],
    [p(8), isoMinus(T, 3 * 86400), 'fever_medicine', '漱玉平民大药房'],
    [p(9), isoMinus(T, 4 * 86400), 'fever_medicine', '漱玉平民大药房'],
    [p(9), isoMinus(T, -3600), 'fever_clinic', '滨州市人民医院'],
  ],
  'scans-2020-02-19': [
    ['scan_id', 'person_id', 'site_id', 'scanned_at', 'code_issued_at', 'shown_color', 'action'],
    scan(20, 1, 'S1', '2020-02-19 10:00:00', '2020-02-19 09:55:00'),
    scan(21, 1, 'S1', '2020-02-19 10:00:01', '2020-02-19 09:55:00'),
    scan(22, 1, 'S1', '2020-02-19 10:00:00'),
    scan(23, 1, 'S1', '2020-02-19 10:00:00'),
    scan(24, 1, 'S1', '2020-02-19 09:00:00'),
    scan(25, 1, 'S1', '2020-02-19 09:00:00'),
    scan(30, 1, 'S1', '2020-02-19 10:00:00'),
    scan(30, 2, 'S2', '2020-02-19 10:10:00'),
    scan(31, 1, 'S1', '2020-02-19 10:00:00'),
    scan(31, 2, 'S2', '2020-02-19 10:09:59'),
    scan(32, 1, 'S3', '2020-02-19 10:00:00'),
    scan(32, 2, 'S4', '2020-02-19 10:02:00'),
    scan(33, 1, 'S3', '2020-02-19 10:00:00'),
    scan(33, 2, 'S4', '2020-02-19 10:02:01'),
    scan(34, 1, 'S1', '2020-02-19 10:00:00'),
    scan(34, 2, 'S5', '2020-02-19 10:05:00'),
    scan(35, 2, 'S2', '2020-02-19 10:00:00'),
    scan(35, 1, 'S1', '2020-02-19 10:00:00'),
    scan(36, 1, 'S1', '2020-02-19 10:00:00'),
    scan(36, 2, 'S1', '2020-02-19 10:01:00'),
    scan(37, 1, 'S1', '2020-02-19 10:00:00'),
    scan(38, 1, 'S1', '2020-02-19 23:50:00'),
  ],
};

const EXPECTED_FIRST = [
  `false_declaration:${p(1)}|${ms(T)}`,
  `false_declaration:${p(3)}|${ms(T2)}`,
  `false_declaration:${p(4)}|${ms(T)}`,
  `false_declaration:${p(7)}|${ms(T)}`,
  `false_declaration:${p(8)}|${ms(T)}`,
  'screenshot:age:SC-21-1',
  'screenshot:colour:SC-22-1',
  'screenshot:colour:SC-23-1',
  'impersonation:SC-31-1:SC-31-2',
  'impersonation:SC-32-1:SC-32-2',
  'impersonation:SC-35-1:SC-35-2',
].sort();

async function daily(db: Db, dir: string, full = false) {
  await syncDirectory(db, { source: dir });
  await recomputeColours(db, { workers: 0 });
  return runDetectors(db, { now: NOW, full });
}

function evidence(db: Db): Map<string, Evidence & { person: string }> {
  const rows = db.prepare('SELECT person_id, evidence_key, evidence FROM cases').all() as {
    person_id: string;
    evidence_key: string;
    evidence: string;
  }[];
  return new Map(rows.map((r) => [r.evidence_key, { ...(JSON.parse(r.evidence) as Evidence), person: r.person_id }]));
}

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

  test('rows a batch adds after the detectors passed it are examined; an abandoned batch holds nothing back', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    exchange(ex, FIRST);
    const db = openDatabase(join(dir, 'c.db'));
    await daily(db, ex);
    const batch = createBatch(db, {
      feed: 'scans',
      fileName: 'late.csv',
      filePath: '/late.csv',
      fileHash: 'x',
      fileSize: 1,
      versionTime: NOW,
      encoding: null,
      origin: 'import',
      strict: false,
      status: 'running',
      startedAt: NOW,
    });
    // One chunk of the batch, written as the importer writes it (rows, then the counts).
    const chunk = (scanId: string, line: number) =>
      db.transaction(() => {
        db.prepare(
          `INSERT INTO scans (scan_id, person_id, site_id, scanned_at, day, code_issued_at, shown_color, action, batch_id) VALUES (?, ?, 'S1', ?, ?, ` +
            `?, 'green', 'pass', ?)`,
        ).run(scanId, p(20), ms('2020-02-19 18:00:00') + line * 60_000, parseDay('2020-02-19'), ms('2020-02-19 17:00:00'), batch);
        addBatchCounts(db, batch, { read: 1, accepted: 1, duplicates: 0, rejected: 0, resumeLine: line });
      })();
    chunk('SC-LATE', 1);
    await recomputeColours(db, { workers: 0 });
    expect(runDetectors(db, { now: NOW }).opened).toHaveLength(1);
    expect(evidence(db).has('screenshot:age:SC-LATE')).toBe(true);
    // The import goes on (resumed after a kill) under the same batch id: its new rows are seen too.
    chunk('SC-LATE-2', 2);
    expect(detectorWatermark(db, 'screenshot')).toBe(batch - 1);
    await recomputeColours(db, { workers: 0 });
    expect(runDetectors(db, { now: NOW }).opened).toHaveLength(1);
    expect(evidence(db).has('screenshot:age:SC-LATE-2')).toBe(true);
    // The batch is never finished; a later one is examined all the same.
    expect(newestBatch(db)).toBe(batch);
  }, 60_000);

  test('an incremental run reaches the big tables only through their indexes', async () => {
    const dir = tempDir();
    const ex = join(dir, 'exchange');
    exchange(ex, FIRST);
    const db = openDatabase(join(dir, 'c.db'));
    await daily(db, ex);
    exchange(ex, {
      'scans-2020-02-20': [FIRST['scans-2020-02-19']![0]!, scan(37, 2, 'S6', '2020-02-19 10:20:00')],
      'declarations-2020-02-21': [DECLARATION, declares(11, '2020-02-21 08:00:00')],
      'travel-2020-02-21': [
        ['person_id', 'arrived_at', 'origin_region_code', 'mode'],
        [p(11), '2020-02-20 08:00:00', '110105', 'road'],
      ],
    });
    await syncDirectory(db, { source: ex });
    await recomputeColours(db, { workers: 0 });
    const statements = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (statements.add(sql), prepare(sql))) as typeof db.prepare;
    expect(runDetectors(db, { now: NOW }).opened).toHaveLength(2);
    db.prepare = prepare;
    const big = /\bSCAN (scans|residents|declarations|person_codes|roaming|checkins|checkin_days)\b/;
    for (const sql of statements) {
      const named = Object.fromEntries([...new Set(sql.match(/@\w+/g) ?? [])].map((n) => [n.slice(1), 1]));
      const positional = (sql.match(/\?/g) ?? []).map(() => 1);
      const args = Object.keys(named).length ? [named] : positional;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan, sql).not.toMatch(big);
    }
  });

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
