/**
 * Each person's scans in time order, as far as the impersonation rules need them: the lists in which
 * every pair of consecutive scans that involves a new scan, and could break a rule, is consecutive.
 *
 * No pair further apart than the horizon can break a rule (the farthest two sites of the register
 * at the highest allowed speed, or the minimum gap if longer). So a daily run needs only the new
 * scans and the older scans within the horizon of them, found by local date through the scans_day
 * index; grouping them by person happens in memory, which at city scale (1.8 million scans a day)
 * is several times faster than asking SQLite to sort them. A full run streams the whole table in
 * person order from the scans_person index instead, in constant memory.
 */
import { dayOfInstant } from '../../../../shared/domain/local-date.ts';
import type { Db } from '../../db/database.ts';
import type { BatchWindow } from './batch-window.ts';

export interface PooledScan {
  /** The scans table's rowid: the scan_id text is read only for the few pairs that are flagged. */
  rowid: number;
  site: string;
  at: number;
  batch: number;
}

type Row = [string, number, string, number, number];

/** Above this many new scans the in-memory grouping could use too much memory: stream instead. */
const MAX_IN_MEMORY = 4_000_000;

/** Calls `visit` with each person's scans (sorted by time, then rowid) that can form a pair. */
export function visitScanLists(
  db: Db,
  w: BatchWindow,
  horizonMs: number,
  streamAll: boolean,
  visit: (personId: string, scans: PooledScan[]) => void,
): number {
  const newScans = (
    db.prepare('SELECT count(*) AS n FROM scans WHERE batch_id > ? AND batch_id <= ?').get(w.after, w.upTo) as { n: number }
  ).n;
  if (streamAll || newScans > MAX_IN_MEMORY) {
    streamInPersonOrder(db, w, visit);
    return newScans;
  }
  // Parallel arrays and a person → first scan map: no object per scan (most people scan once a
  // day and never form a pair); only people with two or more scans get a list.
  const rowids: number[] = [];
  const sitesOf: string[] = [];
  const ats: number[] = [];
  const batches: number[] = [];
  const first = new Map<string, number>();
  const lists = new Map<string, number[]>();
  const add = ([person, rowid, site, at, batch]: Row, onlyKnown: boolean) => {
    const seen = first.get(person);
    if (seen === undefined && onlyKnown) return;
    const i = rowids.push(rowid) - 1;
    sitesOf.push(site);
    ats.push(at);
    batches.push(batch);
    if (seen === undefined) first.set(person, i);
    else if (lists.has(person)) lists.get(person)!.push(i);
    else lists.set(person, [seen, i]);
  };
  // Per local date, the time span of the new scans: older scans are wanted only near them.
  const spans = new Map<number, { lo: number; hi: number }>();
  const fresh = db.prepare('SELECT person_id, id, site_id, scanned_at, batch_id FROM scans WHERE batch_id > ? AND batch_id <= ?').raw();
  for (const row of fresh.iterate(w.after, w.upTo) as Iterable<Row>) {
    add(row, false);
    const day = dayOfInstant(row[3]);
    const span = spans.get(day);
    if (!span) spans.set(day, { lo: row[3], hi: row[3] });
    else if (row[3] < span.lo) span.lo = row[3];
    else if (row[3] > span.hi) span.hi = row[3];
  }
  // +batch_id: never the batch index here, which would walk every older scan.
  const older = db
    .prepare(
      'SELECT person_id, id, site_id, scanned_at, batch_id FROM scans WHERE day BETWEEN ? AND ? AND scanned_at BETWEEN ? AND ? AND +batch_id <= ?',
    )
    .raw();
  for (const r of mergeRanges([...spans.values()].map((s) => ({ lo: s.lo - horizonMs, hi: s.hi + horizonMs })))) {
    for (const row of older.iterate(dayOfInstant(r.lo), dayOfInstant(r.hi), r.lo, r.hi, w.after) as Iterable<Row>) add(row, true);
  }
  for (const [person, list] of lists) {
    visit(person, list.map((i) => ({ rowid: rowids[i]!, site: sitesOf[i]!, at: ats[i]!, batch: batches[i]! })).sort(byTime));
  }
  return newScans;
}

function streamInPersonOrder(db: Db, w: BatchWindow, visit: (personId: string, scans: PooledScan[]) => void): void {
  let person: string | null = null;
  let list: PooledScan[] = [];
  const rows = db
    .prepare('SELECT person_id, id, site_id, scanned_at, batch_id FROM scans WHERE batch_id <= ? ORDER BY person_id, scanned_at')
    .raw();
  for (const [id, rowid, site, at, batch] of rows.iterate(w.upTo) as Iterable<Row>) {
    if (id !== person) {
      if (person !== null && list.length > 1) visit(person, list.sort(byTime));
      person = id;
      list = [];
    }
    list.push({ rowid, site, at, batch });
  }
  if (person !== null && list.length > 1) visit(person, list.sort(byTime));
}

/** Equal times in a fixed order, so the same pair gets the same evidence key on every run. */
const byTime = (a: PooledScan, b: PooledScan) => a.at - b.at || a.rowid - b.rowid;

function mergeRanges(ranges: { lo: number; hi: number }[]): { lo: number; hi: number }[] {
  const merged: { lo: number; hi: number }[] = [];
  for (const r of ranges.sort((a, b) => a.lo - b.lo)) {
    const last = merged[merged.length - 1];
    if (last && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi);
    else merged.push({ ...r });
  }
  return merged;
}
