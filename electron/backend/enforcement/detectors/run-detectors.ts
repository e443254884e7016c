/**
 * Runs the three detectors (ENFORCEMENT.md "Suspicions") and opens a case for each suspicion whose
 * evidence has not opened one before. A detector never changes a colour: it only opens cases in
 * state `suspected`, for a person with the credit role to review.
 *
 * Incremental by default: each detector remembers the highest import batch it has examined and
 * looks only at what newer batches could change. `full: true` examines everything stored again
 * (after a threshold change, or a late site register); evidence keys make that safe, since the same
 * evidence never opens a second case.
 */
import type { Db } from '../../db/database.ts';
import { newestBatch } from '../../import/watermarks.ts';
import { openCase } from '../cases.ts';
import { type BatchWindow, type DetectorName, colouredBatch, detectorWatermark, setDetectorWatermark } from './batch-window.ts';
import { detectorSettings } from './detector-settings.ts';
import { findFalseDeclarations } from './false-declaration.ts';
import { findImpersonations } from './impersonation.ts';
import { findScreenshots } from './screenshot.ts';
import { type SiteRegister, loadSites } from './site-register.ts';
import type { Suspicion } from './suspicion.ts';

export interface DetectorOptions {
  /** Epoch ms: when the cases are opened. */
  now: number;
  full?: boolean;
  /**
   * Epoch ms: look at the city as it stood then (`hcc detect --as-of`, replaying a past day). Every
   * stored record is examined, but only suspicions whose records all date from before this instant
   * open cases, and the watermarks stay where they are, so later runs still see the rest.
   */
  asOf?: number;
}

export interface DetectorRun {
  /** Ids of the cases opened by this run. */
  opened: number[];
  /** Declarations checked, and new scans looked at (by the busier of the two scan detectors). */
  examined: { declarations: number; scans: number };
}

export function runDetectors(db: Db, options: DetectorOptions): DetectorRun {
  const asOf = options.asOf;
  const full = options.full === true || asOf !== undefined;
  const known = (s: Suspicion) => asOf === undefined || s.evidence.records.every((r) => r.at === null || r.at < asOf);
  // The newest batch, running or not: rows a batch adds later move the watermarks back (watermarks.ts).
  const upTo = newestBatch(db);
  const settings = detectorSettings(db);
  let register: SiteRegister | null = null;
  const sites = () => (register ??= loadSites(db));
  const opened: number[] = [];
  const examined = { declarations: 0, scans: 0 };
  const run = (name: DetectorName, limit: number, find: (w: BatchWindow) => { suspicions: Suspicion[]; examined: number }) => {
    const previous = detectorWatermark(db, name);
    const w: BatchWindow = { after: full ? 0 : previous, upTo: limit };
    if (w.upTo <= w.after) return 0;
    // Read in one snapshot, then open the cases and move the watermark together: a run killed
    // in between examines the same batches again next time, and evidence keys stop duplicates.
    const found = db.transaction(() => find(w))();
    db.transaction(() => {
      for (const s of found.suspicions.filter(known)) {
        const id = openCase(db, { ...s, openedBy: 'detector', at: options.now });
        if (id !== null) opened.push(id);
      }
      // Unless a chunk written meanwhile moved it back (its rows are yet to be examined).
      if (asOf === undefined && detectorWatermark(db, name) === previous) setDetectorWatermark(db, name, Math.max(previous, limit));
    }).immediate();
    return found.examined;
  };
  examined.declarations = run('false_declaration', upTo, (w) => findFalseDeclarations(db, w, full, settings));
  // A colour comparison must see the colours of the scan's batches: wait until they are evaluated.
  const screenshots = run('screenshot', Math.min(upTo, colouredBatch(db)), (w) => findScreenshots(db, w, settings, sites()));
  const moves = run('impersonation', upTo, (w) => findImpersonations(db, w, full, settings, sites()));
  examined.scans = Math.max(screenshots, moves);
  return { opened, examined };
}
