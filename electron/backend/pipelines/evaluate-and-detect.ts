/**
 * The step every data use case ends with: new data changes colours, so they are evaluated, and the
 * fraud detectors then examine the city on the colours just evaluated (ENFORCEMENT.md: the
 * detectors run after every sync and import); last, the Enterprises screen's figures of the latest
 * day are counted and kept (keep-latest-figures.ts), and so is that day's green forecast. Imports, syncs and the demo city call it as their
 * last step; the colours job ("evaluate again", key areas changed) is it alone.
 */
import { databaseClock } from '../clock/database-clock.ts';
import type { Db } from '../db/database.ts';
import { runDetectors } from '../enforcement/detectors/run-detectors.ts';
import { keepLatestFigures } from '../enterprises/keep-latest-figures.ts';
import { keepGreenForecast } from '../forecast/green-forecast.ts';
import { type RecomputeResult, recomputeColours } from '../rules/recompute.ts';
import { type Actor, auditAs, colourSummary } from './actor.ts';

export type ColourProgress = (p: { done: number; total: number }) => void;

export interface EvaluateAndDetectOptions {
  /** Every person again, not only those the new data touched. */
  full?: boolean;
  onColours?: ColourProgress;
}

export interface Evaluation {
  colours: RecomputeResult;
  /** Ids of the cases the detectors opened. */
  opened: number[];
}

export async function evaluateAndDetect(db: Db, options: EvaluateAndDetectOptions = {}): Promise<Evaluation> {
  const colours = await recomputeColours(db, {
    ...(options.full ? { full: true } : {}),
    ...(options.onColours ? { onProgress: options.onColours } : {}),
  });
  // On the database's clock: a demo city's cases open on its own days (one-clock.test.ts).
  const opened = runDetectors(db, { now: databaseClock(db)() }).opened;
  keepLatestFigures(db);
  // The dashboard's green forecast of the same day, kept so that the dashboard reads one row (green-forecast.ts).
  keepGreenForecast(db);
  return { colours, opened };
}

/** The colours job on its own: audited as `colours.evaluate`, since no import or sync stands behind it. */
export async function evaluateColours(db: Db, options: EvaluateAndDetectOptions & { actor: Actor }): Promise<Evaluation> {
  const evaluation = await evaluateAndDetect(db, options);
  auditAs(db, options.actor, 'colours.evaluate', {
    status: 'done',
    colours: colourSummary(evaluation.colours),
    casesOpened: evaluation.opened.length,
  });
  return evaluation;
}
