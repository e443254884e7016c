/**
 * An enterprise's staff expected back by date (issue 17, the enterprise page): of its members on
 * the list by D who are red or yellow on D, how many can turn green on each of the next 14 days if
 * their days stay normal, and how many an ongoing condition holds. A page's staff are few, so they
 * are evaluated on demand: the same engine and counting as the county forecast (forecast/green-forecast.ts).
 */
import type { ExpectedGreens } from '../../../shared/contract/forecast.ts';
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { expectedGreens, tallyOutlooks } from '../forecast/green-forecast.ts';
import { greenOutlooks } from '../forecast/green-outlook.ts';
import { colourLetterOn } from './colour-letter.ts';
import { type Member, listedBy } from './staff-tally.ts';

export function staffExpectedBack(db: Db, members: readonly Member[], day: Day): ExpectedGreens {
  const people = members
    .filter((m) => listedBy(m, day) && ['r', 'y'].includes(colourLetterOn(m.timeline, day)))
    // One enterprise's count: the county does not matter here.
    .map((m) => ({ personId: m.personId, county: '' }));
  return expectedGreens(tallyOutlooks(greenOutlooks(db, people, day), day), day, null);
}
