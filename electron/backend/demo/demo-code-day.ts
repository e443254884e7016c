/**
 * One day of the health-code platform's files: declarations, check-ins and scans, written in a single
 * pass over the people. This is the generator's hot loop (a full city has about 8 million check-ins
 * a day), so per-row work is table lookups and a few random draws; timestamps come from per-day
 * tables of ready strings.
 *
 * A day's files depend only on the plan, the seed and the day, never on other days: days can be
 * written in any order or in parallel and the bytes stay the same.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { type DemoClock, at } from './demo-clock.ts';
import { FLAG_COLUMNS, NEVER } from './demo-events.ts';
import { type FeedFile, type Tally, feedFilePath, impossibleDate, openFeedFile } from './demo-files.ts';
import { wrongCheckChar } from './demo-identities.ts';
import { PLANTED, type Population, STATUS } from './demo-population.ts';
import type { SiteRegister } from './demo-sites.ts';
import { feverTemperature, healthyTemperature } from './demo-temperatures.ts';
import { ATTENDANCE, CLOSED_GATE_PASS, LAX_SKIP, NO_CODE_COMES, RED_COMES, RED_LET_THROUGH, type WorkGates } from './demo-work-gates.ts';
import { Rng, STREAM } from './random.ts';

export interface DayContext {
  root: string;
  p: Population;
  clock: DemoClock;
  sites: SiteRegister;
  gates: WorkGates;
  seed: number;
  tally: Tally;
}

/** About 0.05% of declaration, check-in and medical rows get a bad twin right after them. */
export const BAD_ROW_RATE = 0.0005;
const MISSED_CHECKIN = 0.03;
/** Honest scans on one day are at least this far apart, so the 150 km/h impersonation rule never trips. */
const MIN_SCAN_GAP = 2 * 3600;
/** A works-gate scan keeps this far from the person's other scans of the day (the city is 150 km across). */
const GATE_SCAN_GAP = 90 * 60;

export async function writeCodeDay(ctx: DayContext, day: number): Promise<FeedFile[]> {
  const { p, clock, tally, root } = ctx;
  const date = clock.date(day);
  const declarations = await openFeedFile(root, 'declarations', feedFilePath('declarations', date), tally, { header: 'en' });
  const checkins = await openFeedFile(root, 'checkins', feedFilePath('checkins', date), tally, { header: 'en' });
  const scans = await openFeedFile(root, 'scans', feedFilePath('scans', date), tally, { header: 'en' });
  const rng = new Rng(ctx.seed, STREAM.daily, day);
  // Gate scans and lax check-ins draw from their own stream, so the other rows of an older seed stay the same.
  const gateRng = new Rng(ctx.seed, STREAM.gateScans, day);
  const { gates } = ctx;
  const redStaff = new Set(gates.redByDay[day]);
  let redLetThrough = false;
  const stamps = clock.stampsOf(day);
  const isoOffset = (sec: number) => stamps.isoOffset[sec] ?? clock.isoOffset(day, sec);
  // Every feed has at least one bad row: the first row of the first day that has any gets a bad twin.
  let forceBadDeclaration = day === p.firstDeclarationDay;
  let forceBadCheckin = day === p.firstDeclarationDay;
  const writeDeclaration = async (row: string[]) => {
    await declarations.write(row);
    if (rng.unit() < BAD_ROW_RATE || forceBadDeclaration) await declarations.writeBad(badDeclaration(rng, row));
    forceBadDeclaration = false;
  };
  const scanPrefix = 'SC' + clock.compactDate(day);
  let scanSeq = 0;
  const writeScan = (id: string, site: number, sec: number, issuedSec: number) =>
    scans.write([
      scanPrefix + String(++scanSeq).padStart(8, '0'),
      id,
      ctx.sites.sites[site]!.id,
      isoOffset(sec),
      isoOffset(issuedSec),
      'green',
      'pass',
    ]);

  const writeGateScan = (id: string, gate: number, sec: number, shown: 'green' | 'red' | null, action: 'pass' | 'deny') =>
    scans.write([
      scanPrefix + String(++scanSeq).padStart(8, '0'),
      id,
      gates.ids[gate]!,
      isoOffset(sec),
      // Without a code there is nothing shown and no issue time.
      shown === null ? '' : isoOffset(sec - gateRng.between(10, 240)),
      shown ?? '',
      action,
    ]);

  for (let i = 0; i < p.n; i++) {
    const first = p.firstDay[i]!;
    if (first > day) {
      // Staff who have not applied yet: some come to an open gate and are turned away.
      const gate = gates.gateOf[i]!;
      if (gate >= 0 && gates.openFrom[gate]! <= day && gateRng.unit() < NO_CODE_COMES) {
        await writeGateScan(p.ids.of(i), gate, gateRng.between(at(6, 30), at(9) - 1), null, 'deny');
      }
      continue;
    }
    const id = p.ids.of(i);
    const status = p.status[i]!;
    const employer = gates.employer[i]!;
    const laxStaff = employer >= 0 && gates.lax[employer] === 1 && (status & STATUS.clean) !== 0;
    if (first === day) await writeDeclaration(declarationRow(p, i, id, isoOffset(p.firstSec[i]!), false));
    if (p.reDay[i] === day) await writeDeclaration(declarationRow(p, i, id, isoOffset(p.reSec[i]!), true));

    // Check-ins: morning and evening, none before the first declaration on its day.
    const notBefore = first === day ? p.firstSec[i]! : -1;
    const sickFrom = p.sickStart[i]!;
    const sick = sickFrom !== NEVER && sickFrom <= day && day < sickFrom + p.sickLength[i]!;
    for (let slot = 0; slot < 2; slot++) {
      const sec = slot === 0 ? rng.between(at(7), at(10) - 1) : rng.between(at(18), at(22) - 1);
      if (sec <= notBefore || rng.unit() < MISSED_CHECKIN) continue;
      const row = [
        id,
        stamps.spaced[sec]!,
        sick ? feverTemperature(rng.next()) : healthyTemperature(rng.next()),
        sick && rng.chance(0.3) ? '1' : '0',
      ];
      // A lax enterprise's staff skip some; the row's draws are made all the same (stream unchanged).
      const skipped = laxStaff && gateRng.unit() < LAX_SKIP;
      if (!skipped) await checkins.write(row);
      if (rng.unit() < BAD_ROW_RATE || (forceBadCheckin && !skipped)) {
        const bad = badCheckin(rng, row, stamps.spaced[sec + 1]!);
        if (!skipped) await checkins.writeBad(bad);
      }
      if (!skipped) forceBadCheckin = false;
    }

    const gate = gates.gateOf[i]!;
    if (status & STATUS.clean) {
      // About 0.5 scans a day: 30% once, 10% twice (two hours or more apart), in their county; on
      // the day they first declare, only from half an hour after the declaration (they hold a code).
      const u = rng.unit();
      const earliest = first === day ? p.firstSec[i]! + 1800 : at(7);
      const taken: number[] = [];
      if (u < 0.4 && earliest < at(13)) {
        const sites = ctx.sites.byCounty[p.reDay[i]! < day ? p.reCounty[i]! : p.county[i]!]!;
        const sec = rng.between(earliest, at(13) - 1);
        await writeScan(id, rng.pick(sites), sec, sec - rng.between(10, 240));
        taken.push(sec);
        if (u >= 0.3) {
          const later = sec + MIN_SCAN_GAP + rng.below(at(6));
          await writeScan(id, rng.pick(sites), later, later - rng.between(10, 240));
          taken.push(later);
        }
      }
      if (gate >= 0) {
        // Open enterprises: most staff most days; a closed one's gate lets a few in (violations).
        const comes = gateRng.unit() < (gates.openFrom[gate]! <= day ? ATTENDANCE : CLOSED_GATE_PASS);
        const sec = gateRng.between(at(6, 30), at(9) - 1);
        const clear = sec > (first === day ? p.firstSec[i]! + 1800 : 0) && taken.every((t) => Math.abs(t - sec) >= GATE_SCAN_GAP);
        if (comes && clear) await writeGateScan(id, gate, sec, 'green', 'pass');
      }
    } else if (redStaff.has(i)) {
      // Red staff who come are turned away; now and then one is let through. The first of each day
      // always comes and is let through, so every day with red staff has a site violation to find.
      if (gateRng.unit() < RED_COMES || !redLetThrough) {
        const through: boolean = !redLetThrough || gateRng.unit() < RED_LET_THROUGH;
        redLetThrough ||= through;
        await writeGateScan(id, gate, gateRng.between(at(6, 30), at(9) - 1), 'red', through ? 'pass' : 'deny');
      }
    } else if (status & PLANTED) {
      for (const scan of p.plantedScans[day]!.get(i) ?? []) await writeScan(id, scan.site, scan.sec, scan.issuedSec);
    }
  }
  await Promise.all([declarations.close(), checkins.close(), scans.close()]);
  return [declarations, checkins, scans];
}

function declarationRow(p: Population, i: number, id: string, declaredAt: string, again: boolean): string[] {
  const flags = again ? p.reFlags[i]! : p.firstFlags[i]!;
  const row: string[] = [id, declaredAt, COUNTIES[again ? p.reCounty[i]! : p.county[i]!]!.code];
  for (let b = 0; b < FLAG_COLUMNS.length; b++) row.push(flags & (1 << b) ? '1' : '0');
  return row;
}

function badDeclaration(rng: Rng, row: readonly string[]): string[] {
  const bad = [...row];
  if (rng.chance(0.5)) bad[0] = wrongCheckChar(row[0]!);
  else bad[1] = impossibleDate(row[1]!);
  return bad;
}

/** `secondLater`: the bad temperature goes with its own key, so it is rejected, never a duplicate. */
function badCheckin(rng: Rng, row: readonly string[], secondLater: string): string[] {
  const bad = [...row];
  const u = rng.unit();
  if (u < 1 / 3) bad[0] = wrongCheckChar(row[0]!);
  else if (u < 2 / 3) [bad[1], bad[2]] = [secondLater, '99.9'];
  else bad[1] = impossibleDate(row[1]!);
  return bad;
}
