/** A person's timeline lists every case of theirs: its opening and each move, dated when it happened. */
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/backend/db/database.ts';
import { flagCase, moveCase } from '../../../../electron/backend/enforcement/cases.ts';
import { personTimeline } from '../../../../electron/backend/people/person-timeline.ts';
import { parseDay } from '../../../../shared/domain/local-date.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const PERSON = '371602199001011234';
const OTHER = '371602198505054321';
const at = (iso: string) => Date.parse(`${iso}+08:00`);
let db: Db | null = null;
afterEach(() => db?.close());

function world(): Db {
  db = openDatabase(join(tempDir(), 'console.db'));
  const resident = db.prepare(
    'INSERT INTO residents (person_id, name, phone, county_code, address, version_time, batch_id) VALUES (?, ?, ?, ?, ?, 0, 1)',
  );
  resident.run(PERSON, '张三', '13800001111', '371602', null);
  resident.run(OTHER, '李四', null, '371602', null);
  return db;
}

describe('cases on the person timeline', () => {
  test('a decided, appealed and revoked case and a dismissed one: every step, masked, up to the as-of date', () => {
    const d = world();
    const move = (id: number, m: Parameters<typeof moveCase>[1]['move'], when: string) =>
      moveCase(d, { id, move: m, role: 'credit', user: 'cre', reason: `核实 ${OTHER} 的举报`, at: at(when) });
    // The reasons quote an ID number: it must not reach the timeline.
    const decided = flagCase(d, {
      personId: PERSON,
      behavior: 'impersonation',
      reason: `冒用 ${OTHER} 的健康码`,
      role: 'officer',
      user: 'ofc',
      at: at('2020-02-10T09:00:00'),
    });
    move(decided, 'review', '2020-02-10T10:00:00');
    move(decided, 'decide', '2020-02-11T10:00:00');
    move(decided, 'appeal', '2020-02-13T10:00:00');
    move(decided, 'revoke', '2020-02-14T10:00:00');
    const dismissed = flagCase(d, {
      personId: PERSON,
      behavior: 'other',
      reason: '群众举报',
      role: 'officer',
      user: 'ofc',
      at: at('2020-02-12T08:00:00'),
    });
    move(dismissed, 'review', '2020-02-12T09:00:00');
    move(dismissed, 'dismiss', '2020-02-12T11:00:00');
    flagCase(d, {
      personId: OTHER,
      behavior: 'other',
      reason: '另一人的案件',
      role: 'officer',
      user: 'ofc',
      at: at('2020-02-12T08:00:00'),
    });

    const cases = (asOf: string) => personTimeline(d, PERSON, [], parseDay(asOf)!).filter((e) => e.kind === 'case');
    const all = cases('2020-02-20');
    expect(all.map((e) => [e.day, e.detail.case, e.detail.event])).toEqual([
      ['2020-02-14', decided, 'revoke'],
      ['2020-02-13', decided, 'appeal'],
      ['2020-02-12', dismissed, 'dismiss'],
      ['2020-02-12', dismissed, 'review'],
      ['2020-02-12', dismissed, 'opened'],
      ['2020-02-11', decided, 'decide'],
      ['2020-02-10', decided, 'review'],
      ['2020-02-10', decided, 'opened'],
    ]);
    expect(all.find((e) => e.detail.event === 'opened' && e.detail.case === decided)?.detail).toEqual({
      event: 'opened',
      case: decided,
      behavior: 'impersonation',
      state: 'revoked',
    });
    expect(all.find((e) => e.detail.event === 'dismiss')?.at).toBe(at('2020-02-12T11:00:00'));
    expect(JSON.stringify(all)).not.toMatch(/\d{17}[\dX]|举报|核实/);

    // On an earlier day: only what had happened, and the state the case had then.
    const early = cases('2020-02-11');
    expect(early.map((e) => e.detail.event)).toEqual(['decide', 'review', 'opened']);
    expect(early.find((e) => e.detail.event === 'opened')?.detail.state).toBe('decided');
  });

  test('a suspicion that is still open shows as opened and suspected', () => {
    const d = world();
    const id = flagCase(d, {
      personId: PERSON,
      behavior: 'screenshot',
      reason: '出示截图',
      role: 'officer',
      user: 'ofc',
      at: at('2020-02-15T09:00:00'),
    });
    expect(personTimeline(d, PERSON, [], parseDay('2020-02-15')!)).toEqual([
      {
        day: '2020-02-15',
        at: at('2020-02-15T09:00:00'),
        kind: 'case',
        detail: { event: 'opened', case: id, behavior: 'screenshot', state: 'suspected' },
      },
    ]);
    expect(personTimeline(d, PERSON, [], parseDay('2020-02-14')!)).toEqual([]);
  });
});
