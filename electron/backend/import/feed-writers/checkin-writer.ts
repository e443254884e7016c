/**
 * Check-ins, the big feed (two per resident per day): besides the raw rows, keeps the two summaries
 * the rules read, so evaluating a city never scans every check-in:
 * - `checkin_days`: one bit per day a person checked in (block = day / 32, bit = day % 32);
 * - `abnormal_checkins`: the stored check-ins at or above the fever threshold or with symptoms.
 * Both are derived from `checkins` and follow what it stores (first version of a key wins).
 */
import { dayOfInstant } from '../../../../shared/domain/local-date.ts';
import { FEVER_THRESHOLD_C } from '../../../../shared/domain/rules/thresholds.ts';
import type { Db } from '../../db/database.ts';
import { multiRowInsert, type MultiRowInsert } from '../../db/multi-row-insert.ts';
import { type FeedWriter } from './feed-writer.ts';
import { statementCache } from '../../db/statement-cache.ts';

const statements = statementCache((db: Db) => ({
  // Both assignments read the old row, so changed_batch moves only when a new day appears.
  days: (batchId: number) =>
    multiRowInsert(
      db,
      'INSERT INTO checkin_days (block, person_id, mask, changed_batch)',
      `(?, ?, ?, ${Number(batchId)})`,
      3,
      `ON CONFLICT (block, person_id) DO UPDATE SET
         changed_batch = CASE WHEN (mask | excluded.mask) <> mask THEN excluded.changed_batch ELSE changed_batch END,
         mask = mask | excluded.mask`,
    ),
  rows: (batchId: number) =>
    multiRowInsert(
      db,
      'INSERT OR IGNORE INTO checkins (day, person_id, checked_at, temperature, symptoms, batch_id)',
      `(?, ?, ?, ?, ?, ${Number(batchId)})`,
      5,
    ),
  // Joined with what `checkins` stored, so a conflicting duplicate cannot plant a fever.
  abnormal: db.prepare(
    `INSERT OR IGNORE INTO abnormal_checkins (person_id, checked_at, day, temperature, symptoms, batch_id)
     SELECT c.person_id, c.checked_at, c.day, c.temperature, c.symptoms, c.batch_id
     FROM json_each(?) j
     JOIN checkins c ON c.day = j.value->>0 AND c.person_id = j.value->>1 AND c.checked_at = j.value->>2
     WHERE c.temperature >= ${FEVER_THRESHOLD_C} OR c.symptoms = 1`,
  ),
  touched: db.prepare('INSERT OR IGNORE INTO checkin_touched (batch_id, block) SELECT ?, value FROM json_each(?)'),
}));

/** Statements that embed the batch id are compiled once per batch, not per chunk. */
const perBatch = new WeakMap<Db, { batchId: number; rows: MultiRowInsert; days: MultiRowInsert }>();

function batchStatements(db: Db, batchId: number) {
  let s = perBatch.get(db);
  if (!s || s.batchId !== batchId) {
    s = { batchId, rows: statements(db).rows(batchId), days: statements(db).days(batchId) };
    perBatch.set(db, s);
  }
  return s;
}

/**
 * The people whose check-in days change are found later through checkin_days.changed_batch (in
 * the blocks listed in checkin_touched), so millions of check-ins need no separate "dirty" write.
 */
export const checkinWriter: FeedWriter = {
  // Values travel as typed arrays and one fixed-width string of IDs: moved between threads without
  // copying element by element, then bound straight into the statements.
  prepare(rows) {
    const n = rows.length;
    // In key order, consecutive inserts land on neighbouring B-tree pages instead of all over the day.
    const order = keyOrder(rows);
    const day = new Int32Array(n);
    const at = new Float64Array(n);
    const temperature = new Float64Array(n);
    const symptoms = new Uint8Array(n);
    const ids: string[] = new Array(n);
    const masks = new Map<string, number[]>(); // person -> [block, mask, block, mask, ...]
    const candidates: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const r = rows[order[i]!]!;
      const person = r[0] as string;
      ids[i] = person;
      at[i] = r[1] as number;
      temperature[i] = r[2] as number;
      symptoms[i] = r[3] === 1 ? 1 : 0;
      const d = dayOfInstant(at[i]!);
      day[i] = d;
      const block = d >> 5;
      const bit = 1 << (d & 31);
      const m = masks.get(person);
      if (!m) masks.set(person, [block, bit]);
      else {
        let k = 0;
        while (k < m.length && m[k] !== block) k += 2;
        if (k < m.length) m[k + 1] = m[k + 1]! | bit;
        else m.push(block, bit);
      }
      if (temperature[i]! >= FEVER_THRESHOLD_C || symptoms[i] === 1) candidates.push([d, person, at[i]]);
    }
    const blocks: number[] = [];
    const bits: number[] = [];
    const dayIds: string[] = [];
    for (const [person, m] of masks) {
      for (let k = 0; k < m.length; k += 2) {
        blocks.push(m[k]!);
        // `>>> 0` keeps bit 31 positive: SQLite integers are 64-bit, JS bit operations 32-bit signed.
        bits.push(m[k + 1]! >>> 0);
        dayIds.push(person);
      }
    }
    return {
      count: n,
      columns: {
        day,
        at,
        temperature,
        symptoms,
        ids: ids.join(''),
        blocks: Int32Array.from(blocks),
        bits: Float64Array.from(bits),
        dayIds: dayIds.join(''),
      },
      extra: { abnormal: JSON.stringify(candidates) },
    };
  },
  write(db, chunk, ctx) {
    const s = batchStatements(db, ctx.batchId);
    const c = chunk.columns as unknown as CheckinColumns;
    const n = chunk.count;
    const rowValues: unknown[] = new Array(n * 5);
    for (let i = 0; i < n; i++) {
      const o = i * 5;
      rowValues[o] = c.day[i];
      rowValues[o + 1] = c.ids.substr(i * ID_LENGTH, ID_LENGTH);
      rowValues[o + 2] = c.at[i];
      rowValues[o + 3] = c.temperature[i];
      rowValues[o + 4] = c.symptoms[i];
    }
    const accepted = s.rows.run(rowValues);
    const m = c.blocks.length;
    const dayValues: unknown[] = new Array(m * 3);
    for (let i = 0; i < m; i++) {
      dayValues[i * 3] = c.blocks[i];
      dayValues[i * 3 + 1] = c.dayIds.substr(i * ID_LENGTH, ID_LENGTH);
      dayValues[i * 3 + 2] = c.bits[i];
    }
    s.days.run(dayValues);
    statements(db).touched.run(ctx.batchId, JSON.stringify([...new Set(c.blocks)]));
    if (chunk.extra?.abnormal && chunk.extra.abnormal !== '[]') statements(db).abnormal.run(chunk.extra.abnormal);
    return { accepted, duplicates: n - accepted };
  },
};

/** Every stored person_id has 18 characters (validated), so IDs travel as one string. */
const ID_LENGTH = 18;

interface CheckinColumns {
  day: Int32Array;
  at: Float64Array;
  temperature: Float64Array;
  symptoms: Uint8Array;
  ids: string;
  blocks: Int32Array;
  bits: Float64Array;
  dayIds: string;
}

/**
 * Row positions sorted by (day, person_id, checked_at). The comparison uses numbers: the day, then
 * the ID's first 15 digits (exact in a double), and only on a tie the strings.
 */
function keyOrder(rows: readonly (readonly unknown[])[]): Uint32Array {
  const n = rows.length;
  const days = new Int32Array(n);
  const prefix = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    days[i] = dayOfInstant(rows[i]![1] as number);
    const id = rows[i]![0] as string;
    let v = 0;
    for (let k = 0; k < 15; k++) v = v * 10 + (id.charCodeAt(k) - 48);
    prefix[i] = v;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => {
    const d = days[a]! - days[b]! || prefix[a]! - prefix[b]!;
    if (d !== 0) return d;
    const pa = rows[a]![0] as string;
    const pb = rows[b]![0] as string;
    return pa < pb ? -1 : pa > pb ? 1 : (rows[a]![1] as number) - (rows[b]![1] as number);
  });
}
