/**
 * The market-regulation register as it stood at the end of a day: an enterprise's current version
 * if it is older than that, else the newest older one kept in history. Approval, county and
 * administrator are all read "as of D" from it, so a later approval never rewrites a past day.
 */
import { type Day, dayStartInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';

export interface EnterpriseVersion {
  creditCode: string;
  name: string | null;
  countyCode: string | null;
  industry: string | null;
  approved: boolean;
  approvedOn: Day | null;
  adminName: string | null;
  adminPhone: string | null;
}

const COLUMNS = 'credit_code, name, county_code, industry, resumption_approved, approved_on, admin_name, admin_phone';

type VersionRow = [string, string | null, string | null, string | null, number | null, number | null, string | null, string | null];

function version([creditCode, name, countyCode, industry, approved, approvedOn, adminName, adminPhone]: VersionRow): EnterpriseVersion {
  return { creditCode, name, countyCode, industry, approved: approved === 1, approvedOn, adminName, adminPhone };
}

/** Every enterprise registered by the end of `day`, as it stood then (a county narrows it, by the county of that day). */
export function registerAsOf(db: Db, day: Day, county: string | null = null): Map<string, EnterpriseVersion> {
  const end = dayStartInstant(day + 1);
  const older = db
    .prepare(
      `SELECT ${COLUMNS} FROM enterprises_history WHERE credit_code = ? AND version_time < ? ORDER BY version_time DESC, id DESC LIMIT 1`,
    )
    .raw();
  const register = new Map<string, EnterpriseVersion>();
  const current = db.prepare(`SELECT ${COLUMNS}, version_time FROM enterprises`).raw().iterate() as Iterable<[...VersionRow, number]>;
  for (const row of current) {
    const stood = row[8] < end ? (row.slice(0, 8) as VersionRow) : (older.get(row[0], end) as VersionRow | undefined);
    if (!stood) continue;
    const v = version(stood);
    if (county === null || v.countyCode === county) register.set(v.creditCode, v);
  }
  return register;
}

/** One enterprise's versions, oldest first, for reading it on several days. */
export function enterpriseVersions(db: Db, creditCode: string): { at: number; version: EnterpriseVersion }[] {
  const history = db
    .prepare(`SELECT ${COLUMNS}, version_time FROM enterprises_history WHERE credit_code = ? ORDER BY version_time, id`)
    .raw()
    .all(creditCode) as [...VersionRow, number][];
  const current = db.prepare(`SELECT ${COLUMNS}, version_time FROM enterprises WHERE credit_code = ?`).raw().get(creditCode) as
    [...VersionRow, number] | undefined;
  const all = current ? [...history, current] : history;
  return all.map((r) => ({ at: r[8], version: version(r.slice(0, 8) as VersionRow) })).sort((a, b) => a.at - b.at);
}

/** The version of `versions` that stood at the end of `day`. */
export function versionOn(versions: readonly { at: number; version: EnterpriseVersion }[], day: Day): EnterpriseVersion | null {
  const end = dayStartInstant(day + 1);
  let found: EnterpriseVersion | null = null;
  for (const v of versions) if (v.at < end) found = v.version;
  return found;
}
