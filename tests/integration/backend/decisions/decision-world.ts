/**
 * A console database with people and cases moved the way the credit staff move them (the real
 * moveCase), for the decision outbox's tests: every outcome it makes is a real one.
 */
import { join } from 'node:path';
import type { CaseMove } from '../../../../shared/domain/cases.ts';
import { type Db, openDatabase } from '../../../../electron/backend/db/database.ts';
import { flagCase, moveCase } from '../../../../electron/backend/enforcement/cases.ts';
import { personId } from '../../../support/people.ts';

/** 2020-02-14 10:00 in Binzhou, and every later move a minute on. */
export const T0 = Date.parse('2020-02-14T10:00:00+08:00');

export interface DecisionWorld {
  db: Db;
  file: string;
  /** The people's full IDs (what must never show in a log or on a screen). */
  people: string[];
  /** A new case about person n, reviewed; returns its id. */
  reviewed(n: number): number;
  move(id: number, move: CaseMove): void;
  /** A case walked through `moves` after review. */
  walked(n: number, moves: readonly CaseMove[]): number;
}

export function decisionWorld(dir: string, people = 5): DecisionWorld {
  const file = join(dir, 'console.db');
  const db = openDatabase(file);
  const ids = Array.from({ length: people }, (_, i) => personId(i + 1));
  const resident = db.prepare(
    "INSERT INTO residents (person_id, name, phone, county_code, address, version_time, batch_id) VALUES (?, '张三', NULL, '371602', NULL, 0, 1)",
  );
  for (const id of ids) resident.run(id);
  let clock = T0;
  let reports = 0;
  const tick = () => (clock += 60_000);
  const world: DecisionWorld = {
    db,
    file,
    people: ids,
    reviewed(n) {
      const id = flagCase(db, {
        personId: ids[n % ids.length]!,
        behavior: 'other',
        reason: `群众举报 ${++reports}`,
        role: 'officer',
        user: 'ofc',
        at: tick(),
      });
      world.move(id, 'review');
      return id;
    },
    move(id, move) {
      moveCase(db, { id, move, role: 'credit', user: 'cre', reason: `${move}：依据材料`, at: tick() });
    },
    walked(n, moves) {
      const id = world.reviewed(n);
      for (const m of moves) world.move(id, m);
      return id;
    },
  };
  return world;
}
