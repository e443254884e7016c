/**
 * Drawing one person's department events for the period: telecom roaming (about 8% of phones), a
 * transport arrival (about 1%), fever-clinic visits and fever-medicine purchases (0.05% and 0.1% of
 * people a day), a health-commission case (about 1 in 4,000) and a short fever (0.05% a day).
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { at } from './demo-clock.ts';
import {
  type Arrival,
  type HealthCase,
  type HealthStatus,
  type MedicalKind,
  type MedicalVisit,
  NEVER,
  type PersonEvents,
  type RoamingStay,
  type TravelMode,
} from './demo-events.ts';
import { HUBEI_REGIONS, OUTSIDE_REGIONS, SHANDONG_REGIONS, isOutsideShandong } from './demo-geography.ts';
import { carrierOf } from './demo-identities.ts';
import type { Rng } from './random.ts';

export const NO_EVENTS: PersonEvents = Object.freeze({ stays: [], arrivals: [], medical: [], health: [], sickness: null }) as PersonEvents;

const HOSPITALS: readonly string[] = [
  '滨州市人民医院',
  '沾化区人民医院',
  '惠民县人民医院',
  '阳信县人民医院',
  '无棣县人民医院',
  '博兴县人民医院',
  '邹平市人民医院',
];
const PHARMACIES: readonly string[] = ['漱玉平民大药房', '立健药店', '燕喜堂医药', '益康大药房', '仁和堂药店'];

export interface DrawContext {
  days: number;
  /** People known to the health and insurance systems (residents, migrants). */
  insured: boolean;
  /** Give this person a health-commission case whatever the draw (so small cities have one). */
  forceHealthCase?: boolean;
}

export function drawEvents(rng: Rng, person: number, county: number, ctx: DrawContext): PersonEvents {
  const { days } = ctx;
  const roams = rng.chance(0.08);
  const travels = rng.chance(0.01);
  const clinic = ctx.insured && rng.chance(days * 0.0005);
  const medicine = ctx.insured && rng.chance(days * 0.001);
  const health = ctx.insured && (rng.chance(1 / 4000) || ctx.forceHealthCase === true);
  const sick = rng.chance(days * 0.0005);
  if (!(roams || travels || clinic || medicine || health || sick)) return NO_EVENTS;
  const e: PersonEvents = { stays: [], arrivals: [], medical: [], health: [], sickness: null };
  if (roams) e.stays.push(drawStay(rng, person, days));
  if (travels) e.arrivals.push(drawArrival(rng, person, days));
  if (clinic) e.medical.push(drawMedical(rng, person, county, days, 'fever_clinic'));
  if (medicine) e.medical.push(drawMedical(rng, person, county, days, 'fever_medicine'));
  if (health) e.health.push(drawHealthCase(rng, person, days));
  if (sick) e.sickness = { start: rng.between(0, days - 1), length: rng.between(1, 3) };
  return e;
}

/** A stay of 1–6 days; it may have begun just before the period (the first file carries it). */
export function drawStay(rng: Rng, person: number, days: number, region = drawRoamingRegion(rng)): RoamingStay {
  const firstDay = rng.between(-2, days - 1);
  const lastDay = Math.max(0, firstDay + rng.between(1, 6) - 1);
  return stayOf(rng, person, region, firstDay, lastDay);
}

export function stayOf(rng: Rng, person: number, region: string, firstDay: number, lastDay: number): RoamingStay {
  const firstSec = rng.between(at(6), at(20));
  // On a one-day stay the phone is seen again at least an hour after it arrived.
  const lastSec = lastDay === firstDay ? rng.between(firstSec + 3600, at(23, 59)) : rng.between(at(6), at(23, 59));
  return { person, region, carrier: carrierOf(person), firstDay, firstSec, lastDay, lastSec };
}

/** Mostly other Shandong cities; about 2% of people outside Shandong, 0.2% in Hubei. */
function drawRoamingRegion(rng: Rng): string {
  const u = rng.unit();
  if (u < 0.025) return rng.pick(HUBEI_REGIONS);
  if (u < 0.275) return rng.pick(OUTSIDE_REGIONS);
  return rng.pick(SHANDONG_REGIONS);
}

function drawArrival(rng: Rng, person: number, days: number): Arrival {
  const u = rng.unit();
  const origin = u < 0.03 ? rng.pick(HUBEI_REGIONS) : u < 0.2 ? rng.pick(OUTSIDE_REGIONS) : rng.pick(SHANDONG_REGIONS);
  return arrivalOf(rng, person, origin, rng.between(0, days - 1), rng.between(at(6), at(23)));
}

export function arrivalOf(rng: Rng, person: number, origin: string, day: number, sec: number): Arrival {
  const far = isOutsideShandong(origin);
  const v = rng.unit();
  const mode: TravelMode = far ? (v < 0.5 ? 'train' : v < 0.8 ? 'flight' : 'road') : v < 0.6 ? 'road' : v < 0.95 ? 'train' : 'other';
  return { person, day, sec, origin, mode };
}

export function drawMedical(
  rng: Rng,
  person: number,
  county: number,
  days: number,
  kind: MedicalKind,
  day = rng.between(0, days - 1),
): MedicalVisit {
  const facility = kind === 'fever_clinic' ? `${HOSPITALS[county]!}发热门诊` : `${rng.pick(PHARMACIES)}（${COUNTIES[county]!.name}店）`;
  return { person, day, sec: rng.between(at(8), at(21, 59)), kind, facility };
}

function drawHealthCase(rng: Rng, person: number, days: number): HealthCase {
  const u = rng.unit();
  const status: HealthStatus = u < 0.05 ? 'confirmed' : u < 0.25 ? 'suspected' : 'close_contact';
  const day = rng.between(0, days - 1);
  const cleared = day + rng.between(10, 20);
  return {
    person,
    status,
    day,
    sec: rng.between(at(8), at(20)),
    clearedDay: cleared < days ? cleared : NEVER,
    clearedSec: rng.between(at(8), at(20)),
  };
}
