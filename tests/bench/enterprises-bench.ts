/**
 * The Enterprises screen at city scale (issue 14's targets): the county table and an enterprise list
 * page (< 300 ms), an enterprise page and a site's day (< 200 ms), the weekly report (< 5 s), timed
 * through the service functions the handlers call. On the colours section's city
 * (.bench/work-<N>.db) when it exists, else on a demo city of N people built here once.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/backend/db/database.ts';
import { writeDemoCity } from '../../electron/backend/demo/demo-city.ts';
import { enterpriseCountyTable } from '../../electron/backend/enterprises/county-table.ts';
import { enterpriseDetail } from '../../electron/backend/enterprises/enterprise-detail.ts';
import { enterprisePage } from '../../electron/backend/enterprises/enterprise-list.ts';
import { isoWeekDays } from '../../electron/backend/enterprises/iso-week.ts';
import { scanList } from '../../electron/backend/enterprises/scan-list.ts';
import { siteDetail, siteStats } from '../../electron/backend/enterprises/site-figures.ts';
import { staffList } from '../../electron/backend/enterprises/staff-list.ts';
import { writeWeeklyReport } from '../../electron/backend/enterprises/weekly-report.ts';
import { defaultAsOfDay } from '../../electron/backend/clock/database-clock.ts';
import { recomputeColours } from '../../electron/backend/rules/recompute.ts';
import { syncDirectory } from '../../electron/backend/sync/sync-directory.ts';
import { formatDay } from '../../shared/domain/local-date.ts';
import { BENCH_DIR, fmt } from './bench-util.ts';

export interface EnterprisesBench {
  city: number;
  database: string;
  enterprises: number;
  staff: number;
  scans: number;
  /** Median of five runs, ms (the weekly report: one run, ms). */
  ms: Record<'countyTable' | 'listPage' | 'enterprisePage' | 'siteDay' | 'weeklyReport', number>;
  /** The first reading after the data changed: the day counted (ms), before it is kept. */
  cold: Record<'enterpriseFigures' | 'siteFigures', number>;
  /** The lists behind figures (median of three, ms). */
  lists: Record<'cityScansPage' | 'cityViolations' | 'countyStaffPage' | 'cityStaffPage' | 'siteStats', number>;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(f: () => unknown, runs = 5): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

export async function runEnterprisesBench(city: number, log: (line: string) => void): Promise<EnterprisesBench> {
  let file = join(BENCH_DIR, `work-${city}.db`);
  if (!existsSync(file)) {
    file = join(BENCH_DIR, `enterprises-${city}.db`);
    if (!existsSync(file)) {
      log(`enterprises: building a demo city of ${fmt(city)} people, 14 days, into ${file}`);
      const demo = await writeDemoCity({ out: join(BENCH_DIR, `enterprises-city-${city}`), people: city, days: 14, seed: 14 });
      const db = openDatabase(file);
      await syncDirectory(db, { source: demo.dir });
      await recomputeColours(db, { workers: 2 });
      db.close();
      rmSync(demo.dir, { recursive: true, force: true });
    }
  }
  const db = openDatabase(file);
  try {
    const day = defaultAsOfDay(db);
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const busiest = db
      .prepare(
        'SELECT s.site_id FROM scans s JOIN sites st ON st.site_id = s.site_id WHERE s.day = ? GROUP BY s.site_id ORDER BY count(*) DESC LIMIT 1',
      )
      .pluck()
      .get(day) as string | undefined;
    const biggest = db.prepare('SELECT credit_code FROM staff GROUP BY credit_code ORDER BY count(*) DESC LIMIT 1').pluck().get() as
      string | undefined;
    const week = formatWeek(day);
    const days = isoWeekDays(week)!;
    const out = join(BENCH_DIR, 'weekly-report.xlsx');
    db.prepare('DELETE FROM kept_day_figures').run();
    const once = (f: () => unknown) => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    const cold = {
      enterpriseFigures: once(() => enterpriseCountyTable(db, day, null)),
      siteFigures: once(() => siteStats(db, day, { county: null })),
    };
    const lists = {
      siteStats: await time(() => siteStats(db, day, { county: null })),
      cityScansPage: await time(() => scanList(db, day, { county: null, filter: 'all' }, 0, 50), 3),
      cityViolations: await time(() => scanList(db, day, { county: null, filter: 'violation' }, 0, 50), 3),
      countyStaffPage: await time(() => staffList(db, day, { county: '371602' }, 0, 50), 3),
      cityStaffPage: await time(() => staffList(db, day, { county: null }, 0, 50), 3),
    };
    const ms = {
      countyTable: await time(() => enterpriseCountyTable(db, day, null)),
      listPage: await time(() => enterprisePage(db, day, { county: null, sort: 'red_yellow' }, 0, 50)),
      enterprisePage: biggest ? await time(() => enterpriseDetail(db, biggest, day, null)) : NaN,
      siteDay: busiest ? await time(() => siteDetail(db, busiest, day, null)) : NaN,
      weeklyReport: await time(() => writeWeeklyReport(db, out, { week, ...days, county: null, generatedBy: 'bench' }), 1),
    };
    rmSync(out, { force: true });
    return {
      city,
      database: `${file} (as of ${formatDay(day)})`,
      enterprises: count('SELECT count(*) FROM enterprises'),
      staff: count('SELECT count(*) FROM staff'),
      scans: count('SELECT count(*) FROM scans'),
      ms,
      cold,
      lists,
    };
  } finally {
    db.close();
  }
}

/** The ISO week holding a day. */
function formatWeek(day: number): string {
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  const thursday = monday + 3;
  const year = Number(formatDay(thursday).slice(0, 4));
  const week1 = isoWeekDays(`${year}-W01`)!.monday;
  return `${year}-W${String(Math.floor((monday - week1) / 7) + 1).padStart(2, '0')}`;
}

export function printEnterprisesBench(r: EnterprisesBench, log: (line: string) => void): void {
  log(`\n## Enterprises (${fmt(r.city)} people: ${fmt(r.enterprises)} enterprises, ${fmt(r.staff)} staff, ${fmt(r.scans)} scans)`);
  log(`database ${r.database}`);
  log(
    `county table ${fmt(r.ms.countyTable)} ms (target < 300), list page ${fmt(r.ms.listPage)} ms (< 300), ` +
      `enterprise page ${fmt(r.ms.enterprisePage)} ms (< 200), site's day ${fmt(r.ms.siteDay)} ms (< 200), ` +
      `weekly report ${fmt(r.ms.weeklyReport)} ms (< 5,000)`,
  );
  log(
    `first reading after new data (counting the day): enterprises ${fmt(r.cold.enterpriseFigures)} ms, sites ${fmt(r.cold.siteFigures)} ms; ` +
      `kept site figures ${fmt(r.lists.siteStats)} ms`,
  );
  log(
    `lists: a page of the city's scans ${fmt(r.lists.cityScansPage)} ms, the city's violations ${fmt(r.lists.cityViolations)} ms, ` +
      `a page of a county's staff ${fmt(r.lists.countyStaffPage)} ms, of the city's ${fmt(r.lists.cityStaffPage)} ms`,
  );
}
