/**
 * One person's code as of a date (`hcc code`, the People screen): colour, since when and county
 * from the stored history; reasons and the earliest green date from the engine on their records.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { CodeColor } from '../../../shared/domain/rules/colors.ts';
import { type Reason, evaluate } from '../../../shared/domain/rules/evaluate.ts';
import { type HistoryState, decodeHistory, stateOn } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { loadKeyAreas, loadPeople } from './load-records.ts';

export interface PersonCode {
  personId: string;
  asOf: Day;
  color: CodeColor;
  since: Day | null;
  greenEligibleOn: Day | null;
  county: string;
  reasons: Reason[];
  history: HistoryState[];
}

export function personCode(db: Db, personId: string, asOf: Day): PersonCode | null {
  const row = db.prepare('SELECT timeline FROM person_codes WHERE person_id = ?').get(personId) as { timeline: string } | undefined;
  if (!row) return null;
  const history = decodeHistory(row.timeline);
  const now = stateOn(history, asOf);
  const color = now?.color ?? 'none';
  const loaded = loadPeople(db, { kind: 'ids', ids: [personId] });
  const records = loaded.records.get(personId);
  const live = records ? evaluate(records, loadKeyAreas(db), asOf) : null;
  return {
    personId,
    asOf,
    color,
    since: color === 'none' ? null : sinceOf(history, asOf),
    greenEligibleOn: color === 'red' || color === 'yellow' ? (live?.greenEligibleOn ?? null) : null,
    county: now?.county ?? '',
    reasons: color === 'red' || color === 'yellow' ? (live?.reasons ?? []) : [],
    history: history.filter((s) => s.day <= asOf),
  };
}

/** The first day of the run of the colour held on `asOf` (county moves do not restart it). */
function sinceOf(history: readonly HistoryState[], asOf: Day): Day | null {
  let since: Day | null = null;
  let color: CodeColor | null = null;
  for (const s of history) {
    if (s.day > asOf) break;
    if (s.color !== color) {
      color = s.color;
      since = s.day;
    }
  }
  return since;
}
