/**
 * Evaluating one chunk of people, read-only: load their records and stored histories, run the
 * engine, and work out the writes. Runs in a worker thread for large evaluations, inline for small.
 */
import { HORIZON_DAY } from '../../../shared/domain/feeds/plausible-window.ts';
import { evaluate } from '../../../shared/domain/rules/evaluate.ts';
import { personHistory } from '../../../shared/domain/rules/person-history.ts';
import type { KeyArea } from '../../../shared/domain/rules/records.ts';
import type { Db } from '../db/database.ts';
import { type ChunkWrites, type EvaluatedPerson, diffEvaluated } from './colour-writes.ts';
import { loadPeople } from './load-records.ts';
import { type PersonScope, scopeSql } from './person-scope.ts';

export function evaluateChunk(db: Db, scope: PersonScope, keyAreas: readonly KeyArea[]): ChunkWrites {
  const loaded = loadPeople(db, scope, { checkinDays: 'needed' });
  const evaluated: EvaluatedPerson[] = [];
  for (const [id, records] of loaded.records) {
    const e = evaluate(records, keyAreas, HORIZON_DAY);
    evaluated.push({
      personId: id,
      states: personHistory(e.changes, records.declarations, loaded.residentCounty.get(id) ?? null),
      changes: e.changes,
    });
  }
  return diffEvaluated(evaluated, storedHistories(db, scope));
}

function storedHistories(db: Db, scope: PersonScope): Map<string, string> {
  const s = scopeSql(scope);
  return new Map(
    db
      .prepare(`SELECT person_id, timeline FROM person_codes WHERE ${s.sql}`)
      .raw()
      .all(...s.params) as [string, string][],
  );
}
