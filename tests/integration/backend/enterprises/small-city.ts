/**
 * A hand-built city for the Enterprises tests: three enterprises, seven people, three sites and a
 * day of scans, written as exchange files and synced as a department would deliver them. Every
 * figure of ENTERPRISES.md has a case here (see the comments on the people).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { creditCodeWithCheck } from '../../../../shared/domain/credit-code.ts';
import { feedSchema } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../../../../electron/backend/db/database.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { writeCsv } from '../../../support/csv-files.ts';
import { personId } from '../../../support/people.ts';

export const D = '2020-02-17';
/** Approved since 02-12 (in week 2020-W07), administrator known; county 滨城区. */
export const A = creditCodeWithCheck('91371602MA0000001');
/** Not approved; 滨城区. */
export const B = creditCodeWithCheck('91371602MA0000002');
/** Approved on 02-10, the approval withdrawn by a file of 02-18 (so approved as of D); 惠民县; no administrator. */
export const C = creditCodeWithCheck('91371621MA0000003');

export const P = {
  /** A: green, checked in twice on D (compliant). */
  green2: personId(1),
  /** A: green, once on D (not compliant). */
  green1: personId(2),
  /** A: yellow (fever declared 02-15): expected back some day after D. */
  yellow: personId(3),
  /** A: red (confirmed, health commission, not cleared): expected back null. */
  red: personId(4),
  /** A: never declared (no code). */
  noCode: personId(5),
  /** B: green. */
  atB: personId(6),
  /** C: green, twice on D. */
  atC: personId(7, '371621'),
};

const declaration = (id: string, at: string, county: string, fever = 0) => [id, at, county, 0, 0, 0, 0, fever, 0, 0, 0, 0];

export async function buildSmallCity(db: Db, dir: string): Promise<void> {
  const root = join(dir, 'exchange');
  const file = (feed: string, date: string, rows: (string | number)[][]) => {
    mkdirSync(join(root, feed), { recursive: true });
    writeCsv(join(root, feed, `${feed}-${date}.csv`), rows);
  };
  const people = Object.values(P);
  file('residents', '2020-02-10', [
    ['person_id', 'name', 'phone', 'county_code', 'address'],
    ...people.map((id, i) => [id, `张${'一二三四五六七'[i]}明`, `1380000${String(1000 + i)}`, id.slice(0, 6), '滨州']),
  ]);
  file('declarations', '2020-02-10', [
    feedSchema('declarations')!.columns.map((c) => c.name),
    ...people.filter((id) => id !== P.noCode).map((id) => declaration(id, '2020-02-10 09:00:00', id.slice(0, 6))),
    declaration(P.yellow, '2020-02-15 09:00:00', '371602', 1),
  ]);
  file('health_records', '2020-02-12', [
    ['person_id', 'recorded_at', 'status'],
    [P.red, '2020-02-12 10:00:00', 'confirmed'],
  ]);
  const checkin = (id: string, time: string) => [id, `${D} ${time}`, 36.5, 0];
  file('checkins', D, [
    ['person_id', 'checked_at', 'temperature', 'symptoms'],
    checkin(P.green2, '08:00:00'),
    checkin(P.green2, '18:00:00'),
    checkin(P.green1, '08:00:00'),
    checkin(P.atC, '08:10:00'),
    checkin(P.atC, '18:10:00'),
    checkin(P.yellow, '08:00:00'),
    checkin(P.yellow, '18:00:00'),
  ]);
  const enterprises = ['credit_code', 'name', 'county_code', 'industry', 'resumption_approved', 'approved_on', 'admin_name', 'admin_phone'];
  file('enterprises', '2020-02-10', [
    enterprises,
    [A, '滨州甲机械有限公司', '371602', '制造业', 1, '2020-02-12', '王管理', '13900001111'],
    [B, '滨州乙商贸有限公司', '371602', '批发零售', 0, '', '', ''],
    [C, '惠民丙纺织有限公司', '371621', '制造业', 1, '2020-02-10', '', ''],
  ]);
  file('enterprises', '2020-02-18', [enterprises, [C, '惠民丙纺织有限公司', '371621', '制造业', 0, '', '', '']]);
  file('staff', '2020-02-10', [
    ['credit_code', 'person_id'],
    ...[P.green2, P.green1, P.yellow, P.red, P.noCode].map((id) => [A, id]),
    [B, P.atB],
    [C, P.atC],
  ]);
  file('sites', '2020-02-10', [
    ['site_id', 'name', 'kind', 'county_code', 'lat', 'lon', 'credit_code'],
    ['S1', '甲公司大门', 'enterprise', '371602', 37.38, 117.97, A],
    ['S2', '乙公司大门', 'enterprise', '371602', 37.38, 117.97, B],
    ['S3', '惠民卡口', 'checkpoint', '371621', 37.48, 117.5, ''],
  ]);
  const scan = (id: string, person: string, site: string, time: string, shown: string, action: string, issued = time) => [
    id,
    person,
    site,
    `${D} ${time}`,
    `${D} ${issued}`,
    shown,
    action,
  ];
  file('scans', D, [
    ['scan_id', 'person_id', 'site_id', 'scanned_at', 'code_issued_at', 'shown_color', 'action'],
    scan('K1', P.green2, 'S1', '08:05:00', 'green', 'pass'),
    // A yellow person let through on a green screenshot: yellow_passed.
    scan('K2', P.yellow, 'S1', '08:06:00', 'green', 'pass'),
    scan('K3', P.red, 'S1', '08:07:00', 'red', 'deny'),
    // Any pass at an enterprise not approved: not_approved.
    scan('K4', P.atB, 'S2', '09:00:00', 'green', 'pass'),
    // A code issued ten minutes before the scan: stale (validity 5 minutes).
    scan('K5', P.atC, 'S3', '10:00:00', 'green', 'pass', '09:50:00'),
    // A red person let through: red_passed.
    scan('K6', P.red, 'S3', '10:30:00', 'red', 'pass'),
  ]);
  await syncDirectory(db, { source: root });
  await recomputeColours(db, { workers: 0 });
}
