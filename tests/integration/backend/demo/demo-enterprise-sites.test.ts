import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../../../electron/backend/db/database.ts';
import { openDatabase } from '../../../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../../../electron/backend/demo/demo-city.ts';
import { planCity } from '../../../../electron/backend/demo/demo-plan.ts';
import { enterpriseCountyTable } from '../../../../electron/backend/enterprises/county-table.ts';
import { scanList } from '../../../../electron/backend/enterprises/scan-list.ts';
import { siteStats } from '../../../../electron/backend/enterprises/site-figures.ts';
import { recomputeColours } from '../../../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../../../electron/backend/sync/sync-directory.ts';
import { isValidCreditCode } from '../../../../shared/domain/credit-code.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const PEOPLE = 3000;
const DAYS = 7;
const tempDir = useTempDir();

interface EnterpriseRow {
  credit_code: string;
  resumption_approved: number;
  approved_on: number | null;
  admin_name: string | null;
  admin_phone: string | null;
}
interface SiteRow {
  site_id: string;
  kind: string;
  credit_code: string | null;
}

describe('demo city: enterprises, their administrators and works gates', () => {
  let db: Db;
  let enterprises: EnterpriseRow[];
  let sites: SiteRow[];

  beforeAll(async () => {
    const dir = tempDir();
    const city = await writeDemoCity({ out: join(dir, 'city'), people: PEOPLE, days: DAYS, seed: 3 });
    db = openDatabase(join(dir, 'c.db'));
    const sync = await syncDirectory(db, { source: city.dir });
    expect(sync.status).toBe('done');
    expect(sync.feeds.enterprises!.rejected).toBe(0);
    enterprises = db
      .prepare('SELECT credit_code, resumption_approved, approved_on, admin_name, admin_phone FROM enterprises')
      .all() as EnterpriseRow[];
    sites = db.prepare('SELECT site_id, kind, credit_code FROM sites').all() as SiteRow[];
    await recomputeColours(db, { workers: 0 });
  });

  test('the return to work has every figure: staff without a code, check-ins short of twice, entry scans, site violations', () => {
    const start = planCity({ people: PEOPLE, days: DAYS, seed: 3, start: '2020-02-10' }).startDay;
    const last = start + DAYS - 1;
    const city = enterpriseCountyTable(db, last, null).total;
    expect(city.staff).toBeGreaterThan(PEOPLE * 0.2);
    expect(city.noCode).toBeGreaterThan(0);
    // Lax enterprises and missed check-ins: compliance realistic, neither perfect nor poor.
    expect(city.complianceRate!).toBeGreaterThan(0.7);
    expect(city.complianceRate!).toBeLessThan(0.97);
    expect(city.passes).toBeGreaterThan(city.staff * 0.3);
    let violations = 0;
    const kinds = new Set<string>();
    for (let day = start; day <= last; day++) {
      const v = scanList(db, day, { county: null, filter: 'violation' }, 0, 1000);
      violations += v.total;
      for (const r of v.rows) kinds.add(r.violation!);
    }
    expect(violations).toBeGreaterThan(0);
    expect(kinds.has('not_approved')).toBe(true);
  });

  test('red staff at an open gate are turned away, one a day let through; staff without a code are turned away', () => {
    const plan = planCity({ people: PEOPLE, days: DAYS, seed: 3, start: '2020-02-10' });
    const redDays = plan.gates.redByDay.flatMap((people, d) => (people.length > 0 ? [plan.startDay + d] : []));
    expect(redDays.length).toBeGreaterThan(0);
    let redPassed = 0;
    let shownRedDenied = 0;
    let noCodeDenied = 0;
    for (const day of redDays) {
      const stats = siteStats(db, day, { county: null });
      expect(stats.total.shownRed).toBeGreaterThan(0);
      redPassed += scanList(db, day, { county: null, filter: 'violation' }, 0, 1000).rows.filter(
        (r) => r.violation === 'red_passed',
      ).length;
      const denied = scanList(db, day, { county: null, filter: 'deny' }, 0, 1000).rows;
      shownRedDenied += denied.filter((r) => r.shownColor === 'red' && r.colorAtScan === 'red').length;
      noCodeDenied += denied.filter((r) => r.shownColor === null && r.colorAtScan === null).length;
    }
    expect(redPassed).toBeGreaterThanOrEqual(1);
    expect(shownRedDenied + redPassed).toBeGreaterThan(0);
    expect(noCodeDenied).toBeGreaterThan(0);
  });

  test('approved enterprises carry an approval date spread before and during the demo; others none', () => {
    const start = planCity({ people: PEOPLE, days: DAYS, seed: 3, start: '2020-02-10' }).startDay;
    const approved = enterprises.filter((e) => e.resumption_approved === 1);
    expect(approved.length).toBeGreaterThan(enterprises.length / 2);
    for (const e of enterprises) expect(e.approved_on === null, e.credit_code).toBe(e.resumption_approved !== 1);
    const offsets = approved.map((e) => e.approved_on! - start);
    expect(Math.min(...offsets)).toBeLessThan(-7);
    expect(Math.max(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(DAYS);
  });

  test('most enterprises name a DingTalk administrator with a mobile number, some none', () => {
    const named = enterprises.filter((e) => e.admin_name !== null);
    const missing = enterprises.length - named.length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(enterprises.length * 0.25);
    for (const e of named) expect(e.admin_phone).toMatch(/^1[3-9]\d{9}$/);
    for (const e of enterprises) expect(e.admin_phone === null).toBe(e.admin_name === null);
    expect(new Set(named.map((e) => e.admin_phone)).size).toBe(named.length);
  });

  test('works gates are enterprise sites of existing enterprises: every approved one, a few not approved', () => {
    const byCode = new Map(enterprises.map((e) => [e.credit_code, e]));
    const gates = sites.filter((s) => s.credit_code !== null);
    for (const g of gates) {
      expect(g.kind).toBe('enterprise');
      expect(isValidCreditCode(g.credit_code!)).toBe(true);
      expect(byCode.has(g.credit_code!), g.site_id).toBe(true);
    }
    const gated = new Set(gates.map((g) => g.credit_code));
    for (const e of enterprises) if (e.resumption_approved === 1) expect(gated.has(e.credit_code), e.credit_code).toBe(true);
    const notApprovedGated = enterprises.filter((e) => e.resumption_approved !== 1 && gated.has(e.credit_code));
    expect(notApprovedGated.length).toBeGreaterThan(0);
    // The general sites keep no credit code.
    expect(sites.filter((s) => s.credit_code === null).length).toBeGreaterThanOrEqual(20);
  });

  test('in a larger city only a few not-approved enterprises have a gate, and some approved ones two', () => {
    const plan = planCity({ people: 40_000, days: DAYS, seed: 3, start: '2020-02-10' });
    const gates = new Map<string, number>();
    for (const s of plan.enterpriseSites) gates.set(s.creditCode!, (gates.get(s.creditCode!) ?? 0) + 1);
    const notApproved = plan.enterprises.enterprises.filter((e) => !e.approved);
    const share = notApproved.filter((e) => gates.has(e.creditCode)).length / notApproved.length;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.3);
    const twoGates = plan.enterprises.enterprises.filter((e) => gates.get(e.creditCode) === 2).length;
    expect(twoGates).toBeGreaterThan(0);
    expect(new Set(plan.enterpriseSites.map((s) => s.id)).size).toBe(plan.enterpriseSites.length);
  });
});
