/**
 * A day's figures counted from the whole city (every enterprise's staff and entry scans, every
 * site's scans), kept in the database with the stamp of the data they were counted from: every feed
 * file is an import batch and every colour write moves the colour generation, so the same stamp
 * means the same data. Counting a million staff or two million scans takes seconds at 4 million
 * residents; reading the kept figures takes milliseconds. Every screen, export, CLI command and the
 * briefing read their figures through here, so they cannot differ.
 */
import type { Day } from '../../../shared/domain/local-date.ts';
import type { Db } from '../db/database.ts';
import { colourGeneration } from '../rules/colour-generation.ts';

/** What is kept: each has its own rows. */
export type KeptFigures = 'enterprises' | 'sites';

/** The data a day's figures depend on, as one string (`extra`: a setting they depend on as well). */
export function figureStamp(db: Db, extra = ''): string {
  const batches = db.prepare('SELECT count(*), coalesce(max(id), 0) FROM import_batches').raw().get() as [number, number];
  return `${batches[0]}:${batches[1]}:${colourGeneration(db)}:${extra}`;
}

/**
 * The figures of `day`: the kept ones when their stamp is the data's, else `count()` (kept for next
 * time). `T` must survive JSON. A read-only database (a backup opened to look) just counts.
 */
export function keptDayFigures<T>(db: Db, name: KeptFigures, day: Day, extra: string, count: () => T): T {
  // One read transaction: the stamp and the count see the same snapshot, whatever a sync commits meanwhile.
  const { stamp, figures, counted } = db.transaction(() => {
    const stamp = figureStamp(db, extra);
    const kept = db.prepare('SELECT stamp, body FROM kept_day_figures WHERE name = ? AND day = ?').raw().get(name, day) as
      [string, string] | undefined;
    if (kept && kept[0] === stamp) return { stamp, figures: JSON.parse(kept[1]) as T, counted: false };
    return { stamp, figures: count(), counted: true };
  })();
  // A later commit leaves an older stamp here: the next read counts again.
  if (counted && !db.readonly) {
    db.prepare(
      `INSERT INTO kept_day_figures (name, day, stamp, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (name, day) DO UPDATE SET stamp = excluded.stamp, body = excluded.body`,
    ).run(name, day, stamp, JSON.stringify(figures));
  }
  return figures;
}
