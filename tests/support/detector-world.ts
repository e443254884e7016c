/**
 * The hand-made exchange of the detector-rule tests: people declaring, scanning and moving just past
 * and just short of each rule's threshold (DETECTORS in ENFORCEMENT.md), the cases the first sync
 * must open, and the steps a test takes (sync, evaluate, detect) and reads (the cases' evidence).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../electron/backend/db/database.ts';
import { runDetectors } from '../../electron/backend/enforcement/detectors/run-detectors.ts';
import type { Evidence } from '../../electron/backend/enforcement/evidence.ts';
import { recomputeColours } from '../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../electron/backend/sync/sync-directory.ts';
import { writeCsv } from './csv-files.ts';
import { personId } from './people.ts';

export const ms = (local: string) => Date.parse(local.replace(' ', 'T') + '+08:00');
export const NOW = ms('2020-02-21 09:00:00');
export const T = '2020-02-20 10:00:00';
export const T2 = '2020-02-10 10:00:00';
/** 25 km due north of (37, 118): at 150 km/h exactly ten minutes away. */
export const LAT_25KM = String(37 + 25 / ((6371 * Math.PI) / 180));

export const DECLARATION = [
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
export const declares = (n: number, at: string, ...yes: string[]) => [
  personId(n),
  at,
  '371602',
  ...DECLARATION.slice(3).map((c) => (yes.includes(c) ? 1 : 0)),
];
export const p = (n: number) => personId(n);
export const scan = (n: number, k: number, site: string, at: string, issued = '') => [
  `SC-${n}-${k}`,
  p(n),
  site,
  at,
  issued || isoMinus(at, 60),
  'green',
  'pass',
];
export const isoMinus = (at: string, seconds: number) =>
  new Date(ms(at) - seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export function exchange(dir: string, files: Record<string, (string | number)[][]>): void {
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
export const clean = [20, 21, 22, 24, 30, 31, 32, 33, 34, 35, 36, 37, 38];
export const FIRST: Record<string, (string | number)[][]> = {
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

export const EXPECTED_FIRST = [
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

export async function daily(db: Db, dir: string, full = false) {
  await syncDirectory(db, { source: dir });
  await recomputeColours(db, { workers: 0 });
  return runDetectors(db, { now: NOW, full });
}

export function evidence(db: Db): Map<string, Evidence & { person: string }> {
  const rows = db.prepare('SELECT person_id, evidence_key, evidence FROM cases').all() as {
    person_id: string;
    evidence_key: string;
    evidence: string;
  }[];
  return new Map(rows.map((r) => [r.evidence_key, { ...(JSON.parse(r.evidence) as Evidence), person: r.person_id }]));
}
