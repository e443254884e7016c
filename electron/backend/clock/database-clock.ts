/**
 * One clock (issue 11 §5). The service layer takes its time from the database: a real database runs
 * on the wall clock; a demo database runs on the demo's clock, which starts on the demo data's last
 * day when the demo is loaded and moves with real time from then. Decisions, cases, imports and
 * the default date of every screen and command then fall inside the data's timeline, so the
 * dashboard, `hcc` and the briefing agree on one day.
 *
 * Interpretation: the demo clock starts at DEMO_CLOCK_START_HOUR on the last data day (an office
 * morning), so a demo session has most of a day before its clock reaches the next, empty day.
 * Security records that are about real time (sessions, sign-in limits, download expiry) keep the
 * wall clock.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Day, dayOfInstant, dayStartInstant, parseDay } from '../../../shared/domain/local-date.ts';
import { TRUTH_FILE } from '../demo/demo-city.ts';
import type { Db } from '../db/database.ts';
import { statementCache } from '../db/statement-cache.ts';
import { latestDataDay } from './data-days.ts';

const KEY = 'clock.demo';
export const DEMO_CLOCK_START_HOUR = 9;

interface DemoClock {
  /** The demo time at `loadedAt`. */
  anchor: number;
  /** The wall time the demo was loaded. */
  loadedAt: number;
}

const statements = statementCache((db: Db) => ({
  read: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
  write: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

function demoClock(db: Db): DemoClock | null {
  const raw = statements(db).read.get(KEY) as string | undefined;
  return raw === undefined ? null : (JSON.parse(raw) as DemoClock);
}

export function isDemoDatabase(db: Db): boolean {
  return demoClock(db) !== null;
}

/** Marks the database a demo one, its clock starting on the demo data's last day. */
export function startDemoClock(db: Db, lastDataDay: Day, wallNow: number = Date.now()): void {
  if (isDemoDatabase(db)) return;
  statements(db).write.run(
    KEY,
    JSON.stringify({ anchor: dayStartInstant(lastDataDay) + DEMO_CLOCK_START_HOUR * 3_600_000, loadedAt: wallNow } satisfies DemoClock),
  );
}

/**
 * A sync of a demo exchange directory (`hcc demo` leaves its ground truth at the top) into a
 * database that holds nothing yet makes it a demo database, before the first row arrives, so its
 * imports are dated on the demo's clock too. A later sync of the same demo keeps the running clock.
 */
export function startDemoClockForSource(db: Db, source: string, wallNow: number = Date.now()): void {
  if (isDemoDatabase(db)) return;
  const file = join(source, TRUTH_FILE);
  if (!existsSync(file)) return;
  let truth: unknown;
  try {
    truth = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  startDemoClockFromTruth(db, truth, wallNow);
}

/**
 * The same from the demo's ground truth (`{ start, days }`) wherever it was found: a demo exchange
 * database carries it in its schema's comment (`hcc demo --pg`).
 */
export function startDemoClockFromTruth(db: Db, truth: unknown, wallNow: number = Date.now()): void {
  if (isDemoDatabase(db) || typeof truth !== 'object' || truth === null) return;
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM import_batches)').pluck().get() === 1) return;
  const t = truth as { start?: unknown; days?: unknown };
  const start = typeof t.start === 'string' ? parseDay(t.start) : null;
  if (start === null || typeof t.days !== 'number' || !Number.isInteger(t.days) || t.days < 1) return;
  startDemoClock(db, start + t.days - 1, wallNow);
}

/** The database's clock: the demo's for a demo database, else the wall clock. */
export function databaseClock(db: Db, wall: () => number = Date.now): () => number {
  return () => {
    const demo = demoClock(db);
    return demo === null ? wall() : demo.anchor + (wall() - demo.loadedAt);
  };
}

/**
 * The date every screen and command shows when none is asked for: the latest day the data
 * reaches, but never after today on the database's clock (an empty database: today).
 */
export function defaultAsOfDay(db: Db, now: () => number = databaseClock(db)): Day {
  const today = dayOfInstant(now());
  const latest = latestDataDay(db);
  return latest === null ? today : Math.min(latest, today);
}
