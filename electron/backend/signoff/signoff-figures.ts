/**
 * A county's figures of a day, as a sign-off holds them: read by the very function the briefing
 * and its preview read (briefingFigures, for that county alone), so what an officer signs is what the
 * briefing prints for their county, and a later difference is a difference in the briefing.
 */
import type { SignoffFigures } from '../../../shared/domain/county-signoff.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import { briefingFigures } from '../briefing/briefing-data.ts';
import type { Db } from '../db/database.ts';

export function countySignoffFigures(db: Db, day: Day, county: string): SignoffFigures {
  // A one-day trend: its one point is the day's transitions, as the briefing's 概况 reads them.
  const f = briefingFigures(db, day, day, county);
  const k = f.summary.kpis;
  const t = f.summary.trend.at(-1);
  return {
    holders: k.total,
    red: k.red,
    yellow: k.yellow,
    green: k.green,
    noCode: k.noCode,
    turnedRed: t?.turnedRed ?? 0,
    turnedYellow: t?.turnedYellow ?? 0,
    turnedGreen: t?.turnedGreen ?? 0,
    newCodes: t?.newCodes ?? 0,
    newSuspicions: f.enforcement.newSuspicions,
    decisions: f.enforcement.decisions,
    revocations: f.enforcement.revocations,
    openCases: f.enforcement.openCases,
    changes: f.changes,
    notices: f.notices,
  };
}
