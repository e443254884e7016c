/**
 * The writer of each feed. Writers mark nothing for the colours: every stored row carries its
 * batch_id, and the evaluation finds the people with new records since its last run from those.
 */
import type { FeedName } from '../../../../shared/domain/feeds/feed-schemas.ts';
import type { Db } from '../../db/database.ts';
import { newRequestToken } from '../watermarks.ts';
import { appendWriter } from './append-writer.ts';
import { checkinWriter } from './checkin-writer.ts';
import type { FeedWriter } from './feed-writer.ts';
import { statementCache } from '../../db/statement-cache.ts';
import { upsertWriter } from './upsert-writer.ts';

const keyAreasChanged = statementCache((db: Db) =>
  // A fresh token each time (watermarks.ts): a full run that started earlier does not clear it.
  db.prepare(`INSERT INTO settings (key, value) VALUES ('colours.full_recompute', ?)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
);

const WRITERS: Record<FeedName, FeedWriter> = {
  residents: upsertWriter('residents'),
  declarations: appendWriter({
    feed: 'declarations',
    columns: [
      'person_id',
      'declared_at',
      'day',
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
    ],
  }),
  checkins: checkinWriter,
  health_records: appendWriter({ feed: 'health_records', columns: ['person_id', 'recorded_at', 'status', 'day'] }),
  roaming: upsertWriter('roaming'),
  travel: appendWriter({ feed: 'travel', columns: ['person_id', 'arrived_at', 'origin_region_code', 'day', 'mode'] }),
  medical: appendWriter({ feed: 'medical', columns: ['person_id', 'occurred_at', 'kind', 'day', 'facility'] }),
  enterprises: upsertWriter('enterprises'),
  staff: appendWriter({ feed: 'staff', columns: ['credit_code', 'person_id'] }),
  sites: upsertWriter('sites'),
  scans: appendWriter({
    feed: 'scans',
    columns: ['scan_id', 'person_id', 'site_id', 'scanned_at', 'day', 'code_issued_at', 'shown_color', 'action'],
  }),
  // Key areas decide who is red for everyone who travelled: the next evaluation covers the city.
  key_areas: upsertWriter('key_areas', { onAccepted: (db) => keyAreasChanged(db).run(newRequestToken()) }),
};

export function writerFor(feed: FeedName): FeedWriter {
  return WRITERS[feed];
}
