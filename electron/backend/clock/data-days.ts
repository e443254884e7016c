/**
 * How far the data reaches: the latest date of each dated feed and of the enforcement decisions.
 * The database clock (database-clock.ts) and the dashboard both read it.
 */
import type { FeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import { type Day, dayOfInstant } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';

/**
 * The latest date the data reaches: the feeds' latest records and the enforcement decisions (a
 * decision made today is data too: it turns a code red today, and the dashboard must show it).
 */
export function latestDataDay(db: Db): Day | null {
  const days = freshnessDays(db);
  const latest = Object.values(days).filter((d): d is Day => d !== null && d !== undefined);
  const caseTimes = ['decided_at', 'revoked_at', 'closed_at'].map(
    (c) => (db.prepare(`SELECT max(${c}) AS t FROM cases`).get() as { t: number | null }).t,
  );
  for (const t of caseTimes) if (t !== null) latest.push(dayOfInstant(t));
  return latest.length ? Math.max(...latest) : null;
}

/**
 * The latest date each dated feed reaches. Reading it costs 20 ms at 4 million residents (roaming has
 * no index on its dates), so it is remembered until the data may have changed: another connection
 * (a sync's worker) committed, or this one changed rows.
 */
const freshnessCache = new WeakMap<Db, { version: number; days: Partial<Record<FeedName, Day | null>> }>();

export function freshnessDays(db: Db): Partial<Record<FeedName, Day | null>> {
  const version =
    (db.pragma('data_version', { simple: true }) as number) * 1e9 + (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const cached = freshnessCache.get(db);
  if (cached && cached.version === version) return cached.days;
  const days = readFreshnessDays(db);
  freshnessCache.set(db, { version, days });
  return days;
}

function readFreshnessDays(db: Db): Partial<Record<FeedName, Day | null>> {
  const max = (sql: string) => (db.prepare(sql).get() as { d: number | null }).d;
  const roaming = max('SELECT max(coalesce(last_seen, first_seen)) AS d FROM roaming');
  return {
    declarations: max('SELECT max(day) AS d FROM declarations'),
    checkins: max('SELECT max(day) AS d FROM checkins'),
    health_records: max('SELECT max(day) AS d FROM health_records'),
    roaming: roaming === null ? null : dayOfInstant(roaming),
    travel: max('SELECT max(day) AS d FROM travel'),
    medical: max('SELECT max(day) AS d FROM medical'),
    scans: max('SELECT max(day) AS d FROM scans'),
  };
}
