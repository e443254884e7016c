/**
 * 企业复工 for a date: per county, the enterprises approved to resume (as the market-regulation
 * register stood at the end of that day) and their staff by the colour of their code that day.
 * Green staff may return to work, yellow go to home quarantine, red to central quarantine.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { type Day, dayStartInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { TOTAL_CODE } from '../rules/county-stats.ts';

export interface EnterpriseCountyRow {
  county_code: string;
  county_name: string;
  /** Enterprises approved to resume. */
  approved: number;
  /** Their staff (a person on two enterprises' lists counts for each). */
  staff: number;
  red: number;
  yellow: number;
  green: number;
  /** Staff without a code that day. */
  no_code: number;
}

/** The register as of a moment: the current version if it is older, else the newest older one in history. */
function approvedEnterprises(db: Db, end: number): Map<string, string> {
  const approved = new Map<string, string>();
  const older = db.prepare(
    'SELECT county_code, resumption_approved FROM enterprises_history WHERE credit_code = ? AND version_time < ? ORDER BY version_time DESC, id DESC LIMIT 1',
  );
  const current = db.prepare('SELECT credit_code, county_code, resumption_approved, version_time FROM enterprises').all() as {
    credit_code: string;
    county_code: string | null;
    resumption_approved: number | null;
    version_time: number;
  }[];
  for (const e of current) {
    const v =
      e.version_time < end
        ? e
        : (older.get(e.credit_code, end) as { county_code: string | null; resumption_approved: number | null } | undefined);
    if (v && v.resumption_approved === 1) approved.set(e.credit_code, v.county_code ?? '');
  }
  return approved;
}

/**
 * The colour letter on a day from a stored history ("day,colour,county[,reason];…", days
 * ascending), without decoding the whole history: this runs once per member of staff.
 */
export function colourLetterOn(timeline: string | null, day: Day): string {
  if (!timeline) return 'n';
  let letter = 'n';
  let start = 0;
  while (start < timeline.length) {
    const comma = timeline.indexOf(',', start);
    if (comma < 0) break;
    if (Number(timeline.slice(start, comma)) > day) break;
    letter = timeline.charAt(comma + 1);
    const next = timeline.indexOf(';', comma);
    if (next < 0) break;
    start = next + 1;
  }
  return letter;
}

export function enterpriseStaff(db: Db, day: Day): EnterpriseCountyRow[] {
  const approved = approvedEnterprises(db, dayStartInstant(day + 1));
  const row = (code: string, name: string): EnterpriseCountyRow => ({
    county_code: code,
    county_name: name,
    approved: 0,
    staff: 0,
    red: 0,
    yellow: 0,
    green: 0,
    no_code: 0,
  });
  const rows = new Map(COUNTIES.map((c) => [c.code, row(c.code, c.name)]));
  const total = row(TOTAL_CODE, '全市');
  const targets = (county: string) => (rows.has(county) ? [rows.get(county)!, total] : [total]);
  for (const county of approved.values()) for (const t of targets(county)) t.approved++;
  // Staff in person order: each history lookup then lands next to the previous one (0.5 s for a
  // million staff at 4 million residents, against 1.5 s in enterprise order).
  const staff = db
    .prepare('SELECT s.credit_code, p.timeline FROM staff s INDEXED BY staff_person LEFT JOIN person_codes p ON p.person_id = s.person_id')
    .raw();
  for (const [code, timeline] of staff.iterate() as Iterable<[string, string | null]>) {
    const county = approved.get(code);
    if (county === undefined) continue;
    const letter = colourLetterOn(timeline, day);
    for (const t of targets(county)) {
      t.staff++;
      if (letter === 'r') t.red++;
      else if (letter === 'y') t.yellow++;
      else if (letter === 'g') t.green++;
      else t.no_code++;
    }
  }
  return [...rows.values(), total];
}
