/**
 * What each detector has already examined: the highest import batch it covered (its watermark, in
 * the settings table). Batch ids only grow, so "rows of batches after the watermark" are exactly the
 * rows it has not seen, found through the feeds' batch_id indexes.
 */
import type { Db } from '../../db/database.ts';
import { needsFullRecompute } from '../../rules/recompute.ts';
import { getSetting, setSetting } from '../../rules/settings.ts';

/** Rows with `after < batch_id <= upTo` are new to a detector. */
export interface BatchWindow {
  after: number;
  upTo: number;
}

export const DETECTOR_NAMES = ['false_declaration', 'screenshot', 'impersonation'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

const key = (name: DetectorName) => `detectors.watermark.${name}`;

export function detectorWatermark(db: Db, name: DetectorName): number {
  return Number(getSetting(db, key(name)) ?? 0);
}

export function setDetectorWatermark(db: Db, name: DetectorName, batch: number): void {
  setSetting(db, key(name), String(batch));
}

/**
 * The batch up to which stored colours are computed: a colour comparison against a history that
 * does not yet include a batch's records would be wrong, so the screenshot detector waits for it.
 * While a full recomputation is pending (new rules, or one interrupted) the stored history is not
 * trustworthy at all: 0.
 */
export function colouredBatch(db: Db): number {
  if (needsFullRecompute(db)) return 0;
  return Number(getSetting(db, 'colours.watermark') ?? 0);
}
