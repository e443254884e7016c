/**
 * Planted fraud (ENFORCEMENT.md), for the detectors to find: false declarations, screenshots and
 * impersonation, each about 0.1% of people and at least three each in a city of 2,000 people or
 * more. The planted people are clean residents who declared on the first morning and have no other
 * events, so the only suspicious thing about each is the planted evidence.
 */
import { type Day, parseDay } from '../../../shared/domain/local-date.ts';
import { at } from './demo-clock.ts';
import { FLAG, honestFlags, noEvents } from './demo-events.ts';
import { HUBEI_REGIONS, PLAIN_OUTSIDE_REGIONS, distanceKm } from './demo-geography.ts';
import { arrivalOf, drawMedical, stayOf } from './demo-person-events.ts';
import { type FraudPicks, type PlannedScan, type Population, STATUS, addToBuckets } from './demo-population.ts';
import type { SiteRegister } from './demo-sites.ts';
import { Rng, STREAM } from './random.ts';

export interface PlantedPeople {
  false_declaration: number[];
  screenshot: number[];
  impersonation: number[];
}

const MIN_PLANTED = 3;
const MIN_PEOPLE_FOR_MINIMUM = 2000;
const HUBEI_KEY_FROM: Day = parseDay('2020-01-23')!;
/** Sites this far apart cannot be reached within 20 minutes at the detector's 150 km/h. */
const FAR_KM = 65;

interface Context {
  p: Population;
  rng: Rng;
  sites: SiteRegister;
  /** Whether Hubei is a key area on a demo day (it is from 2020-01-23). */
  hubeiKey: (day: number) => boolean;
}

export function plantFraud(p: Population, picks: FraudPicks, sites: SiteRegister, seed: number, startDay: Day): PlantedPeople {
  const ctx: Context = { p, rng: new Rng(seed, STREAM.fraud), sites, hubeiKey: (day) => startDay + day >= HUBEI_KEY_FROM };
  const reserve = [...picks.reserve];
  const topUp = (list: number[]): number[] => {
    while (p.n >= MIN_PEOPLE_FOR_MINIMUM && list.length < MIN_PLANTED && reserve.length > 0) list.push(reserve.shift()!);
    return list.sort((a, b) => a - b);
  };
  const planted: PlantedPeople = {
    false_declaration: topUp(picks.falseDeclaration),
    screenshot: topUp(picks.screenshot),
    impersonation: topUp(picks.impersonation),
  };
  for (const i of planted.false_declaration) plantFalseDeclaration(ctx, i);
  for (const i of planted.screenshot) plantScreenshot(ctx, i);
  for (const i of planted.impersonation) plantImpersonation(ctx, i);
  return planted;
}

/**
 * A later declaration saying "no" to everything while the departments know better: Hubei roaming
 * 3–10 days before, an arrival from outside Shandong within 14 days, or fever medicine 1–2 days before.
 */
function plantFalseDeclaration(ctx: Context, i: number): void {
  const { p, rng } = ctx;
  const e = noEvents();
  let lieDay = 0;
  const variants = [...(p.days >= 4 && ctx.hubeiKey(-2) ? ['hubei'] : []), ...(p.days >= 2 ? ['travel', 'medicine'] : ['same_day'])];
  const variant = rng.pick(variants);
  if (variant === 'hubei') {
    lieDay = rng.between(3, p.days - 1);
    const end = lieDay - rng.between(3, Math.min(10, lieDay));
    e.stays.push(stayOf(rng, i, rng.pick(HUBEI_REGIONS), end - rng.between(0, 2), end));
  } else if (variant === 'travel' || variant === 'medicine') {
    lieDay = rng.between(1, p.days - 1);
    if (variant === 'travel') {
      const day = lieDay - rng.between(1, Math.min(13, lieDay));
      e.arrivals.push(arrivalOf(rng, i, rng.pick(PLAIN_OUTSIDE_REGIONS), day, rng.between(at(6), at(22))));
    } else {
      e.medical.push(drawMedical(rng, i, p.county[i]!, p.days, 'fever_medicine', lieDay - rng.between(1, Math.min(2, lieDay))));
    }
  } else {
    // A one-day city: the arrival is early on the same day as the lie.
    e.arrivals.push(arrivalOf(rng, i, rng.pick(PLAIN_OUTSIDE_REGIONS), 0, rng.between(at(6), at(6, 59))));
  }
  addToBuckets(p, e);
  p.firstFlags[i] = honestFlags(e, 0);
  p.reDay[i] = lieDay;
  p.reSec[i] = lieDay === 0 ? rng.between(at(20), at(22)) : rng.between(at(12), at(22));
  p.reCounty[i] = p.county[i]!;
  p.reFlags[i] = 0;
  mark(p, i, STATUS.falseDeclaration);
}

/**
 * A scan showing a code issued 20–180 minutes earlier, or a green code shown within five days after
 * a fever declaration or Hubei roaming (the person is yellow or red then).
 */
function plantScreenshot(ctx: Context, i: number): void {
  const { p, rng } = ctx;
  const variants = ['stale', ...(p.days >= 2 ? ['fever'] : []), ...(p.days >= 3 && ctx.hubeiKey(0) ? ['hubei'] : [])];
  const variant = rng.pick(variants);
  const site = rng.pick(ctx.sites.byCounty[p.county[i]!]!);
  if (variant === 'stale') {
    const day = p.days >= 2 ? rng.between(1, p.days - 1) : 0;
    const sec = rng.between(at(15), at(21, 30));
    addScan(p, day, i, { site, sec, issuedSec: sec - rng.between(20 * 60, 180 * 60) });
  } else {
    let trigger: number;
    if (variant === 'fever') {
      trigger = p.days >= 3 ? rng.between(1, p.days - 2) : 0;
      p.reDay[i] = trigger;
      p.reSec[i] = trigger === 0 ? rng.between(at(12), at(14)) : rng.between(at(7), at(20));
      p.reCounty[i] = p.county[i]!;
      p.reFlags[i] = FLAG.fever;
    } else {
      // The stay starts after the first declaration, so that declaration stays truthful.
      trigger = rng.between(1, p.days - 2);
      const e = noEvents();
      e.stays.push(stayOf(rng, i, rng.pick(HUBEI_REGIONS), trigger - rng.between(0, Math.min(2, trigger - 1)), trigger));
      addToBuckets(p, e);
    }
    const day = trigger + rng.between(1, Math.min(5, p.days - 1 - trigger));
    addScan(p, day, i, freshScan(rng, site, rng.between(at(8), at(21))));
  }
  mark(p, i, STATUS.screenshot);
}

/** Two scans of one person at sites too far apart for the time between them, or two sites within 2 minutes. */
function plantImpersonation(ctx: Context, i: number): void {
  const { p, rng, sites } = ctx;
  const day = p.days >= 2 ? rng.between(1, p.days - 1) : 0;
  const own = sites.byCounty[p.county[i]!]!;
  const a = rng.pick(own);
  const siteA = sites.sites[a]!;
  const far: number[] = [];
  sites.sites.forEach((s, k) => {
    if (distanceKm(siteA.lat, siteA.lon, s.lat, s.lon) >= FAR_KM) far.push(k);
  });
  const t1 = rng.between(at(12), at(20));
  addScan(p, day, i, freshScan(rng, a, t1));
  if (far.length > 0 && rng.chance(0.6)) {
    addScan(p, day, i, freshScan(rng, rng.pick(far), t1 + rng.between(5 * 60, 20 * 60)));
  } else {
    const others = own.filter((k) => k !== a);
    addScan(p, day, i, freshScan(rng, rng.pick(others), t1 + rng.between(20, 110)));
  }
  mark(p, i, STATUS.impersonation);
}

function freshScan(rng: Rng, site: number, sec: number): PlannedScan {
  return { site, sec, issuedSec: sec - rng.between(10, 240) };
}

function addScan(p: Population, day: number, person: number, scan: PlannedScan): void {
  const byPerson = p.plantedScans[day]!;
  const list = byPerson.get(person);
  if (list) list.push(scan);
  else byPerson.set(person, [scan]);
}

/** A planted person is no longer clean: they get no honest scans, only the planted ones. */
function mark(p: Population, i: number, bit: number): void {
  p.status[i] = (p.status[i]! & ~STATUS.clean) | bit;
}
