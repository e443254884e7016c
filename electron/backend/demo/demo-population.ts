/**
 * The population plan: one pass over all people decides who they are, when they declare, what the
 * departments will record about them, and whether they are honest "clean" code holders who may be
 * scanned. Per-person state lives in typed arrays (about 25 bytes a person, so 4 million people take
 * about 100 MB), on shared memory so worker threads read the same arrays without a copy; the rare
 * department events live in per-day lists. The day writers stream the files from this plan.
 */
import { COUNTIES } from '../../../shared/domain/counties.ts';
import { at } from './demo-clock.ts';
import {
  type Arrival,
  DayBuckets,
  FLAG,
  type HealthRow,
  type MedicalVisit,
  NEVER,
  type PersonEvents,
  type RoamingStay,
  hasAnyEvent,
  hasTrigger,
  honestFlags,
} from './demo-events.ts';
import { ID_PREFIXES, OUTSIDE_PREFIX_FIRST, PersonIds } from './demo-identities.ts';
import { drawEvents } from './demo-person-events.ts';
import { Rng, STREAM, cumulate, weightedIndex } from './random.ts';

export const KIND = { resident: 0, migrant: 1, visitor: 2 } as const;

/** Status bits. `clean`: holds a code in the period and nothing ever makes them red or yellow. */
export const STATUS = { clean: 1, falseDeclaration: 2, screenshot: 4, impersonation: 8 } as const;
export const PLANTED = STATUS.falseDeclaration | STATUS.screenshot | STATUS.impersonation;

export interface PlannedScan {
  site: number;
  sec: number;
  issuedSec: number;
}

export interface Population {
  n: number;
  days: number;
  /** KIND: resident (in the public-security feed), migrant (declares, not a resident), visitor (neither). */
  kind: Uint8Array;
  /** Home county index (COUNTIES order). */
  county: Uint8Array;
  idPrefix: Uint8Array;
  ids: PersonIds;
  firstDay: Int16Array;
  /** The earliest first declaration of anyone (NEVER if nobody declares in the period). */
  firstDeclarationDay: number;
  /** The first day with medical rows (-1 if none); set once the plan is complete. */
  firstMedicalDay: number;
  firstSec: Int32Array;
  firstFlags: Uint16Array;
  reDay: Int16Array;
  reSec: Int32Array;
  reFlags: Uint16Array;
  reCounty: Uint8Array;
  sickStart: Int16Array;
  sickLength: Uint8Array;
  status: Uint8Array;
  /** A stay is listed on every day it is active: the telecom file of each day reports it again. */
  roaming: DayBuckets<RoamingStay>;
  travel: DayBuckets<Arrival>;
  medical: DayBuckets<MedicalVisit>;
  health: DayBuckets<HealthRow>;
  /** Planted scans per day, by person index. */
  plantedScans: Map<number, PlannedScan[]>[];
}

/** Candidates for planted fraud: clean residents declared on day 0 before 11:00, with no events. */
export interface FraudPicks {
  falseDeclaration: number[];
  screenshot: number[];
  impersonation: number[];
  reserve: number[];
}

const COUNTY_WEIGHTS = cumulate(COUNTIES.map((c) => c.populationShare));
/** About a quarter of people are eligible, so this plants about 0.1% of all people per behaviour. */
const PLANT_RATE_AMONG_ELIGIBLE = 0.004;
const SELF_DECLARED = [FLAG.shortness_of_breath, FLAG.respiratory_symptoms, FLAG.febrile_contact];

export function planPopulation(n: number, days: number, seed: number): { population: Population; picks: FraudPicks } {
  const bytes = (perPerson: number) => new SharedArrayBuffer(n * perPerson);
  const idPrefix = new Uint8Array(bytes(1));
  const p: Population = {
    n,
    days,
    kind: new Uint8Array(bytes(1)),
    county: new Uint8Array(bytes(1)),
    idPrefix,
    ids: new PersonIds(idPrefix),
    firstDay: new Int16Array(bytes(2)).fill(NEVER),
    firstDeclarationDay: NEVER,
    firstMedicalDay: -1,
    firstSec: new Int32Array(bytes(4)),
    firstFlags: new Uint16Array(bytes(2)),
    reDay: new Int16Array(bytes(2)).fill(NEVER),
    reSec: new Int32Array(bytes(4)),
    reFlags: new Uint16Array(bytes(2)),
    reCounty: new Uint8Array(bytes(1)),
    sickStart: new Int16Array(bytes(2)).fill(NEVER),
    sickLength: new Uint8Array(bytes(1)),
    status: new Uint8Array(bytes(1)),
    roaming: new DayBuckets(days),
    travel: new DayBuckets(days),
    medical: new DayBuckets(days),
    health: new DayBuckets(days),
    plantedScans: Array.from({ length: days }, () => new Map()),
  };
  const picks: FraudPicks = { falseDeclaration: [], screenshot: [], impersonation: [], reserve: [] };
  const rng = new Rng(seed, STREAM.plan);
  // Even a small city gets one health-commission case: the first insured person from the middle on.
  let healthCasePending = true;
  for (let i = 0; i < n; i++) {
    const u = rng.unit();
    const kind = u < 0.97 ? KIND.resident : u < 0.98 ? KIND.migrant : KIND.visitor;
    const county = weightedIndex(COUNTY_WEIGHTS, rng.unit());
    p.kind[i] = kind;
    p.county[i] = county;
    p.idPrefix[i] = kind === KIND.resident ? county : OUTSIDE_PREFIX_FIRST + rng.below(ID_PREFIXES.length - OUTSIDE_PREFIX_FIRST);
    const declares = kind === KIND.migrant || (kind === KIND.resident && !rng.chance(0.03));
    if (declares) planDeclarations(p, rng, i);
    const insured = kind !== KIND.visitor;
    const forceHealthCase = insured && healthCasePending && i >= n >> 1;
    if (forceHealthCase) healthCasePending = false;
    const events = drawEvents(rng, i, county, { days, insured, forceHealthCase });
    if (events.sickness) {
      p.sickStart[i] = events.sickness.start;
      p.sickLength[i] = events.sickness.length;
    }
    addToBuckets(p, events);
    const first = p.firstDay[i]!;
    if (first === NEVER) continue;
    if (first < p.firstDeclarationDay) p.firstDeclarationDay = first;
    p.firstFlags[i] = honestFlags(events, first) | selfDeclared(rng);
    if (p.reDay[i] !== NEVER) p.reFlags[i] = honestFlags(events, p.reDay[i]!) | selfDeclared(rng);
    if (hasTrigger(events) || p.firstFlags[i] !== 0 || p.reFlags[i] !== 0) continue;
    p.status[i] = STATUS.clean;
    const eligible = kind === KIND.resident && first === 0 && p.firstSec[i]! < at(11) && p.reDay[i] === NEVER && !hasAnyEvent(events);
    if (eligible) pickForFraud(picks, rng.unit(), i);
  }
  return { population: p, picks };
}

/**
 * First declaration: 60% on the first day (half of those in the morning after the launch notice),
 * the rest spread over the following days, some after the period. About 3% declare once more later,
 * a few of them from another county.
 */
function planDeclarations(p: Population, rng: Rng, i: number): void {
  const first = rng.chance(0.6) ? 0 : 1 + Math.floor(-Math.log(1 - rng.unit()) * 3);
  if (first >= p.days) return;
  p.firstDay[i] = first;
  p.firstSec[i] = rng.chance(0.5) ? rng.between(at(7), at(10, 59)) : rng.between(at(11), at(22, 59));
  if (first < p.days - 1 && rng.chance(0.03)) {
    p.reDay[i] = rng.between(first + 1, p.days - 1);
    p.reSec[i] = rng.between(at(7), at(22, 59));
    const home = p.county[i]!;
    p.reCounty[i] = rng.chance(0.005) ? (home + rng.between(1, COUNTIES.length - 1)) % COUNTIES.length : home;
  }
}

/** A few people report a symptom or a febrile contact on their own: yellow, and honest. */
function selfDeclared(rng: Rng): number {
  return rng.chance(0.003) ? rng.pick(SELF_DECLARED) : 0;
}

export function addToBuckets(p: Population, e: PersonEvents): void {
  for (const s of e.stays) for (let d = Math.max(0, s.firstDay); d <= Math.min(p.days - 1, s.lastDay); d++) p.roaming.add(d, s);
  for (const a of e.arrivals) p.travel.add(a.day, a);
  for (const m of e.medical) p.medical.add(m.day, m);
  for (const h of e.health) {
    p.health.add(h.day, { person: h.person, sec: h.sec, status: h.status });
    if (h.clearedDay !== NEVER) p.health.add(h.clearedDay, { person: h.person, sec: h.clearedSec, status: 'cleared' });
  }
}

function pickForFraud(picks: FraudPicks, u: number, i: number): void {
  const r = PLANT_RATE_AMONG_ELIGIBLE;
  if (u < r) picks.falseDeclaration.push(i);
  else if (u < 2 * r) picks.screenshot.push(i);
  else if (u < 3 * r) picks.impersonation.push(i);
  else if (picks.reserve.length < 32) picks.reserve.push(i);
}
