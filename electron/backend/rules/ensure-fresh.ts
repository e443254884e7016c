import type { Db } from '../db/database.ts';
import { type RecomputeResult, isColourStateFresh, recomputeColours } from './recompute.ts';

/** Brings the stored colours up to date before they are read; a no-op when nothing changed. */
export async function ensureColoursFresh(db: Db): Promise<RecomputeResult | null> {
  return isColourStateFresh(db) ? null : recomputeColours(db);
}
