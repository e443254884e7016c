/**
 * The fraud detectors on their own (`hcc detect`): the colours are brought up to date first,
 * since the screenshot rule compares the colours people showed with the stored ones. Audited as
 * `detect.run`.
 */
import { addDays, type Day, dayStartInstant } from '../../../shared/domain/local-date.ts';
import { databaseClock } from '../clock/database-clock.ts';
import type { Db } from '../db/database.ts';
import { type DetectorRun, runDetectors } from '../enforcement/detectors/run-detectors.ts';
import { ensureColoursFresh } from '../rules/ensure-fresh.ts';
import { type Actor, auditAs } from './actor.ts';

export interface DetectCasesOptions {
  actor: Actor;
  /** Replays the end of this day: evidence dated later waits for a run that can see it. */
  asOf?: Day;
  /** Every stored record again, not only what came since the last run. */
  full?: boolean;
}

export async function detectCases(db: Db, options: DetectCasesOptions): Promise<DetectorRun> {
  await ensureColoursFresh(db);
  const asOf = options.asOf === undefined ? undefined : dayStartInstant(addDays(options.asOf, 1));
  // The console passes its clock (the actor's); `hcc detect` reads the database's.
  const clock = options.actor.now ? options.actor.now() : databaseClock(db)();
  const now = asOf === undefined ? clock : Math.min(clock, asOf - 1);
  const run = runDetectors(db, { now, full: options.full === true, ...(asOf === undefined ? {} : { asOf }) });
  auditAs(db, options.actor, 'detect.run', { opened: run.opened.length });
  return run;
}
