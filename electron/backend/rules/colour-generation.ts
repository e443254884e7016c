/**
 * A counter that moves whenever anyone's colour history is written: what a figure counted from the
 * colours (enterprise-day-cache.ts) compares to know it is still true, without reading the histories.
 */
import type { Db } from '../db/database.ts';
import { getSetting, setSetting } from './settings.ts';

const KEY = 'colour_generation';

export function colourGeneration(db: Db): number {
  return Number(getSetting(db, KEY) ?? 0);
}

/** Inside the transaction that writes the histories, so the two commit together. */
export function bumpColourGeneration(db: Db): void {
  setSetting(db, KEY, String(colourGeneration(db) + 1));
}
