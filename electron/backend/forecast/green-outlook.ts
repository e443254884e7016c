/**
 * Each red or yellow person's outlook as of a day D: the earliest green date the rules engine gives
 * on the records dated D or earlier (evaluate.ts: greenEligibleOn), or none while an ongoing
 * condition holds them (INTERPRETATIONS.greenForecast). The colour and county on D come from the
 * stored history, so the people counted are exactly the red and yellow of the dashboard's cards.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import { evaluate } from '../../../shared/domain/rules/evaluate.ts';
import { decodeHistory, stateOn } from '../../../shared/domain/rules/person-history.ts';
import type { Db } from '../db/database.ts';
import { loadKeyAreas, loadPeople } from '../rules/load-records.ts';

export interface RedYellowPerson {
  personId: string;
  /** The county of their code on D. */
  county: string;
}

export interface GreenOutlook extends RedYellowPerson {
  /** The earliest green date if their days stay normal; null: held by an ongoing condition. */
  eligibleOn: Day | null;
}

/** People loaded and evaluated at a time: bounds the memory of a city's red and yellow. */
const CHUNK_PEOPLE = 20_000;

const RED_OR_YELLOW: ReadonlySet<string> = new Set(['red', 'yellow']);

/**
 * Everyone red or yellow on `day`. Only people in episode_people have ever been red or yellow, so
 * only their histories are read: CROSS JOIN keeps episode_people the outer loop, which the planner
 * would otherwise swap for a walk of every history when the tables' statistics say so.
 */
export function redYellowOn(db: Db, day: Day): RedYellowPerson[] {
  const rows = db
    .prepare('SELECT e.person_id, p.timeline FROM episode_people e CROSS JOIN person_codes p ON p.person_id = e.person_id')
    .raw()
    .iterate() as Iterable<[string, string]>;
  const out: RedYellowPerson[] = [];
  for (const [personId, timeline] of rows) {
    const state = stateOn(decodeHistory(timeline), day);
    if (state && RED_OR_YELLOW.has(state.color)) out.push({ personId, county: state.county });
  }
  return out;
}

/** The outlook of each person as of `day`, from the engine on their records (records after `day` do not count). */
export function greenOutlooks(db: Db, people: readonly RedYellowPerson[], day: Day): GreenOutlook[] {
  const keyAreas = loadKeyAreas(db);
  const out: GreenOutlook[] = [];
  for (let i = 0; i < people.length; i += CHUNK_PEOPLE) {
    const chunk = people.slice(i, i + CHUNK_PEOPLE);
    const loaded = loadPeople(db, { kind: 'ids', ids: chunk.map((p) => p.personId) }, { checkinDays: 'needed' });
    for (const p of chunk) {
      const records = loaded.records.get(p.personId);
      out.push({ ...p, eligibleOn: records ? evaluate(records, keyAreas, day).greenEligibleOn : null });
    }
  }
  return out;
}
