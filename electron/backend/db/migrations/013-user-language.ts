/**
 * Migration 13: each user's language (issue 16). The language switch was kept by the browser or the
 * machine, so two officers sharing a desk computer kept switching it for each other, and a user's
 * choice did not follow them to another seat. NULL: never chosen (the console's Chinese).
 *
 * A step in code, not a script: the earlier steps can run again on a database whose user_version
 * was set back (they create only what is missing), and adding a column twice would instead stop such
 * a database from opening.
 */
import type { Migration } from './migration.ts';

export const migration013: Migration = {
  version: 13,
  name: 'user language',
  up(db) {
    const columns = db.prepare('PRAGMA table_info(users)').all() as { name: string }[];
    if (columns.some((c) => c.name === 'language')) return;
    db.exec("ALTER TABLE users ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('zh', 'en'))");
  },
};
